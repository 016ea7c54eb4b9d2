import type { Actor } from '../access-level';
import { allOf, type EventOf, type Rule } from '../machine-rules';
import { authorize, type Permission } from '../permissions';
import { parseTiyn } from '../values/money.value-object';
import { isCleanText, REASON_RULES } from '../values/text.value-object';
import { approvalPolicyProblems, tiynFromString } from './approval-policy';
import {
  alreadyConfirmedByUser,
  authorMayNotConfirm,
  invalidAmount,
  invalidApprovalPolicy,
  noConfirmationByUser,
  paymentNotFound,
  reasonInvalid,
  reasonRequired,
  staleVersion,
} from './payment.errors';
import type { PaymentContext, PaymentEvent } from './payment.types';

type Ctx = PaymentContext;
type On<T extends PaymentEvent['type']> = EventOf<PaymentEvent, T>;
type ByActor = Extract<PaymentEvent, { actor: Actor }>;

/** First of all: a user of another partner hears NOT_FOUND, in every state. */
export const samePartner: Rule<Ctx, PaymentEvent> = (context, event) => ('actor' in event && event.actor.partnerId !== context.partnerId ? paymentNotFound() : null);

/** Access level and user status, from the one permission table (§1.2, §1.14). */
export const permitted =
  (permission: Permission): Rule<Ctx, ByActor> =>
  (_context, event) =>
    authorize(event.actor, permission);

/** A canonical whole-tiyn string within the range every payment amount obeys (values/money). */
export const positiveAmount = (amountTiyn: string): boolean => {
  const tiyn = tiynFromString(amountTiyn);
  return tiyn !== null && parseTiyn(tiyn).ok;
};

const validAmount: Rule<Ctx, On<'EDIT'>> = (_context, event) => (positiveAmount(event.amountTiyn) ? null : invalidAmount());

const validPolicy: Rule<Ctx, On<'SUBMIT'>> = (_context, event) => {
  const problems = approvalPolicyProblems(event.policy);
  return problems.length === 0 ? null : invalidApprovalPolicy(problems);
};

/** A confirmation is for the version its code was bound to; an edit or a return voids it. */
const currentVersion: Rule<Ctx, On<'CONFIRM'>> = (context, event) => (event.version === context.version ? null : staleVersion(context.version));

const notYetConfirmedByActor: Rule<Ctx, On<'CONFIRM'>> = (context, event) =>
  context.confirmations.some((c) => c.userId === event.actor.userId) ? alreadyConfirmedByUser() : null;

/** Fails closed: without a policy snapshot the author may not confirm. */
const authorAllowed: Rule<Ctx, On<'CONFIRM'>> = (context, event) =>
  event.actor.userId === context.authorId && context.policy?.authorMayConfirm !== true ? authorMayNotConfirm() : null;

const explained: Rule<Ctx, On<'RETURN'>> = (_context, event) => (event.reason.trim().length > 0 ? null : reasonRequired());

/** Refused before the workflow takes the step, so text PostgreSQL cannot store never wedges a write. */
const cleanReason: Rule<Ctx, On<'RETURN'>> = (_context, event) => (isCleanText(event.reason, REASON_RULES) ? null : reasonInvalid());

/**
 * §1.14: a blocked user's confirmation is withdrawn while it still decides something — while
 * the document is being confirmed or waits with the bank before core banking has it (the
 * machine offers the event in those states only: once handed over, money may be moving).
 */
export const hasConfirmation: Rule<Ctx, On<'WITHDRAW_CONFIRMATION'>> = (context, event) =>
  context.confirmations.some((c) => c.userId === event.userId) ? null : noConfirmationByUser();

/** Any ACTIVE user of the partner may edit and submit a draft (§1.2.2). */
export const editable = allOf<Ctx, On<'EDIT'>>(samePartner, permitted('PAYMENT_EDIT'), validAmount);
export const submittable = allOf<Ctx, On<'SUBMIT'>>(samePartner, permitted('PAYMENT_SUBMIT'), validPolicy);
/** §1.2.1: confirming is for ACTIVE full-access users, once each, of the current version. */
export const confirmable = allOf<Ctx, On<'CONFIRM'>>(samePartner, permitted('PAYMENT_CONFIRM'), currentVersion, notYetConfirmedByActor, authorAllowed);
export const returnable = allOf<Ctx, On<'RETURN'>>(samePartner, permitted('PAYMENT_RETURN'), explained, cleanReason);
export const cancellable = allOf<Ctx, On<'CANCEL'>>(samePartner, permitted('PAYMENT_CANCEL'));

export type ConfirmationOutcome = 'complete' | 'partial';
export const confirmationOutcome = (context: Ctx): ConfirmationOutcome =>
  context.confirmations.length + 1 >= context.requiredConfirmations ? 'complete' : 'partial';

/**
 * Where a withdrawal leaves the document, counted again against the policy snapshot. Whether
 * partially confirmed or with the bank (all required confirmations present), one fewer is short
 * of the snapshot's `requiredConfirmations`: it waits for more, and for the first if none is left.
 */
export type WithdrawalOutcome = 'someLeft' | 'noneLeft';
export const withdrawalOutcome = (context: Ctx, event: On<'WITHDRAW_CONFIRMATION'>): WithdrawalOutcome =>
  context.confirmations.some((c) => c.userId !== event.userId) ? 'someLeft' : 'noneLeft';
