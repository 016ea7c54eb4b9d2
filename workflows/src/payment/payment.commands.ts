import { setHandler } from '@temporalio/workflow';
import { confirmationSummary, paymentStatus, type PaymentCommand } from '../../../libs/domain/src/payment';
import { check, decideAndApply } from './payment.effects';
import { cancelPaymentUpdate, editPaymentUpdate, returnPaymentUpdate, submitPaymentUpdate } from './payment.messages';
import type { PaymentRuntime } from './payment.runtime';

/**
 * The document commands of the cabinet (§1.2.2): submit, edit, return, cancel. Each is an
 * Update whose validator asks the payment aggregate, so a refused step is a synchronous answer to
 * the REST caller; the handler decides again (another handler may have run in between) and
 * carries out the effects as one step (rt.step): a step whose write fails is put back and refused
 * (PAYMENT.STEP_NOT_RECORDED).
 */
export function registerDocumentCommands(rt: PaymentRuntime): void {
  const { state } = rt;
  const now = () => Date.now();
  const validate = (command: PaymentCommand) => void check(state, command);

  setHandler(
    submitPaymentUpdate,
    ({ actor, policy }) => rt.step('SUBMIT', async () => confirmationSummary((await decideAndApply(rt, { type: 'SUBMIT', actor, policy, at: now() })).state)),
    { validator: ({ actor, policy }) => validate({ type: 'SUBMIT', actor, policy, at: now() }) },
  );

  setHandler(
    editPaymentUpdate,
    ({ actor, document }) =>
      rt.step('EDIT', async () => {
        const { state: edited } = await decideAndApply(rt, { type: 'EDIT', actor, content: document, at: now() });
        return { status: paymentStatus(edited.document), version: edited.document.context.version };
      }),
    { validator: ({ actor, document }) => validate({ type: 'EDIT', actor, content: document, at: now() }) },
  );

  setHandler(
    returnPaymentUpdate,
    ({ actor, reason }) =>
      rt.step('RETURN', async () => {
        const { state: returned } = await decideAndApply(rt, { type: 'RETURN', actor, reason, at: now() });
        return { status: paymentStatus(returned.document), version: returned.document.context.version };
      }),
    { validator: ({ actor, reason }) => validate({ type: 'RETURN', actor, reason, at: now() }) },
  );

  setHandler(
    cancelPaymentUpdate,
    ({ actor }) => rt.step('CANCEL', async () => ({ status: paymentStatus((await decideAndApply(rt, { type: 'CANCEL', actor, at: now() })).state.document) })),
    { validator: ({ actor }) => validate({ type: 'CANCEL', actor, at: now() }) },
  );
}
