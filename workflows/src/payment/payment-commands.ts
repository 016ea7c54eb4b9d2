import { setHandler } from '@temporalio/workflow';
import { confirmationSummary, paymentStatus, type PaymentCommand } from '@domain/payment';
import { audited, byUser, check, decideAndApply } from './payment-effects';
import { cancelPaymentUpdate, editPaymentUpdate, returnPaymentUpdate, submitPaymentUpdate } from './payment.messages';
import type { PaymentRuntime } from './payment-runtime';

/**
 * The document commands of the cabinet (§1.2.2): submit, edit, return, cancel. Each is an
 * Update whose validator asks the payment aggregate, so a refused step is a synchronous answer to
 * the REST caller; the handler decides again (another handler may have run in between) and
 * carries out the effects as one step (rt.step): a step whose write fails is put back and refused
 * (PAYMENT.STEP_NOT_RECORDED). The step's write carries the request's audit record (§1.15).
 */
export function registerDocumentCommands(rt: PaymentRuntime): void {
  const { state } = rt;
  const now = () => Date.now();
  const validate = (command: PaymentCommand) => void check(state, command);

  setHandler(
    submitPaymentUpdate,
    ({ actor, policy, origin, policyVersion }) =>
      rt.step('SUBMIT', async () => {
        const audit = audited(origin, byUser(actor), 'payment.submit', (p) => ({
          requiredConfirmations: p.document.context.requiredConfirmations,
          policyVersion: policyVersion ?? null,
        }));
        return confirmationSummary((await decideAndApply(rt, { type: 'SUBMIT', actor, policy, at: now() }, { audit })).state);
      }),
    { validator: ({ actor, policy }) => validate({ type: 'SUBMIT', actor, policy, at: now() }) },
  );

  setHandler(
    editPaymentUpdate,
    ({ actor, document, baseVersion, origin }) =>
      rt.step('EDIT', async () => {
        const audit = audited(origin, byUser(actor), 'payment.edit', (p) => ({ version: p.document.context.version, status: paymentStatus(p.document) }));
        const { state: edited } = await decideAndApply(rt, { type: 'EDIT', actor, content: document, baseVersion, at: now() }, { audit });
        return { status: paymentStatus(edited.document), version: edited.document.context.version };
      }),
    { validator: ({ actor, document, baseVersion }) => validate({ type: 'EDIT', actor, content: document, baseVersion, at: now() }) },
  );

  setHandler(
    returnPaymentUpdate,
    ({ actor, reason, origin }) =>
      rt.step('RETURN', async () => {
        const audit = audited(origin, byUser(actor), 'payment.return', (p) => ({ version: p.document.context.version }));
        const { state: returned } = await decideAndApply(rt, { type: 'RETURN', actor, reason, at: now() }, { audit });
        return { status: paymentStatus(returned.document), version: returned.document.context.version };
      }),
    { validator: ({ actor, reason }) => validate({ type: 'RETURN', actor, reason, at: now() }) },
  );

  setHandler(
    cancelPaymentUpdate,
    ({ actor, origin }) =>
      rt.step('CANCEL', async () => {
        const audit = audited(origin, byUser(actor), 'payment.cancel', () => ({}));
        return { status: paymentStatus((await decideAndApply(rt, { type: 'CANCEL', actor, at: now() }, { audit })).state.document) };
      }),
    { validator: ({ actor }) => validate({ type: 'CANCEL', actor, at: now() }) },
  );
}
