import { condition, log, sleep } from '@temporalio/workflow';
import {
  ComplianceRefusalCode,
  decideComplianceHold,
  needsComplianceHold,
  placeComplianceHold,
} from '../../../libs/domain/src/payment';
import type { TimelineEntry } from './payment.activities.contract';
import type { PaymentRuntime } from './payment.runtime';
import { byOperator, bySystem } from './payment.timeline';

/**
 * A fully confirmed document with the bank (§2.4): a large one first waits for an operator's
 * compliance decision until its deadline; then it is handed to the core-banking port, which
 * executes it or refuses, at most once (it is idempotent by payment id). Until that hand-off a
 * blocked confirmer's confirmation is withdrawn (§1.14): the document goes back to its confirmers
 * (the main loop waits for them again) and nothing is executed. The partner sees SENT_TO_BANK.
 * Every step here is a system step: refused when its write fails, and taken again after a pause.
 */
export async function sendToBank(rt: PaymentRuntime): Promise<void> {
  const { state, input } = rt;
  const { settings } = input;
  // Checked after every await: a withdrawal may have taken the document back meanwhile.
  const withBank = () => state.document.value === 'sentToBank';
  if (withBank()) {
    if (state.hold === null && needsComplianceHold(state.content.amountTiyn, settings.holdThresholdTiyn)) {
      const held = await rt.systemStep('HOLD', async () => {
        if (!withBank() || state.hold !== null) return;
        state.hold = placeComplianceHold(Date.now(), settings.holdTtlMs);
        state.changes++;
        await rt.persist(state.record([bySystem('HELD', { deadline: new Date(state.hold.deadline).toISOString() })]));
      });
      if (!held) return;
    }
    if (withBank() && state.hold?.status === 'ON_HOLD') {
      const { deadline } = state.hold;
      await condition(() => !withBank() || state.hold?.status !== 'ON_HOLD', Math.max(1, deadline - Date.now()));
    }
    if (!(await rt.systemStep('HAND_OVER', () => settleWithBank(rt)))) return;
  }
  // Taken back by a withdrawal, refused, or (fail closed) a review still open: nothing goes to core banking.
  if (state.document.value !== 'handedToCoreBanking') return;

  const outcome = await executeAtBank(rt);
  if (outcome.outcome === 'EXECUTED') {
    state.executedAt = outcome.executedAt;
    state.apply({ type: 'BANK_EXECUTED', at: Date.now() });
    await rt.persistUntilWritten(state.record([bySystem('EXECUTED', { executedAt: outcome.executedAt })]));
  } else {
    state.refusal = { code: outcome.code, reason: outcome.reason };
    state.apply({ type: 'BANK_REFUSED', reason: outcome.reason, at: Date.now() });
    await rt.persistUntilWritten(state.record([bySystem('REFUSED', { code: outcome.code, reason: outcome.reason })]));
  }
}

/**
 * Once handed over, money may move: there is no step to put back, so the call is repeated
 * (idempotent by payment id) until core banking answers, even past a non-retryable failure —
 * each failure alerts (the worker's interceptor logs it, and so does this loop).
 */
async function executeAtBank(rt: PaymentRuntime) {
  const { paymentId } = rt.input;
  for (;;) {
    try {
      // Queued behind every earlier write, so the ledger reads the document that was confirmed.
      return await rt.queue(() => rt.bank.executePayment({ paymentId }));
    } catch (error) {
      log.error('core banking call keeps failing', { alert: 'PAYMENT_BANK_CALL_FAILING', paymentId, error: String(error) });
      await sleep('1 minute');
    }
  }
}

/**
 * The step after the review (run under the step lock, by the main loop or by the operator's
 * decision): a refused or lapsed review refuses the document; otherwise it is handed to core
 * banking in the same step the release is recorded (no await in between): from then on money
 * may move, so the machine refuses any withdrawal. A review still open leaves it as it is.
 */
export async function settleWithBank(rt: PaymentRuntime): Promise<void> {
  const { state } = rt;
  if (state.document.value !== 'sentToBank') return;
  if (state.hold?.status === 'ON_HOLD') {
    const lapsed = decideComplianceHold(state.hold, { type: 'DEADLINE_PASSED', at: Date.now() });
    if (!lapsed.ok) return;
    state.hold = lapsed.hold;
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
  const released = hold?.status === 'RELEASED' && hold.decidedBy !== null ? [byOperator(hold.decidedBy, 'HOLD_RELEASED')] : [];
  state.apply({ type: 'HANDED_TO_CORE_BANKING', at: Date.now() });
  if (released.length > 0) await rt.persist(state.record(released));
}
