import { allOf, type EventOf, type Rule } from '../machine-rules';
import { bindingMismatch, challengeExpired, challengeNotYetExpired, purposeMismatch } from './challenge.errors';
import type { ChallengeBinding, ChallengeCheckOutcome, ChallengeContext, ChallengeEvent } from './challenge.types';

type Ctx = ChallengeContext;
type On<T extends ChallengeEvent['type']> = EventOf<ChallengeEvent, T>;

/** Same keys, same values; order does not matter. */
export const sameBinding = (a: ChallengeBinding, b: ChallengeBinding): boolean => {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && a[key] === b[key]);
};

export const forPurpose: Rule<Ctx, On<'CODE_CHECKED'>> = (context, event) => (event.purpose === context.purpose ? null : purposeMismatch(event.purpose));

/** §1.13 and the payment interpretation: a code issued for one document never confirms another. */
export const forBinding: Rule<Ctx, On<'CODE_CHECKED'>> = (context, event) => (sameBinding(context.binding, event.binding) ? null : bindingMismatch());

/** §1.11: valid up to and including `expiresAt`. */
export const stillValid: Rule<Ctx, On<'CODE_CHECKED'>> = (context, event) => (event.at <= context.expiresAt ? null : challengeExpired(context.expiresAt));

/** Mismatches are refused before the code is weighed, so they cost no attempt. */
export const checkable = allOf(forPurpose, forBinding, stillValid);

export const lifetimeOver: Rule<Ctx, On<'EXPIRED'>> = (context, event) => (event.at >= context.expiresAt ? null : challengeNotYetExpired(context.expiresAt));

export const checkOutcome = (context: Ctx, event: On<'CODE_CHECKED'>): ChallengeCheckOutcome =>
  event.correct ? 'correct' : context.attemptsLeft <= 1 ? 'lastWrong' : 'wrong';
