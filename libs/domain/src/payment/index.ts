/**
 * Payment document (§1.2, §1.13, §1.14, §2.4). Money is whole tiyn in decimal strings.
 *
 * Start: `startPayment({ author, amountTiyn, at })` → Decision (PAYMENT_CREATE permission,
 * positive amount), or `initialPaymentState` (throws when refused).
 *
 * States → statuses: draft DRAFT, awaitingConfirmation AWAITING_CONFIRMATION,
 * partiallyConfirmed PARTIALLY_CONFIRMED, sentToBank SENT_TO_BANK (with the bank, e.g. on
 * compliance hold), handedToCoreBanking SENT_TO_BANK (core banking has it); final: executed
 * EXECUTED, refused REFUSED, cancelled CANCELLED, expired EXPIRED.
 *
 * Events (times are epoch ms from the workflow clock; `actor` is the acting user):
 * - `EDIT {actor, amountTiyn, at}` draft → draft, version+1. Any ACTIVE user (PAYMENT_EDIT);
 *   PAYMENT.INVALID_AMOUNT.
 * - `SUBMIT {actor, policy, at}` draft → awaitingConfirmation; snapshots the approval policy
 *   and `requiredConfirmations` (PAYMENT_SUBMIT; PAYMENT.INVALID_APPROVAL_POLICY, UNPROCESSABLE).
 * - `CONFIRM {actor, version, at}` awaitingConfirmation | partiallyConfirmed → partiallyConfirmed,
 *   or sentToBank once enough (sets `sentAt`). ACTIVE FULL_ACCESS only (ACCESS.*), PAYMENT.STALE_VERSION,
 *   PAYMENT.ALREADY_CONFIRMED_BY_USER, PAYMENT.AUTHOR_MAY_NOT_CONFIRM (policy.authorMayConfirm).
 * - `RETURN {actor, reason, at}` awaitingConfirmation | partiallyConfirmed → draft: voids all
 *   confirmations and the policy snapshot, version+1 (PAYMENT_RETURN; PAYMENT.REASON_REQUIRED).
 * - `CANCEL {actor, at}` draft | awaitingConfirmation | partiallyConfirmed → cancelled (PAYMENT_CANCEL).
 * - `WITHDRAW_CONFIRMATION {userId, at}` partiallyConfirmed | sentToBank: removes that user's
 *   confirmation (§1.14, user blocked) and counts the rest again against the policy snapshot:
 *   → partiallyConfirmed, or awaitingConfirmation when none is left; from sentToBank it also
 *   clears `sentAt` (a later full confirmation sends it again). PAYMENT.NO_CONFIRMATION_BY_USER;
 *   once handedToCoreBanking: TRANSITION_NOT_ALLOWED (money may be moving; nothing changes).
 * - `HANDED_TO_CORE_BANKING {at}` sentToBank → handedToCoreBanking, sets `handedToCoreBankingAt`:
 *   the bank orders execution (after any compliance hold); applied right before core banking is called.
 * - `BANK_EXECUTED {at}` handedToCoreBanking → executed; `BANK_REFUSED {reason, at}`
 *   sentToBank (e.g. compliance refusal) | handedToCoreBanking → refused (§2.4).
 * - `EXPIRED {at}` draft | awaitingConfirmation | partiallyConfirmed → expired (the aggregate's EXPIRE
 *   also refuses it before the deadline, or for a draft never submitted: PAYMENT.EXPIRY_NOT_DUE).
 * An actor of another partner: PAYMENT.NOT_FOUND in every state. Anything else:
 * PAYMENT.TRANSITION_NOT_ALLOWED (CONFLICT; public `details.status` and `details.action`); bad `at`: PAYMENT.INVALID_EVENT.
 *
 * Around the machine: `editPayment` (an edit of a submitted document returns it to draft
 * first), `storedDraftState` (the draft a flow starts from), `isPaymentStatusFinal` (for readers of
 * a stored status), `paymentDocumentSchema` /
 * `paymentDocumentPatchSchema` (request fields, via the value objects), `approvalPolicyRequestSchema`,
 * `paymentValueDate` (cut-off and working days, Asia/Almaty), and the compliance hold
 * (`needsComplianceHold`, `decideComplianceHold`: PAYMENT.NOT_ON_HOLD, PAYMENT.REASON_REQUIRED).
 */
export { paymentMachine } from './payment.machine';
export {
  canDecidePayment,
  decidePayment,
  initialPaymentState,
  isPaymentFinal,
  isPaymentStatusFinal,
  paymentCreationRefusal,
  paymentStatus,
  startPayment,
} from './payment.decide';
export { paymentConfirmationBinding, type PaymentBindingFacts } from './payment-binding';
export {
  approvalPolicyProblems,
  DEFAULT_APPROVAL_POLICY,
  MAX_REQUIRED_CONFIRMATIONS,
  tiynFromString,
  requiredConfirmations,
  type ApprovalPolicy,
  type ApprovalRule,
} from './approval-policy';
export { PAYMENT_FLOW, PaymentErrorCode } from './payment.errors';
export type * from './payment.types';
export { editPayment, EDIT_RETURN_REASON, storedDraftState } from './payment-edit.rules';
export {
  BENEFICIARY_NAME_MAX_LENGTH,
  BENEFICIARY_NAME_RULES,
  beneficiaryNameSchema,
  debitAccountRefusal,
  mergePaymentDocument,
  PAYMENT_PURPOSE_MAX_LENGTH,
  PAYMENT_PURPOSE_RULES,
  paymentDocumentPatchSchema,
  paymentDocumentProblems,
  paymentDocumentSchema,
  type PaymentDocumentFields,
  type PaymentDocumentPatch,
} from './payment.schema';
export { approvalPolicyRequestSchema, approvalPolicyView, MAX_APPROVAL_RULES } from './approval-policy.schema';
export { almatyDate, almatyOffsetMs, DEFAULT_CUT_OFF, parseCutOff, parseHolidays, paymentValueDate, type BankCalendar } from './value-date';
export {
  COMPLIANCE_DEADLINE_REASON,
  ComplianceRefusalCode,
  decideComplianceHold,
  needsComplianceHold,
  notOnHold,
  placeComplianceHold,
  type ComplianceHold,
  type ComplianceHoldDecision,
  type ComplianceHoldEvent,
  type ComplianceHoldStatus,
} from './compliance-hold';
export { challengeNotFound, codeResendRefusal, wrongCode } from './payment-challenge.rules';
export type * from './payment.aggregate.types';
export { PAYMENT_TIMELINE_TYPES } from './payment.aggregate.types';
export { decidePaymentCommand, decidePaymentCommands, keepCodeAttempt, startPaymentAggregate, type PaymentStart } from './payment.aggregate';
export { awaitsComplianceDecision, needsHold } from './payment-bank.decide';
export { codeRequestRefusal } from './payment-confirmation.decide';
export { paymentUsers } from './payment-decision';
export { confirmationSummary, paymentCodesView, paymentProjection, paymentWaitingFor, type ConfirmationSummary, type PaymentCodeView } from './payment.projection';
