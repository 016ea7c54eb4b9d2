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
 * compliance decision until its deadline; then the core-banking port executes it or refuses,
 * at most once (it is idempotent by payment id). The partner sees SENT_TO_BANK throughout.
 */
export async function sendToBank(rt: PaymentRuntime): Promise<void> {
  const { state, input } = rt;
  const { settings, paymentId } = input;
  if (state.hold === null && needsComplianceHold(state.content.amountTiyn, settings.holdThresholdTiyn)) {
    state.hold = placeComplianceHold(Date.now(), settings.holdTtlMs);
    state.changes++;
    await rt.persist(state.record([bySystem('HELD', { deadline: new Date(state.hold.deadline).toISOString() })]));
  }
  if (state.hold?.status === 'ON_HOLD') {
    const { deadline } = state.hold;
    const decided = await condition(() => state.hold?.status !== 'ON_HOLD', Math.max(1, deadline - Date.now()));
    if (!decided) {
      const lapsed = decideComplianceHold(state.hold, { type: 'DEADLINE_PASSED', at: Date.now() });
      if (lapsed.ok) state.hold = lapsed.hold;
    }
  }

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
  if (hold?.status === 'RELEASED' && hold.decidedBy !== null) {
    await rt.persist(state.record([byOperator(hold.decidedBy, 'HOLD_RELEASED')]));
  }

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
