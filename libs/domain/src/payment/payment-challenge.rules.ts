import { domainError, type DomainError } from '../domain-error';
import { wrongCodeRefusal, type FieldRefusal } from '../refusal';

/**
 * Rules around the confirmation codes of a document (§1.13) that the challenge machine
 * leaves to its owner: whose challenge it is, and how often codes may be sent.
 */
export const challengeNotFound = (): DomainError => domainError('PAYMENT.CHALLENGE_NOT_FOUND', 'NOT_FOUND', 'No such confirmation request for this document.');

/**
 * A wrong code (§1.11): the attempt counts; the caller may try again while attempts are left,
 * and the last one blocks the code. The one wrong-code shape of every flow, with the payment's
 * wording; `field` stays in the body, as clients have always read it.
 */
export const wrongCode = (attemptsLeft: number, locked: boolean): FieldRefusal =>
  wrongCodeRefusal(
    'PAYMENT',
    { attemptsLeft, locked },
    { wrong: 'Wrong code.', locked: 'Wrong code; this code is now blocked, request a new one.' },
    { field: 'code' },
  );

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
