import { allHandlersFinished, condition, patched, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import { decidePaymentCommand, PaymentErrorCode, type PaymentStatus } from '@domain/payment';
import { FlowStatus } from '../shared/search-attributes';
import { sendToBank } from './payment-bank';
import { registerDocumentCommands } from './payment-commands';
import { registerConfirmationCommands } from './payment-confirmations';
import { paymentStateQuery, type PaymentWorkflowInput } from './payment.messages';
import { decideAndApply } from './payment-effects';
import { createRuntime, type PaymentRuntime } from './payment-runtime';
import { PaymentState } from './payment-state';

/** Since this patch an expiry that the aggregate finds not yet due is simply not taken (see `expire`). */
const EXPIRE_ONLY_WHEN_DUE = 'expire-only-when-due';

/**
 * One payment document from its creation to the end (§1.2, §1.13, §1.14, §2.4), id
 * `payment-<paymentId>`, started with the draft (older ones: at the first submission). It is the
 * only writer of the document after its creation: edits, submissions, returns to draft and
 * resubmissions, cancellation, confirmations with codes bound to the current version, withdrawal
 * of a blocked confirmer, expiry of an unconfirmed document by timer, the compliance hold and the
 * bank. Every step is decided by the payment aggregate (libs/domain) and its effects carried out
 * by activities; a step whose write fails is not taken (payment-runtime.ts), so the row and this
 * state never disagree.
 */
export async function paymentWorkflow(input: PaymentWorkflowInput): Promise<{ status: PaymentStatus }> {
  const state = new PaymentState(input);
  const rt = createRuntime(state, input);
  setHandler(paymentStateQuery, () => state.view());
  registerDocumentCommands(rt);
  registerConfirmationCommands(rt);

  let shown = '';
  // A step that makes the document final is put back if its write fails: the flow ends only
  // once every handler has finished and the document is still final.
  for (;;) {
    while (!state.final) {
      if (state.status !== shown) {
        shown = state.status;
        upsertSearchAttributes([{ key: FlowStatus, value: shown }]);
      }
      // Returns when the bank has answered, or when a withdrawn confirmation took it back (§1.14).
      const { value } = state.payment.document;
      if (value === 'sentToBank' || value === 'handedToCoreBanking') {
        await sendToBank(rt);
        continue;
      }
      const seen = state.changes;
      const due = state.payment.expiresAt;
      if (due === null) {
        // A draft never submitted has no deadline (the confirmers' time starts with a submission): wait
        // for a command. Only `origin: 'draft'` flows have none (older ones counted down from their
        // start), so no history recorded before takes this wait: no patch needed.
        await condition(() => state.changes !== seen);
        continue;
      }
      const changed = await condition(() => state.changes !== seen, Math.max(1, due - Date.now()));
      if (!changed && Date.now() >= due) {
        // Refused when its write fails: the state stays as it was, and the loop expires it again after a pause.
        await rt.systemStep('EXPIRE', () => expire(rt));
      }
    }
    shown = state.status;
    upsertSearchAttributes([{ key: FlowStatus, value: shown }]);
    await condition(allHandlersFinished);
    await rt.idle();
    // A command that arrived meanwhile (after a put-back final step) must finish before the flow does.
    if (state.final && allHandlersFinished()) break;
  }
  return { status: state.status };
}

/**
 * The timer fired, but the step may have waited for the lock while a resubmission moved the
 * deadline: the aggregate refuses an expiry before it (PAYMENT.EXPIRY_NOT_DUE), nothing is written
 * and the loop waits for the new deadline. `patched` marks that new path; it is asked only when
 * the refusal happens, so every other history (none recorded so far took the race) replays as it was.
 */
async function expire(rt: PaymentRuntime): Promise<void> {
  const at = Date.now();
  const decision = decidePaymentCommand(rt.state.payment, { type: 'EXPIRE', at });
  if (!decision.ok && decision.error.code === PaymentErrorCode.EXPIRY_NOT_DUE && patched(EXPIRE_ONLY_WHEN_DUE)) return;
  await decideAndApply(rt, { type: 'EXPIRE', at });
}
