import type { Payment, PaymentCommand, PaymentContent, PaymentDecision, PaymentEffect, PaymentTerms } from './payment.aggregate.types';
import { decideBankAnswer, decideHold, decidePlaceHold, decideSettle } from './payment-bank.decide';
import { NO_CODES, withCodeState } from './payment-codes';
import { decideBlockUser, decideCheckCode, decideRequestCode, decideWithdrawal } from './payment-confirmation.decide';
import { decideCancel, decideEdit, decideExpire, decideReturn, decideSubmit } from './payment-document.decide';
import { storedDraftState } from './payment-edit.rules';

/**
 * The payment aggregate (§1.2, §1.13, §1.14, §2.4): one pure `decidePaymentCommand(payment, command)`
 * owns every rule of the agreement about a document — its versions, confirmations, codes, the
 * compliance hold, expiry and value date — and answers with the next value and the effects to
 * carry out (writes, codes to send, searchable facts), or a refusal with a stable code. The
 * workflow keeps the value, runs the effects with activities, and holds the timers.
 */
export interface PaymentStart {
  readonly paymentId: string;
  readonly partnerId: string;
  readonly authorId: string;
  readonly createdAt: number;
  /** The stored draft's version (edits before the first submission count). */
  readonly version: number;
  readonly content: PaymentContent;
  readonly terms: PaymentTerms;
  /** When the flow starts. */
  readonly at: number;
  /**
   * `draft`: the flow starts with the document's creation, and a draft has no confirmation deadline
   * until it is submitted. `submission` (flows started before that, at the first submission): the
   * stored draft counts down from the start, so a refused first submission never lingers.
   */
  readonly origin: 'draft' | 'submission';
}

export const startPaymentAggregate = (start: PaymentStart): Payment => ({
  paymentId: start.paymentId,
  terms: start.terms,
  document: storedDraftState({
    authorId: start.authorId,
    partnerId: start.partnerId,
    amountTiyn: start.content.amountTiyn,
    createdAt: start.createdAt,
    version: start.version,
  }),
  content: start.content,
  codes: NO_CODES,
  expiresAt: start.origin === 'draft' ? null : start.at + start.terms.confirmationTtlMs,
  hold: null,
  bankRefusal: null,
  executedAt: null,
  sentValueDate: null,
  confirmers: [],
});

export const decidePaymentCommand = (p: Payment, command: PaymentCommand): PaymentDecision => {
  switch (command.type) {
    case 'SUBMIT':
      return decideSubmit(p, command);
    case 'EDIT':
      return decideEdit(p, command);
    case 'RETURN':
      return decideReturn(p, command);
    case 'CANCEL':
      return decideCancel(p, command);
    case 'EXPIRE':
      return decideExpire(p, command);
    case 'REQUEST_CODE':
      return decideRequestCode(p, command);
    case 'CHECK_CODE':
      return decideCheckCode(p, command);
    case 'BLOCK_USER':
      return decideBlockUser(p, command);
    case 'WITHDRAW_CONFIRMATION':
      return decideWithdrawal(p, command);
    case 'PLACE_HOLD':
      return decidePlaceHold(p, command);
    case 'DECIDE_HOLD':
      return decideHold(p, command);
    case 'SETTLE':
      return decideSettle(p, command);
    case 'BANK_ANSWERED':
      return decideBankAnswer(p, command);
  }
};

/** Commands taken as one step: the effects of each, in order, or the first refusal. */
export const decidePaymentCommands = (p: Payment, commands: readonly PaymentCommand[]): PaymentDecision => {
  let state = p;
  const effects: PaymentEffect[] = [];
  for (const command of commands) {
    const d = decidePaymentCommand(state, command);
    if (!d.ok) return d;
    state = d.state;
    effects.push(...d.effects);
  }
  return { ok: true, state, effects };
};

/** A wrong code's spent attempt, kept on a state that was put back (KEEP_CODE_ATTEMPT). */
export const keepCodeAttempt = (p: Payment, e: Extract<PaymentEffect, { type: 'KEEP_CODE_ATTEMPT' }>): Payment =>
  p.codes.entries.some((c) => c.challengeId === e.challengeId) ? { ...p, codes: withCodeState(p.codes, e.challengeId, e.state) } : p;
