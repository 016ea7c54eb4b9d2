/**
 * One-time SMS code (§1.4, §1.8.2, §1.11, §1.13, §1.16) for LOGIN, SUB_USER,
 * PAYMENT, POLICY_CHANGE and RECOVERY; bound to a purpose and to a `binding`
 * record of facts (for payments: `paymentConfirmationBinding` in ../payment).
 *
 * States: issued; final: verified, locked, expired, cancelled.
 * Statuses: ISSUED, VERIFIED, LOCKED, EXPIRED, CANCELLED.
 *
 * Events (times are epoch ms from the workflow clock):
 * - `CODE_CHECKED {purpose, binding, correct, at}` in issued. Refused, without
 *   spending an attempt: CHALLENGE.PURPOSE_MISMATCH (NOT_FOUND),
 *   CHALLENGE.BINDING_MISMATCH (CONFLICT), CHALLENGE.EXPIRED (GONE, after expiresAt).
 *   Correct → verified; wrong → attemptsLeft−1 (ok: true); the last wrong one → locked.
 * - `EXPIRED {at}` issued → expired once `at >= expiresAt` (else CHALLENGE.NOT_YET_EXPIRED).
 * - `CANCEL {reason}` issued → cancelled (superseded by a resend, user blocked, document changed).
 * Anything else: CHALLENGE.TRANSITION_NOT_ALLOWED (CONFLICT; public `details.status` and `details.action`);
 * a malformed `at`: CHALLENGE.INVALID_EVENT (INVALID).
 */
export { challengeMachine } from './challenge.machine';
export { canDecideChallenge, challengeStatus, decideChallenge, initialChallengeState, isChallengeFinal } from './challenge.decide';
export { sameBinding } from './challenge.rules';
export { CHALLENGE_PURPOSES } from './challenge.types';
export { CHALLENGE_FLOW, ChallengeErrorCode } from './challenge.errors';
export type * from './challenge.types';
