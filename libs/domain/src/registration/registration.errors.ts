import { domainError, type DomainError } from '../domain-error';

export const REGISTRATION_FLOW = 'REGISTRATION';

/** Stable codes; the API and workflows match on these, never on messages. */
export const RegistrationErrorCode = {
  RESEND_COOLDOWN: 'REGISTRATION.RESEND_COOLDOWN',
  CODE_SUPERSEDED: 'REGISTRATION.CODE_SUPERSEDED',
  CODE_EXPIRED: 'REGISTRATION.CODE_EXPIRED',
  CODE_NOT_YET_EXPIRED: 'REGISTRATION.CODE_NOT_YET_EXPIRED',
  TRANSITION_NOT_ALLOWED: 'REGISTRATION.TRANSITION_NOT_ALLOWED',
  INVALID_EVENT: 'REGISTRATION.INVALID_EVENT',
} as const;

export const resendCooldown = (retryAfterMs: number, resendAvailableAt: number): DomainError =>
  domainError(RegistrationErrorCode.RESEND_COOLDOWN, 'TOO_MANY', 'A new code can be sent only after the cooldown.', {
    retryAfterMs,
    resendAvailableAt,
  });

/** A newer code was sent; the one entered was issued before it (§1.7). */
export const codeSuperseded = (latestCodeNo: number): DomainError =>
  domainError(RegistrationErrorCode.CODE_SUPERSEDED, 'CONFLICT', 'A newer confirmation code has been sent; enter the latest one.', { latestCodeNo });

/** §1.11: the bank sets how long a code stays valid. */
export const codeExpired = (codeExpiresAt: number | null): DomainError =>
  domainError(RegistrationErrorCode.CODE_EXPIRED, 'GONE', 'The confirmation code has expired; request a new one.', {
    codeExpiresAt,
  });

/** A late timer for an older code, or a clock that runs ahead of the code's lifetime. */
export const codeNotYetExpired = (codeExpiresAt: number | null): DomainError =>
  domainError(RegistrationErrorCode.CODE_NOT_YET_EXPIRED, 'CONFLICT', 'The current confirmation code is still valid.', {
    codeExpiresAt,
  });
