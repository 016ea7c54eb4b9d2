import { domainError, type DomainError } from '../domain-error';
import type { ChallengePurpose } from './challenge.types';

export const CHALLENGE_FLOW = 'CHALLENGE';

/** Stable codes; the API and workflows match on these, never on messages. */
export const ChallengeErrorCode = {
  PURPOSE_MISMATCH: 'CHALLENGE.PURPOSE_MISMATCH',
  BINDING_MISMATCH: 'CHALLENGE.BINDING_MISMATCH',
  EXPIRED: 'CHALLENGE.EXPIRED',
  NOT_YET_EXPIRED: 'CHALLENGE.NOT_YET_EXPIRED',
  TRANSITION_NOT_ALLOWED: 'CHALLENGE.TRANSITION_NOT_ALLOWED',
  INVALID_EVENT: 'CHALLENGE.INVALID_EVENT',
} as const;

/** A code issued for something else (a login code on a payment): as if it did not exist. */
export const purposeMismatch = (expected: ChallengePurpose): DomainError =>
  domainError(ChallengeErrorCode.PURPOSE_MISMATCH, 'NOT_FOUND', 'No such confirmation code for this operation.', {
    expected,
  });

/**
 * The code was issued for other facts: another document, another version of it,
 * another amount or beneficiary, or another user. Binding values stay out of the
 * details: they may be personal.
 */
export const bindingMismatch = (): DomainError =>
  domainError(ChallengeErrorCode.BINDING_MISMATCH, 'CONFLICT', 'The confirmation code was issued for different details; request a new code.');

export const challengeExpired = (expiresAt: number): DomainError =>
  domainError(ChallengeErrorCode.EXPIRED, 'GONE', 'The confirmation code has expired; request a new one.', {
    expiresAt,
  });

export const challengeNotYetExpired = (expiresAt: number): DomainError =>
  domainError(ChallengeErrorCode.NOT_YET_EXPIRED, 'CONFLICT', 'The confirmation code is still valid.', { expiresAt });
