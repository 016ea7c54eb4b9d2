/**
 * Registration of a listed user (§1.5, §1.7, §1.10, §1.11).
 *
 * States: invited → codeSent ⇄ (resend) → codeVerified → active; final: active,
 * expired, locked, cancelled. Statuses: INVITED, CODE_SENT, CODE_VERIFIED, ACTIVE,
 * EXPIRED, LOCKED, CANCELLED.
 *
 * Events (times are epoch ms from the workflow clock):
 * - `CODE_REQUESTED {at}` in invited/codeSent → codeSent; codesIssued+1, new deadline
 *   and cooldown. Refused REGISTRATION.RESEND_COOLDOWN (TOO_MANY, details.retryAfterMs).
 * - `CODE_CHECKED {correct, codeNo, at}` in codeSent. Refused REGISTRATION.CODE_SUPERSEDED
 *   (CONFLICT) for an older codeNo, REGISTRATION.CODE_EXPIRED (GONE) after the deadline.
 *   Correct → codeVerified; wrong → attemptsLeft−1 (ok: true), the last one → locked.
 * - `CODE_EXPIRED {at}` codeSent → invited, only once `at >= codeExpiresAt`
 *   (else REGISTRATION.CODE_NOT_YET_EXPIRED, CONFLICT: a stale timer).
 * - `PASSWORD_SET` codeVerified → active.
 * - `LINK_EXPIRED`, `CANCEL {reason}` from any non-final state.
 * Anything else: REGISTRATION.TRANSITION_NOT_ALLOWED (CONFLICT; public `details.status` and `details.action`);
 * a malformed `at`: REGISTRATION.INVALID_EVENT (INVALID).
 */
export { registrationMachine } from './registration.machine';
export { canDecideRegistration, decideRegistration, initialRegistrationState, isRegistrationFinal, registrationStatus } from './registration.decide';
export { codeCheckOutcome } from './registration.rules';
export { REGISTRATION_FLOW, RegistrationErrorCode } from './registration.errors';
export type * from './registration.types';
