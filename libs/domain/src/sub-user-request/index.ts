/**
 * Adding a user in the cabinet (§1.8; §1.3 and §1.9: always CREATE_AND_VIEW).
 *
 * The aggregate (sub-user-request.aggregate.ts) is what a workflow uses:
 * `startSubUserRequestAggregate` and `decideSubUserRequestCommand(request, command)` →
 * `{ ok, state, effects }` or a refusal; `subUserRequestAgenda` says what the flow does next
 * (timers, checks, invitation), `subUserRequestProjection` what the row mirrors. The machine
 * below is the request's life cycle inside it.
 *
 * Start: `startSubUserRequest({ creator, at })` → Decision (only an ACTIVE FULL_ACCESS
 * creator: ACCESS.USER_NOT_ACTIVE / ACCESS.FORBIDDEN), or `initialSubUserRequestState`
 * (throws on such a creator).
 *
 * States → statuses: awaitingConfirmation AWAITING_CONFIRMATION, bankProcessing and
 * approved BANK_PROCESSING, awaitingOperator AWAITING_OPERATOR, invited INVITED;
 * final: completed COMPLETED, rejected REJECTED, expired EXPIRED, cancelled CANCELLED.
 *
 * Events (times are epoch ms from the workflow clock):
 * - `CREATOR_CONFIRMED {actor, at}` awaitingConfirmation → bankProcessing, after the §1.8.2
 *   SUB_USER challenge is verified. Only the creator (SUB_USER_REQUEST.NOT_CREATOR, FORBIDDEN),
 *   still ACTIVE with full access (ACCESS.*).
 * - `CHECKS_PASSED {operatorReview, at}` bankProcessing → awaitingOperator (review) | approved.
 * - `CHECKS_FAILED {reason, at}` bankProcessing | approved → rejected (approved: the user could
 *   not be created, e.g. the e-mail became a login meanwhile). Rules: sub-user-request.checks.ts.
 * - `OPERATOR_APPROVED {operatorId, at}` awaitingOperator → approved.
 * - `OPERATOR_REJECTED {operatorId, reason, at}` awaitingOperator → rejected.
 *   A blank reason: SUB_USER_REQUEST.REASON_REQUIRED (INVALID).
 * - `INVITATION_SENT {userId, at}` approved → invited (user created, link e-mailed, §1.8.3).
 * - `REGISTRATION_COMPLETED {at}` invited → completed (§1.8.4). `registrationOutcomeEvent` maps
 *   how the new user's registration ended to the request's event.
 * - `EXPIRED {at}` awaitingConfirmation | awaitingOperator | invited → expired (workflow timers).
 * - `CANCEL {reason}` any non-final → cancelled (e.g. the new user's registration locked).
 * An actor of another partner: SUB_USER_REQUEST.NOT_FOUND in every state. Anything else:
 * SUB_USER_REQUEST.TRANSITION_NOT_ALLOWED (CONFLICT; public `details.status` and `details.action`); bad `at`: INVALID_EVENT.
 */
export { subUserRequestMachine } from './sub-user-request.machine';
export { subUserRequestMover, type SubUserRequestMover } from './sub-user-request-audit';
export {
  canDecideSubUserRequest,
  decideSubUserRequest,
  initialSubUserRequestState,
  isSubUserRequestFinal,
  isSubUserRequestStatusFinal,
  startSubUserRequest,
  subUserRequestCreationRefusal,
  subUserRequestStatus,
} from './sub-user-request.decide';
export { SUB_USER_REQUEST_FLOW, SubUserRequestErrorCode } from './sub-user-request.errors';
export { REJECTION_REASON_RULES } from './sub-user-request.rules';
export {
  assessSubUserRequest,
  isSubUserCheckFailure,
  subUserAdmissionRefusal,
  subUserCheckEvent,
  subUserRejectionView,
  subUserReviewFlagsView,
  SUB_USER_CHECK_MESSAGES,
  SUB_USER_CREATOR_REVIEW_FLAG,
  SUB_USER_CHECKS_REFUSAL,
  type SubUserRejectionReader,
  type SubUserAssessment,
  type SubUserCheckFailure,
  type SubUserCheckFlag,
  type SubUserPolicy,
  type SubUserRequestFacts,
} from './sub-user-request-checks.rules';
export { registrationOutcomeEvent } from './sub-user-request-registration';
export type * from './sub-user-request.types';
export { SUB_USER_REQUEST_STATE } from './sub-user-request.aggregate.types';
export type * from './sub-user-request.aggregate.types';
export { decideSubUserRequestCommand, startSubUserRequestAggregate, SUB_USER_CODE_NO, type SubUserRequestStart } from './sub-user-request.aggregate';
export { subUserRequestDeadline } from './sub-user-request-code.decide';
export { codeCheckResult, isSubUserRequestOver, subUserRequestAgenda, subUserRequestProjection } from './sub-user-request.projection';
