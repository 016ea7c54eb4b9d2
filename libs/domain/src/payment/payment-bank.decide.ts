import type { Payment, PaymentCommand, PaymentDecision, PaymentEffect } from './payment.aggregate.types';
import { ComplianceRefusalCode, decideComplianceHold, needsComplianceHold, placeComplianceHold } from './compliance-hold';
import { decidePayment } from './payment.decide';
import { accepted, byOperator, bySystem, iso, moveDocument, refused } from './payment-decision';

type On<T extends PaymentCommand['type']> = Extract<PaymentCommand, { type: T }>;

/** §2.4: a fully confirmed document above the threshold, with the bank and not yet reviewed, waits for compliance. */
export const needsHold = (p: Payment): boolean =>
  p.document.value === 'sentToBank' && p.hold === null && needsComplianceHold(p.content.amountTiyn, p.terms.holdThresholdTiyn);

/** With the bank and the review still open: the flow waits for the operator or the deadline. */
export const awaitsComplianceDecision = (p: Payment): boolean => p.document.value === 'sentToBank' && p.hold?.status === 'ON_HOLD';

export const decidePlaceHold = (p: Payment, { at }: On<'PLACE_HOLD'>): PaymentDecision => {
  if (!needsHold(p)) return accepted(p);
  const hold = placeComplianceHold(at, p.terms.holdTtlMs);
  return accepted({ ...p, hold }, [{ type: 'RECORD', events: [bySystem('HELD', { deadline: iso(hold.deadline) })] }]);
};

/** An operator's decision on an open review; what follows from it is SETTLE's. */
export const decideHold = (p: Payment, c: On<'DECIDE_HOLD'>): PaymentDecision => {
  const event =
    c.decision === 'EXECUTE'
      ? ({ type: 'RELEASE', operatorId: c.operatorId, at: c.at } as const)
      : ({ type: 'REFUSE', operatorId: c.operatorId, reason: c.reason ?? '', at: c.at } as const);
  const d = decideComplianceHold(p.hold, event);
  return d.ok ? accepted({ ...p, hold: d.hold }) : refused(d.error);
};

/**
 * The step after the review: a refused or lapsed review refuses the document; otherwise it is
 * handed to core banking (the release recorded in the same step): from then on money may move,
 * so no confirmation is withdrawn any more (§1.14). A review still open leaves it as it is.
 */
export const decideSettle = (p: Payment, { at }: On<'SETTLE'>): PaymentDecision => {
  if (p.document.value !== 'sentToBank') return accepted(p);
  let hold = p.hold;
  if (hold?.status === 'ON_HOLD') {
    const lapsed = decideComplianceHold(hold, { type: 'DEADLINE_PASSED', at });
    if (!lapsed.ok) return accepted(p);
    hold = lapsed.hold;
  }
  if (hold !== null && (hold.status === 'REFUSED' || hold.status === 'EXPIRED')) {
    const code = hold.status === 'REFUSED' ? ComplianceRefusalCode.REFUSED : ComplianceRefusalCode.DEADLINE_PASSED;
    const reason = hold.reason ?? code;
    const d = decidePayment(p.document, { type: 'BANK_REFUSED', reason, at });
    if (!d.ok) return refused(d.error);
    const entry = hold.decidedBy === null ? bySystem('REFUSED', { code, reason }) : byOperator(hold.decidedBy, 'REFUSED', { code, reason });
    return accepted(moveDocument({ ...p, hold, bankRefusal: { code, reason } }, d.state, at), [{ type: 'RECORD', events: [entry] }]);
  }
  const d = decidePayment(p.document, { type: 'HANDED_TO_CORE_BANKING', at });
  if (!d.ok) return refused(d.error);
  const released = hold?.status === 'RELEASED' && hold.decidedBy !== null;
  const effects: PaymentEffect[] = released ? [{ type: 'RECORD', events: [byOperator(hold!.decidedBy!, 'HOLD_RELEASED')] }] : [];
  return accepted(moveDocument({ ...p, hold }, d.state, at), effects);
};

/** §2.4: core banking executed the payment or refused it; either is final. */
export const decideBankAnswer = (p: Payment, { answer, at }: On<'BANK_ANSWERED'>): PaymentDecision => {
  if (answer.outcome === 'EXECUTED') {
    const d = decidePayment(p.document, { type: 'BANK_EXECUTED', at });
    if (!d.ok) return refused(d.error);
    const events = [bySystem('EXECUTED', { executedAt: answer.executedAt })];
    return accepted(moveDocument({ ...p, executedAt: answer.executedAt }, d.state, at), [{ type: 'RECORD', events }]);
  }
  const { code, reason } = answer;
  const d = decidePayment(p.document, { type: 'BANK_REFUSED', reason, at });
  if (!d.ok) return refused(d.error);
  const events = [bySystem('REFUSED', { code, reason })];
  return accepted(moveDocument({ ...p, bankRefusal: { code, reason } }, d.state, at), [{ type: 'RECORD', events }]);
};
