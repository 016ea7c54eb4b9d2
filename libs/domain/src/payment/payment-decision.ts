import type { Actor } from '../access-level';
import type { DomainError } from '../domain-error';
import type { MachineState } from '../machine-state';
import type { Payment, PaymentDecision, PaymentEffect, PaymentTimelineEntry, PaymentTimelineType } from './payment.aggregate.types';
import { paymentConfirmationBinding } from './payment-binding';
import { cancelCodes } from './payment-codes';
import { isPaymentFinal, paymentStatus } from './payment.decide';
import type { PaymentContext } from './payment.types';
import { paymentValueDate } from './value-date';

type Details = PaymentTimelineEntry['details'];

export const accepted = (state: Payment, effects: PaymentEffect[] = []): PaymentDecision => ({ ok: true, state, effects });
export const refused = (error: DomainError): PaymentDecision => ({ ok: false, error });

/** A timeline entry for a user's, an operator's or the system's step. */
export const byUser = (actor: Actor, type: PaymentTimelineType, details: Details = {}): PaymentTimelineEntry => ({
  type,
  actorType: 'USER',
  actorId: actor.userId,
  details,
});
export const bySystem = (type: PaymentTimelineType, details: Details = {}): PaymentTimelineEntry => ({
  type,
  actorType: 'SYSTEM',
  actorId: null,
  details,
});
export const byOperator = (operatorId: string, type: PaymentTimelineType, details: Details = {}): PaymentTimelineEntry => ({
  type,
  actorType: 'OPERATOR',
  actorId: operatorId,
  details,
});

export const iso = (ms: number): string => new Date(ms).toISOString();

/** The value date of an order given now: fixed once the document reached the bank. */
export const valueDateOf = (p: Payment, at: number): string => p.sentValueDate ?? paymentValueDate(at, p.terms.calendar);

/** What the user's code is bound to: this document, its current version, amount and beneficiary (§1.13). */
export const codeBinding = (p: Payment, userId: string) =>
  paymentConfirmationBinding({
    paymentId: p.paymentId,
    version: p.document.context.version,
    amountTiyn: p.content.amountTiyn,
    beneficiaryIban: p.content.beneficiary.iban,
    beneficiaryBinIin: p.content.beneficiary.binIin,
    userId,
  });

/** Users the flow waits on or acts for (§1.14): everyone sent a code, and every confirmer. */
export const paymentUsers = (p: Payment): string[] => [...new Set([...p.codes.users, ...p.confirmers])];

const isConfirming = (value: string) => value === 'awaitingConfirmation' || value === 'partiallyConfirmed';

/**
 * A confirmation was withdrawn before core banking had the document (§1.14): any compliance
 * review was of a document that is no longer fully confirmed, so it is discarded — the next
 * full confirmation is reviewed afresh. The value date follows the clock again, and the
 * confirmers get a full lifetime, as after a submission: the delay was the bank's, not theirs.
 */
const backFromBank = (p: Payment, at: number): Payment => ({
  ...p,
  hold: null,
  sentValueDate: null,
  expiresAt: at + p.terms.confirmationTtlMs,
});

/**
 * The document machine's next state, with what the agreement ties to it: back from the bank,
 * the value date fixed on reaching it, the confirmers remembered, and no code left open once
 * the document is with the bank or final.
 */
export const moveDocument = (p: Payment, next: MachineState<PaymentContext>, at: number): Payment => {
  let s: Payment = p.document.value === 'sentToBank' && isConfirming(next.value) ? backFromBank(p, at) : p;
  s = { ...s, document: next };
  if (next.value === 'sentToBank' && s.sentValueDate === null) s = { ...s, sentValueDate: paymentValueDate(at, s.terms.calendar) };
  const confirmers = [...new Set([...s.confirmers, ...next.context.confirmations.map((c) => c.userId)])];
  if (confirmers.length !== s.confirmers.length) s = { ...s, confirmers };
  if (isPaymentFinal(next) || paymentStatus(next) === 'SENT_TO_BANK') s = { ...s, codes: cancelCodes(s.codes, () => true, 'DOCUMENT_CLOSED') };
  return s;
};
