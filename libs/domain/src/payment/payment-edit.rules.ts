import type { Actor } from '../access-level';
import type { Decision, MachineState } from '../machine-state';
import { decidePayment, initialPaymentState } from './payment.decide';
import type { PaymentContext } from './payment.types';

type State = MachineState<PaymentContext>;

/** The return reason recorded when an edit takes a submitted document back to draft. */
export const EDIT_RETURN_REASON = 'Edited after submission';

/**
 * Editing a document (§1.2.2, §1.13). A draft is edited in place. A submitted document
 * that is not yet with the bank goes back to draft first — a RETURN by the editor, which
 * voids every confirmation — and is then edited: each confirmation and each code named
 * a version that no longer exists. Returns the state after both steps, or the first refusal.
 */
export const editPayment = (
  state: State,
  edit: { readonly actor: Actor; readonly amountTiyn: string; readonly at: number },
): Decision<PaymentContext> & { returned?: boolean } => {
  const submitted = state.value === 'awaitingConfirmation' || state.value === 'partiallyConfirmed';
  const event = { type: 'EDIT', ...edit } as const;
  if (!submitted) return decidePayment(state, event);
  const returned = decidePayment(state, { type: 'RETURN', actor: edit.actor, reason: EDIT_RETURN_REASON, at: edit.at });
  if (!returned.ok) return returned;
  const edited = decidePayment(returned.state, event);
  return edited.ok ? { ...edited, returned: true } : edited;
};

/**
 * The state of a draft that was never submitted, from its stored facts: such a draft is
 * only its author, amount, creation time and how many times it was edited (`version`).
 * The document's workflow starts from it (with the draft; older ones at the first submission).
 * The author was an ACTIVE user when they created it; what they are now does not change it.
 */
export const storedDraftState = (draft: {
  readonly authorId: string;
  readonly partnerId: string;
  readonly amountTiyn: string;
  readonly createdAt: number;
  readonly version: number;
}): State => {
  if (!Number.isSafeInteger(draft.version) || draft.version < 1) throw new RangeError('version must be a positive integer.');
  const author: Actor = { userId: draft.authorId, partnerId: draft.partnerId, accessLevel: 'CREATE_AND_VIEW', status: 'ACTIVE' };
  const start = initialPaymentState({ author, amountTiyn: draft.amountTiyn, at: draft.createdAt });
  return { value: start.value, context: { ...start.context, version: draft.version } };
};
