import { condition, log, sleep } from '@temporalio/workflow';
import { awaitsComplianceDecision, needsHold } from '@domain/payment';
import { decideAndApply } from './payment-effects';
import type { PaymentRuntime } from './payment-runtime';

/**
 * A fully confirmed document with the bank (§2.4): a large one first waits for an operator's
 * compliance decision until its deadline; then it is handed to the core-banking port, which
 * executes it or refuses, at most once (it is idempotent by payment id). Until that hand-off a
 * blocked confirmer's confirmation is withdrawn (§1.14): the document goes back to its confirmers
 * (the main loop waits for them again) and nothing is executed. The partner sees SENT_TO_BANK.
 * Every step here is a system step: refused when its write fails, and taken again after a pause.
 * What each step does is the payment aggregate's; this keeps the timers and the order.
 */
export async function sendToBank(rt: PaymentRuntime): Promise<void> {
  const { state } = rt;
  // Judged again after every await: a withdrawal may have taken the document back meanwhile.
  if (state.payment.document.value === 'sentToBank') {
    if (needsHold(state.payment)) {
      const held = await rt.systemStep('HOLD', async () => void (await decideAndApply(rt, { type: 'PLACE_HOLD', at: Date.now() })));
      if (!held) return;
    }
    if (awaitsComplianceDecision(state.payment)) {
      const { deadline } = state.payment.hold!;
      await condition(() => !awaitsComplianceDecision(state.payment), Math.max(1, deadline - Date.now()));
    }
    // A refused or lapsed review refuses the document; otherwise it is handed to core banking.
    if (!(await rt.systemStep('HAND_OVER', async () => void (await decideAndApply(rt, { type: 'SETTLE', at: Date.now() }))))) return;
  }
  // Taken back by a withdrawal, refused, or (fail closed) a review still open: nothing goes to core banking.
  if (state.payment.document.value !== 'handedToCoreBanking') return;

  const answer = await executeAtBank(rt);
  await decideAndApply(rt, { type: 'BANK_ANSWERED', answer, at: Date.now() }, { untilWritten: true });
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
