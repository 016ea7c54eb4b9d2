import { condition } from '@temporalio/workflow';
import {
  ComplianceRefusalCode,
  decideComplianceHold,
  needsComplianceHold,
  placeComplianceHold,
} from '../../../libs/domain/src/payment';
import type { TimelineEntry } from './payment.activities.contract';
import type { PaymentRuntime } from './payment.runtime';
import { byOperator, bySystem } from './payment.state';

/**
 * A fully confirmed document with the bank (§2.4): a large one first waits for an operator's
 * compliance decision until its deadline; then it is handed to the core-banking port, which
 * executes it or refuses, at most once (it is idempotent by payment id). Until that hand-off a
 * blocked confirmer's confirmation is withdrawn (§1.14): the document goes back to its confirmers
 * (the main loop waits for them again) and nothing is executed. The partner sees SENT_TO_BANK.
 */
export async function sendToBank(rt: PaymentRuntime): Promise<void> {
  const { state, input } = rt;
  const { settings, paymentId } = input;
  // Checked after every await: a withdrawal may have taken the document back meanwhile.
  const withBank = () => state.document.value === 'sentToBank';
  if (state.hold === null && needsComplianceHold(state.content.amountTiyn, settings.holdThresholdTiyn)) {
    state.hold = placeComplianceHold(Date.now(), settings.holdTtlMs);
    state.changes++;
    await rt.persist(state.record([bySystem('HELD', { deadline: new Date(state.hold.deadline).toISOString() })]));
  }
  if (withBank() && state.hold?.status === 'ON_HOLD') {
    const { deadline } = state.hold;
    const decided = await condition(() => !withBank() || state.hold?.status !== 'ON_HOLD', Math.max(1, deadline - Date.now()));
    if (!decided && withBank()) {
      const lapsed = decideComplianceHold(state.hold, { type: 'DEADLINE_PASSED', at: Date.now() });
      if (lapsed.ok) state.hold = lapsed.hold;
    }
  }

  // Taken back by a withdrawal, or (fail closed) a review still open: nothing goes to core banking.
  if (!withBank() || state.hold?.status === 'ON_HOLD') return;

  const hold = state.hold;
  if (hold !== null && (hold.status === 'REFUSED' || hold.status === 'EXPIRED')) {
    const code = hold.status === 'REFUSED' ? ComplianceRefusalCode.REFUSED : ComplianceRefusalCode.DEADLINE_PASSED;
    const reason = hold.reason ?? code;
    const entry: TimelineEntry =
      hold.decidedBy === null ? bySystem('REFUSED', { code, reason }) : byOperator(hold.decidedBy, 'REFUSED', { code, reason });
    state.refusal = { code, reason };
    state.apply({ type: 'BANK_REFUSED', reason, at: Date.now() });
    await rt.persist(state.record([entry]));
    return;
  }
  // Handed over in the same step the release is recorded (no await in between): from here on
  // money may move, so the machine refuses any withdrawal.
  const released = hold?.status === 'RELEASED' && hold.decidedBy !== null ? [byOperator(hold.decidedBy, 'HOLD_RELEASED')] : [];
  state.apply({ type: 'HANDED_TO_CORE_BANKING', at: Date.now() });
  if (released.length > 0) await rt.persist(state.record(released));

  // Queued behind every earlier write, so the ledger reads the document that was confirmed.
  const outcome = await rt.queue(() => rt.bank.executePayment({ paymentId }));
  if (outcome.outcome === 'EXECUTED') {
    state.executedAt = outcome.executedAt;
    state.apply({ type: 'BANK_EXECUTED', at: Date.now() });
    await rt.persist(state.record([bySystem('EXECUTED', { executedAt: outcome.executedAt })]));
  } else {
    state.refusal = { code: outcome.code, reason: outcome.reason };
    state.apply({ type: 'BANK_REFUSED', reason: outcome.reason, at: Date.now() });
    await rt.persist(state.record([bySystem('REFUSED', { code: outcome.code, reason: outcome.reason })]));
  }
}
