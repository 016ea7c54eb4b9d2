/**
 * Partner onboarding (§1.5).
 *
 * States: awaitingSignature (the partner may already have accepted: `context.accepted`),
 * awaitingAcceptance, inviting; final: completed, cancelled.
 * Statuses: AWAITING_SIGNATURE (not signed, accepted or not), AWAITING_ACCEPTANCE,
 * INVITING, COMPLETED, CANCELLED.
 *
 * Events (times are epoch ms from the workflow clock):
 * - `BANK_SIGNED {at}` and `AGREEMENT_ACCEPTED {at}`, in either order; once both are in,
 *   → inviting. Each only once: ONBOARDING.ALREADY_SIGNED / ONBOARDING.ALREADY_ACCEPTED
 *   (CONFLICT), also after the flow has moved on (until it is final).
 * - `REGISTRATIONS_FINISHED` inviting → completed.
 * - `CANCEL {reason}` from any non-final state → cancelled.
 * Anything else: ONBOARDING.TRANSITION_NOT_ALLOWED (CONFLICT; public `details.status` and `details.action`);
 * a malformed `at`: ONBOARDING.INVALID_EVENT (INVALID).
 */
export { onboardingMachine } from './onboarding.machine';
export { canDecideOnboarding, decideOnboarding, initialOnboardingState, isOnboardingFinal, onboardingStatus } from './onboarding.decide';
export { ONBOARDING_FLOW, OnboardingErrorCode } from './onboarding.errors';
export type * from './onboarding.types';
