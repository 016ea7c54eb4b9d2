import { setHandler } from '@temporalio/workflow';
import type { Actor } from '@domain/access-level';
import { confirmationSummary, paymentStatus, type Payment, type PaymentCommand } from '@domain/payment';
import type { PaymentCommandAudit } from './payment.activities.contract';
import { check, decideAndApply, type ApplyOptions } from './payment-effects';
import { cancelPaymentUpdate, editPaymentUpdate, returnPaymentUpdate, submitPaymentUpdate, type PaymentRequestOrigin } from './payment.messages';
import type { PaymentRuntime } from './payment-runtime';

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
    ({ actor, document, baseVersion, origin }) =>
      rt.step('EDIT', async () => {
        const audit = audited(origin, actor, 'payment.edit', (p) => ({ version: p.document.context.version, status: paymentStatus(p.document) }));
        const { state: edited } = await decideAndApply(rt, { type: 'EDIT', actor, content: document, baseVersion, at: now() }, { audit });
        return { status: paymentStatus(edited.document), version: edited.document.context.version };
      }),
    { validator: ({ actor, document, baseVersion }) => validate({ type: 'EDIT', actor, content: document, baseVersion, at: now() }) },
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
    ({ actor, origin }) =>
      rt.step('CANCEL', async () => {
        const audit = audited(origin, actor, 'payment.cancel', () => ({}));
        return { status: paymentStatus((await decideAndApply(rt, { type: 'CANCEL', actor, at: now() }, { audit })).state.document) };
      }),
    { validator: ({ actor }) => validate({ type: 'CANCEL', actor, at: now() }) },
  );
}

/**
 * The audit record of a cabinet request, written by the step's own write (§1.15): the change and
 * its record commit together or not at all. Updates without an origin (sent before it existed) have none.
 */
const audited = (
  origin: PaymentRequestOrigin | undefined,
  actor: Actor,
  action: string,
  details: (decided: Payment) => PaymentCommandAudit['details'],
): ApplyOptions['audit'] => origin && ((decided) => ({ ...origin, action, actorId: actor.userId, partnerId: actor.partnerId, details: details(decided) }));
