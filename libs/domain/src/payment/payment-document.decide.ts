import type { PaymentCommand, PaymentDecision, Payment } from './payment.aggregate.types';
import { cancelCodes } from './payment-codes';
import { changedMeanwhile, expiryNotDue } from './payment.errors';
import { decidePayment } from './payment.decide';
import { EDIT_RETURN_REASON, editPayment } from './payment-edit.rules';
import { accepted, bySystem, byUser, moveDocument, refused } from './payment-decision';

type On<T extends PaymentCommand['type']> = Extract<PaymentCommand, { type: T }>;

/** §1.2.2: a submission gives the confirmers the full lifetime; a returned draft keeps counting down. */
export const decideSubmit = (p: Payment, { actor, policy, at }: On<'SUBMIT'>): PaymentDecision => {
  const d = decidePayment(p.document, { type: 'SUBMIT', actor, policy, at });
  if (!d.ok) return refused(d.error);
  const s: Payment = { ...moveDocument(p, d.state, at), expiresAt: at + p.terms.confirmationTtlMs };
  const { version, requiredConfirmations } = s.document.context;
  return accepted(s, [{ type: 'RECORD', events: [byUser(actor, 'SUBMITTED', { version, requiredConfirmations })] }]);
};

/**
 * An edit makes a new version (§1.2.2); a submitted document goes back to draft first, voiding
 * every confirmation. §1.13: every code names the content it was sent for, so none survives.
 */
export const decideEdit = (p: Payment, { actor, content, baseVersion, at }: On<'EDIT'>): PaymentDecision => {
  const d = editPayment(p.document, { actor, amountTiyn: content.amountTiyn, at });
  if (!d.ok) return refused(d.error);
  // The edit carries the whole document as its editor saw it: applied to a newer version, it would undo that one's changes.
  if (baseVersion !== undefined && baseVersion !== p.document.context.version) return refused(changedMeanwhile(p.document.context.version));
  const s = moveDocument({ ...p, codes: cancelCodes(p.codes, () => true, 'DOCUMENT_CHANGED'), content }, d.state, at);
  const { version } = s.document.context;
  const events = [...(d.returned ? [byUser(actor, 'RETURNED', { reason: EDIT_RETURN_REASON, version })] : []), byUser(actor, 'EDITED', { version })];
  const voided = d.returned ? { voidConfirmations: { userId: null, reason: 'DOCUMENT_CHANGED' as const } } : {};
  return accepted(s, [
    { type: 'INDEX_AMOUNT', amountTiyn: content.amountTiyn },
    { type: 'RECORD', events, document: content, ...voided },
  ]);
};

/** A return voids every confirmation and every code (§1.2.2, §1.13). */
export const decideReturn = (p: Payment, { actor, reason, at }: On<'RETURN'>): PaymentDecision => {
  const d = decidePayment(p.document, { type: 'RETURN', actor, reason, at });
  if (!d.ok) return refused(d.error);
  const moved = moveDocument(p, d.state, at);
  const s: Payment = { ...moved, codes: cancelCodes(moved.codes, () => true, 'DOCUMENT_CHANGED') };
  const events = [byUser(actor, 'RETURNED', { reason, version: s.document.context.version })];
  return accepted(s, [{ type: 'RECORD', events, voidConfirmations: { userId: null, reason: 'RETURNED' } }]);
};

export const decideCancel = (p: Payment, { actor, at }: On<'CANCEL'>): PaymentDecision => {
  const d = decidePayment(p.document, { type: 'CANCEL', actor, at });
  if (!d.ok) return refused(d.error);
  return accepted(moveDocument(p, d.state, at), [{ type: 'RECORD', events: [byUser(actor, 'CANCELLED')] }]);
};

/**
 * §1.2.1: a document not confirmed within its lifetime expires; one with the bank or final does not
 * (nothing happens). Never before its deadline: the timer may fire as a resubmission moves it, and a
 * draft never submitted has none (PAYMENT.EXPIRY_NOT_DUE).
 */
export const decideExpire = (p: Payment, { at }: On<'EXPIRE'>): PaymentDecision => {
  const d = decidePayment(p.document, { type: 'EXPIRED', at });
  if (!d.ok) return accepted(p);
  if (p.expiresAt === null || at < p.expiresAt) return refused(expiryNotDue(p.expiresAt));
  return accepted(moveDocument(p, d.state, at), [{ type: 'RECORD', events: [bySystem('EXPIRED')] }]);
};
