import { domainError, type DomainError } from '../domain-error';

/** Stable codes; the API matches on these, never on messages. */
export const AuthErrorCode = {
  TOO_MANY_FAILURES: 'AUTH.TOO_MANY_FAILURES',
  SEND_LIMIT: 'AUTH.SEND_LIMIT',
  ALREADY_BLOCKED: 'USER.ALREADY_BLOCKED',
  NOT_BLOCKED: 'USER.NOT_BLOCKED',
} as const;

/** Too many failed logins from one client address: every login from it waits (same for every login). */
export const tooManyFailures = (retryAfterMs: number): DomainError =>
  domainError(AuthErrorCode.TOO_MANY_FAILURES, 'TOO_MANY', 'Too many failed attempts from this address; try again later.', {
    retryAfterMs,
  });

/** Too many codes or links sent to one login or phone: SMS cost money and invite pumping fraud. */
export const sendLimit = (retryAfterMs: number): DomainError =>
  domainError(AuthErrorCode.SEND_LIMIT, 'TOO_MANY', 'Too many codes were requested; try again later.', { retryAfterMs });

export const alreadyBlocked = (): DomainError => domainError(AuthErrorCode.ALREADY_BLOCKED, 'CONFLICT', 'The user is already blocked.', { state: 'BLOCKED' });

export const notBlocked = (status: string): DomainError =>
  domainError(AuthErrorCode.NOT_BLOCKED, 'CONFLICT', `The user is not blocked (status ${status}).`, { state: status });
