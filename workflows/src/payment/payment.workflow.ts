import { allHandlersFinished, condition, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import type { PaymentStatus } from '../../../libs/domain/src/payment';
import { FlowStatus } from '../shared/search-attributes';
import { sendToBank } from './payment.bank';
import { registerDocumentCommands } from './payment.commands';
import { registerConfirmationCommands } from './payment.confirmations';
import { paymentStateQuery, type PaymentWorkflowInput } from './payment.messages';
import { decideAndApply } from './payment.effects';
import { createRuntime } from './payment.runtime';
import { PaymentState } from './payment.state';

/**
 * One payment document from its first submission to the end (§1.2, §1.13, §1.14, §2.4),
 * started by that submission (update-with-start, id `payment-<paymentId>`). It stays
 * the one place the document's life is decided: returns to draft and resubmissions,
 * edits, confirmations with codes bound to the current version, withdrawal of a blocked
 * confirmer, expiry of an unconfirmed document by timer, the compliance hold and the bank.
 * Every step is decided by the payment aggregate (libs/domain) and its effects carried out by
 * activities; a step
 * whose write fails is not taken (payment.runtime.ts), so the row and this state never disagree.
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
      const due = state.payment.expiresAt ?? Date.now();
      const changed = await condition(() => state.changes !== seen, Math.max(1, due - Date.now()));
      if (!changed && Date.now() >= due) {
        // Refused when its write fails: the state stays as it was, and the loop expires it again after a pause.
        await rt.systemStep('EXPIRE', async () => void (await decideAndApply(rt, { type: 'EXPIRE', at: Date.now() })));
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
