import { setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import type { Actor } from '../../../libs/domain/src/access-level';
import { editPayment, EDIT_RETURN_REASON, type PaymentEvent } from '../../../libs/domain/src/payment';
import { refusal } from '../shared/refusal';
import { AmountKzt } from '../shared/search-attributes';
import {
  cancelPaymentUpdate,
  editPaymentUpdate,
  returnPaymentUpdate,
  submitPaymentUpdate,
  type PaymentDocumentRecord,
} from './payment.messages';
import type { PaymentRuntime } from './payment.runtime';
import { byUser } from './payment.timeline';

export const amountKzt = (amountTiyn: string) => Number(amountTiyn) / 100;

/**
 * The document commands of the cabinet (§1.2.2): submit, edit, return, cancel. Each is an
 * Update whose validator asks the domain, so a refused step is a synchronous answer to the
 * REST caller; the handler decides again (another handler may have run in between) and applies,
 * as one step (rt.step): a step whose write fails is put back and refused (PAYMENT.STEP_NOT_RECORDED).
 * The validator of a return refuses a reason that is not clean text (PAYMENT.REASON_INVALID).
 */
export function registerDocumentCommands(rt: PaymentRuntime): void {
  const { state, input } = rt;
  const now = () => Date.now();
  const version = () => state.document.context.version;

  setHandler(
    submitPaymentUpdate,
    ({ actor, policy }) =>
      rt.step('SUBMIT', async () => {
        state.apply({ type: 'SUBMIT', actor, policy, at: now() });
        // Each submission gives the confirmers the full lifetime; a returned draft keeps counting down.
        state.expiresAt = now() + input.settings.confirmationTtlMs;
        const summary = state.summary();
        await rt.persist(
          state.record([byUser(actor, 'SUBMITTED', { version: version(), requiredConfirmations: summary.requiredConfirmations })]),
        );
        return summary;
      }),
    { validator: ({ actor, policy }) => void state.check({ type: 'SUBMIT', actor, policy, at: now() }) },
  );

  const edited = (actor: Actor, document: PaymentDocumentRecord) => {
    const decision = editPayment(state.document, { actor, amountTiyn: document.amountTiyn, at: now() });
    if (!decision.ok) throw refusal(decision.error);
    return decision;
  };
  setHandler(
    editPaymentUpdate,
    ({ actor, document }) =>
      rt.step('EDIT', async () => {
        const decision = edited(actor, document);
        const was = state.content.amountTiyn;
        // §1.13: every code names the content it was sent for; none survives a change.
        state.challenges.cancel(() => true, 'DOCUMENT_CHANGED');
        state.content = document;
        state.set(decision.state);
        upsertSearchAttributes([{ key: AmountKzt, value: amountKzt(document.amountTiyn) }]);
        const events = [
          ...(decision.returned ? [byUser(actor, 'RETURNED', { reason: EDIT_RETURN_REASON, version: version() })] : []),
          byUser(actor, 'EDITED', { version: version() }),
        ];
        const voided = decision.returned ? { voidConfirmations: { userId: null, reason: 'DOCUMENT_CHANGED' } } : {};
        try {
          await rt.persist(state.record(events, { document, ...voided }));
        } catch (error) {
          // The step is put back (rt.step); so is the amount operators search by.
          upsertSearchAttributes([{ key: AmountKzt, value: amountKzt(was) }]);
          throw error;
        }
        return { status: state.status, version: version() };
      }),
    { validator: ({ actor, document }) => void edited(actor, document) },
  );

  const returned = (actor: Actor, reason: string): PaymentEvent => ({ type: 'RETURN', actor, reason, at: now() });
  setHandler(
    returnPaymentUpdate,
    ({ actor, reason }) =>
      rt.step('RETURN', async () => {
        state.apply(returned(actor, reason));
        state.challenges.cancel(() => true, 'DOCUMENT_CHANGED');
        const record = state.record([byUser(actor, 'RETURNED', { reason, version: version() })], {
          voidConfirmations: { userId: null, reason: 'RETURNED' },
        });
        await rt.persist(record);
        return { status: state.status, version: version() };
      }),
    { validator: ({ actor, reason }) => void state.check(returned(actor, reason)) },
  );

  setHandler(
    cancelPaymentUpdate,
    ({ actor }) =>
      rt.step('CANCEL', async () => {
        state.apply({ type: 'CANCEL', actor, at: now() });
        await rt.persist(state.record([byUser(actor, 'CANCELLED')]));
        return { status: state.status };
      }),
    { validator: ({ actor }) => void state.check({ type: 'CANCEL', actor, at: now() }) },
  );
}
