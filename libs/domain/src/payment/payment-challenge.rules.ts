import { domainError, type DomainError } from '../domain-error';

/**
 * Rules around the confirmation codes of a document (§1.13) that the challenge machine
 * leaves to its owner: whose challenge it is, and how often codes may be sent.
 */
export const challengeNotFound = (): DomainError => domainError('PAYMENT.CHALLENGE_NOT_FOUND', 'NOT_FOUND', 'No such confirmation request for this document.');

/** A wrong code: the attempt counts; the caller may try again while attempts are left. */
export const wrongCode = (attemptsLeft: number, locked: boolean): DomainError =>
  domainError('PAYMENT.WRONG_CODE', 'INVALID', locked ? 'Wrong code; this code is now blocked, request a new one.' : 'Wrong code.', { attemptsLeft, field: 'code' });

/**
 * One user gets a new code for a document only after the cooldown since their last one,
 * so a stuck button or a script cannot flood their phone (SMS cost, SMS pumping).
 */
export const codeResendRefusal = (lastIssuedAt: number | null, at: number, cooldownMs: number): DomainError | null => {
  if (lastIssuedAt === null || at >= lastIssuedAt + cooldownMs) return null;
  return domainError('PAYMENT.CODE_RESEND_COOLDOWN', 'TOO_MANY', 'A new code can be sent only after the cooldown.', {
    retryAfterMs: lastIssuedAt + cooldownMs - at,
  });
};
