import { assign, setup } from 'xstate';
import { ruleGuards } from '../machine-rules';
import { requiredConfirmations } from './approval-policy';
import {
  cancellable,
  confirmable,
  confirmationOutcome,
  editable,
  hasConfirmation,
  returnable,
  submittable,
  withdrawalOutcome,
  type ConfirmationOutcome,
  type WithdrawalOutcome,
} from './payment.rules';
import type { PaymentContext, PaymentEvent, PaymentInput } from './payment.types';

type Ctx = PaymentContext;
type Ev = PaymentEvent;

const guard = ruleGuards<Ctx, Ev>().forEvent;

/** Whatever confirmations were collected belong to a version that no longer exists. */
const unsubmitted = { policy: null, requiredConfirmations: 0, confirmations: [], submittedAt: null } as const;

const open = {
  CANCEL: { guard: 'canCancel', target: 'cancelled', actions: 'recordCancellation' },
  EXPIRED: 'expired',
} as const;

const confirming = {
  CONFIRM: [
    {
      guard: { type: 'canConfirm', params: { outcome: 'complete' } },
      target: 'sentToBank',
      actions: ['addConfirmation', 'recordSending'],
    },
    {
      guard: { type: 'canConfirm', params: { outcome: 'partial' } },
      target: 'partiallyConfirmed',
      actions: 'addConfirmation',
    },
  ],
  RETURN: { guard: 'canReturn', target: 'draft', actions: 'returnToDraft' },
  ...open,
} as const;

/** §1.14: a blocked confirmer's confirmation no longer counts; the rest are counted again. */
const withdrawn = (actions: readonly ('removeConfirmation' | 'recallFromBank')[]) =>
  [
    { guard: { type: 'canWithdraw', params: { outcome: 'someLeft' } }, target: 'partiallyConfirmed', actions },
    { guard: { type: 'canWithdraw', params: { outcome: 'noneLeft' } }, target: 'awaitingConfirmation', actions },
  ] as const;

/**
 * A payment document (§1.2, §1.13, §2.4): drafted and submitted by any active user
 * of the partner, confirmed by as many full-access users as the approval policy
 * snapshot asks (§1.2.1; each confirmation follows a code bound to the document,
 * §1.13), then executed or refused by the bank (§2.4). With the bank it first waits (e.g. a
 * compliance review) and is then handed to core banking: until that hand-off a blocked
 * confirmer's confirmation is still withdrawn (§1.14) and it goes back to be confirmed.
 */
export const paymentMachine = setup({
  types: {} as { context: Ctx; events: Ev; input: PaymentInput },
  guards: {
    canEdit: guard('EDIT', editable),
    canSubmit: guard('SUBMIT', submittable),
    canConfirm: guard('CONFIRM', confirmable, (context, _event, params: { outcome: ConfirmationOutcome }) => confirmationOutcome(context) === params.outcome),
    canReturn: guard('RETURN', returnable),
    canCancel: guard('CANCEL', cancellable),
    canWithdraw: guard(
      'WITHDRAW_CONFIRMATION',
      hasConfirmation,
      (context, event, params: { outcome: WithdrawalOutcome }) => withdrawalOutcome(context, event) === params.outcome,
    ),
  },
  actions: {
    applyEdit: assign(({ context, event }) => (event.type === 'EDIT' ? { amountTiyn: event.amountTiyn, version: context.version + 1 } : {})),
    snapshotPolicy: assign(({ context, event }) => {
      if (event.type !== 'SUBMIT') return {};
      const policy = JSON.parse(JSON.stringify(event.policy)) as typeof event.policy;
      return {
        policy,
        requiredConfirmations: requiredConfirmations(policy, context.amountTiyn),
        confirmations: [],
        submittedAt: event.at,
        returnReason: null,
      };
    }),
    addConfirmation: assign(({ context, event }) => {
      if (event.type !== 'CONFIRM') return {};
      const confirmation = { userId: event.actor.userId, version: event.version, at: event.at };
      return { confirmations: [...context.confirmations, confirmation] };
    }),
    recordSending: assign(({ event }) => ('at' in event ? { sentAt: event.at } : {})),
    recallFromBank: assign({ sentAt: null }),
    recordHandOver: assign(({ event }) => (event.type === 'HANDED_TO_CORE_BANKING' ? { handedToCoreBankingAt: event.at } : {})),
    removeConfirmation: assign(({ context, event }) =>
      event.type === 'WITHDRAW_CONFIRMATION' ? { confirmations: context.confirmations.filter((c) => c.userId !== event.userId) } : {},
    ),
    returnToDraft: assign(({ context, event }) => (event.type === 'RETURN' ? { ...unsubmitted, version: context.version + 1, returnReason: event.reason } : {})),
    recordCancellation: assign(({ event }) => (event.type === 'CANCEL' ? { cancelledBy: event.actor.userId } : {})),
    recordBankRefusal: assign(({ event }) => (event.type === 'BANK_REFUSED' ? { bankReason: event.reason } : {})),
  },
}).createMachine({
  id: 'payment',
  initial: 'draft',
  context: ({ input }) => ({
    partnerId: input.author.partnerId,
    authorId: input.author.userId,
    amountTiyn: input.amountTiyn,
    version: 1,
    createdAt: input.at,
    ...unsubmitted,
    sentAt: null,
    handedToCoreBankingAt: null,
    returnReason: null,
    bankReason: null,
    cancelledBy: null,
  }),
  states: {
    draft: {
      on: {
        EDIT: { guard: 'canEdit', actions: 'applyEdit' },
        SUBMIT: { guard: 'canSubmit', target: 'awaitingConfirmation', actions: 'snapshotPolicy' },
        ...open,
      },
    },
    awaitingConfirmation: { on: { ...confirming } },
    partiallyConfirmed: {
      on: {
        ...confirming,
        WITHDRAW_CONFIRMATION: withdrawn(['removeConfirmation']),
      },
    },
    // With the bank, not yet with core banking (e.g. the compliance hold): nothing moves yet.
    sentToBank: {
      on: {
        WITHDRAW_CONFIRMATION: withdrawn(['removeConfirmation', 'recallFromBank']),
        HANDED_TO_CORE_BANKING: { target: 'handedToCoreBanking', actions: 'recordHandOver' },
        BANK_REFUSED: { target: 'refused', actions: 'recordBankRefusal' },
      },
    },
    // Core banking has it: money may be moving, so only its answer changes the document (§2.4).
    handedToCoreBanking: {
      on: {
        BANK_EXECUTED: 'executed',
        BANK_REFUSED: { target: 'refused', actions: 'recordBankRefusal' },
      },
    },
    executed: { type: 'final' },
    refused: { type: 'final' },
    cancelled: { type: 'final' },
    expired: { type: 'final' },
  },
});
