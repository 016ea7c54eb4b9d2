import type { EventOf, Rule } from '../machine-rules';
import { allOf } from '../machine-rules';
import { codeExpired, codeNotYetExpired, codeSuperseded, resendCooldown } from './registration.errors';
import type { CodeCheckOutcome, RegistrationContext, RegistrationEvent } from './registration.types';

type Ctx = RegistrationContext;
type On<T extends RegistrationEvent['type']> = EventOf<RegistrationEvent, T>;

/** A resend waits for the cooldown that the previous send started. */
export const outOfCooldown: Rule<Ctx, On<'CODE_REQUESTED'>> = (context, event) =>
  context.resendAvailableAt !== null && event.at < context.resendAvailableAt
    ? resendCooldown(context.resendAvailableAt - event.at, context.resendAvailableAt)
    : null;

/** Only the latest code counts: an older one was superseded by a resend. */
export const latestCode: Rule<Ctx, On<'CODE_CHECKED'>> = (context, event) => (event.codeNo !== context.codesIssued ? codeSuperseded(context.codesIssued) : null);

/** Valid up to and including `codeExpiresAt`; written so that a missing deadline refuses. */
export const codeStillValid: Rule<Ctx, On<'CODE_CHECKED'>> = (context, event) =>
  context.codeExpiresAt !== null && event.at <= context.codeExpiresAt ? null : codeExpired(context.codeExpiresAt);

export const codeCheckable = allOf(latestCode, codeStillValid);

/** The workflow's timer may be for a code that a resend has since replaced. */
export const codeLifetimeOver: Rule<Ctx, On<'CODE_EXPIRED'>> = (context, event) =>
  context.codeExpiresAt !== null && event.at >= context.codeExpiresAt ? null : codeNotYetExpired(context.codeExpiresAt);

export const codeCheckOutcome = (context: Ctx, event: On<'CODE_CHECKED'>): CodeCheckOutcome =>
  event.correct ? 'correct' : context.attemptsLeft <= 1 ? 'lastWrong' : 'wrong';
