import { assign, setup } from 'xstate';
import { allOf, ruleGuards, type EventOf } from '../machine-rules';
import { cleanRejectionReason, confirmable, hasReason } from './sub-user-request.rules';
import type { SubUserRequestContext, SubUserRequestEvent, SubUserRequestInput } from './sub-user-request.types';

type Ctx = SubUserRequestContext;
type Ev = SubUserRequestEvent;

const guard = ruleGuards<Ctx, Ev>().forEvent;

const cancellable = { CANCEL: { target: 'cancelled', actions: 'recordCancelReason' } } as const;

/**
 * Adding a user in the cabinet (§1.8): the creator confirms with the code sent to
 * the phone from the application (§1.8.2), the bank processes the request, with
 * an operator where its checks ask for one (§1.8.3), and e-mails the new user a
 * registration link; the request completes when that registration does (§1.8.4).
 * The new user is always CREATE_AND_VIEW (§1.3, §1.9).
 */
export const subUserRequestMachine = setup({
  types: {} as { context: Ctx; events: Ev; input: SubUserRequestInput },
  guards: {
    canConfirm: guard('CREATOR_CONFIRMED', confirmable),
    operatorReview: ({ event }, params: { required: boolean }) => event.type === 'CHECKS_PASSED' && event.operatorReview === params.required,
    checksFailureExplained: guard('CHECKS_FAILED', hasReason),
    rejectionExplained: guard('OPERATOR_REJECTED', allOf<Ctx, EventOf<Ev, 'OPERATOR_REJECTED'>>(hasReason, cleanRejectionReason)),
  },
  actions: {
    recordConfirmation: assign(({ event }) => (event.type === 'CREATOR_CONFIRMED' ? { confirmedAt: event.at } : {})),
    recordApproval: assign(({ event }) => (event.type === 'OPERATOR_APPROVED' ? { operatorId: event.operatorId } : {})),
    recordRejection: assign(({ event }) => {
      if (event.type === 'OPERATOR_REJECTED') return { operatorId: event.operatorId, rejectReason: event.reason };
      if (event.type === 'CHECKS_FAILED') return { rejectReason: event.reason };
      return {};
    }),
    recordNewUser: assign(({ event }) => (event.type === 'INVITATION_SENT' ? { newUserId: event.userId } : {})),
    recordCancelReason: assign(({ event }) => (event.type === 'CANCEL' ? { cancelReason: event.reason } : {})),
  },
}).createMachine({
  id: 'subUserRequest',
  initial: 'awaitingConfirmation',
  context: ({ input }) => ({
    partnerId: input.creator.partnerId,
    creatorId: input.creator.userId,
    accessLevel: 'CREATE_AND_VIEW',
    createdAt: input.at,
    confirmedAt: null,
    operatorId: null,
    rejectReason: null,
    newUserId: null,
    cancelReason: null,
  }),
  states: {
    awaitingConfirmation: {
      on: {
        CREATOR_CONFIRMED: { guard: 'canConfirm', target: 'bankProcessing', actions: 'recordConfirmation' },
        EXPIRED: 'expired',
        ...cancellable,
      },
    },
    bankProcessing: {
      on: {
        CHECKS_PASSED: [
          { guard: { type: 'operatorReview', params: { required: true } }, target: 'awaitingOperator' },
          { guard: { type: 'operatorReview', params: { required: false } }, target: 'approved' },
        ],
        CHECKS_FAILED: { guard: 'checksFailureExplained', target: 'rejected', actions: 'recordRejection' },
        ...cancellable,
      },
    },
    awaitingOperator: {
      on: {
        OPERATOR_APPROVED: { target: 'approved', actions: 'recordApproval' },
        OPERATOR_REJECTED: { guard: 'rejectionExplained', target: 'rejected', actions: 'recordRejection' },
        EXPIRED: 'expired',
        ...cancellable,
      },
    },
    /**
     * Approved; the workflow creates the user and sends the link (§1.8.3). Creating
     * the user re-checks what may have changed since (the e-mail became someone's
     * login meanwhile), so the checks can still fail here.
     */
    approved: {
      on: {
        INVITATION_SENT: { target: 'invited', actions: 'recordNewUser' },
        CHECKS_FAILED: { guard: 'checksFailureExplained', target: 'rejected', actions: 'recordRejection' },
        ...cancellable,
      },
    },
    invited: {
      on: {
        REGISTRATION_COMPLETED: 'completed',
        EXPIRED: 'expired',
        ...cancellable,
      },
    },
    completed: { type: 'final' },
    rejected: { type: 'final' },
    expired: { type: 'final' },
    cancelled: { type: 'final' },
  },
});
