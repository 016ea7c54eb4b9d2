import { assign, setup } from 'xstate';
import { ruleGuards, type EventOf, type Rule } from '../machine-rules';
import { alreadyAccepted, alreadySigned } from './onboarding.errors';
import type { OnboardingContext, OnboardingEvent, OnboardingInput } from './onboarding.types';

type Ctx = OnboardingContext;
type Ev = OnboardingEvent;

/** Each party acts once (§1.5). */
export const notYetSigned: Rule<Ctx, EventOf<Ev, 'BANK_SIGNED'>> = (context) => (context.signed ? alreadySigned(context.signedAt) : null);
export const notYetAccepted: Rule<Ctx, EventOf<Ev, 'AGREEMENT_ACCEPTED'>> = (context) => (context.accepted ? alreadyAccepted(context.acceptedAt) : null);

const guard = ruleGuards<Ctx, Ev>().forEvent;

/**
 * Partner onboarding (§1.5): the bank signs the application and the partner
 * accepts the agreement, in either order; once both are done every listed user
 * is invited to register, and the flow completes when all registrations end.
 */
export const onboardingMachine = setup({
  types: {} as { context: Ctx; events: Ev; input: OnboardingInput },
  guards: {
    /** `accepted` routes the signature: straight to inviting if the partner already accepted. */
    canSign: guard('BANK_SIGNED', notYetSigned, (context, _event, params: { accepted: boolean }) => context.accepted === params.accepted),
    canAccept: guard('AGREEMENT_ACCEPTED', notYetAccepted),
  },
  actions: {
    recordSignature: assign(({ event }) => {
      if (event.type !== 'BANK_SIGNED') return {};
      return { signed: true, signedAt: event.at };
    }),
    recordAcceptance: assign(({ event }) => {
      if (event.type !== 'AGREEMENT_ACCEPTED') return {};
      return { accepted: true, acceptedAt: event.at };
    }),
  },
}).createMachine({
  id: 'onboarding',
  initial: 'awaitingSignature',
  context: ({ input }) => ({
    signed: false,
    accepted: false,
    signedAt: null,
    acceptedAt: null,
    users: input.users,
  }),
  states: {
    /** Not signed yet; the partner may or may not have accepted (`context.accepted`). */
    awaitingSignature: {
      on: {
        BANK_SIGNED: [
          { guard: { type: 'canSign', params: { accepted: true } }, target: 'inviting', actions: 'recordSignature' },
          {
            guard: { type: 'canSign', params: { accepted: false } },
            target: 'awaitingAcceptance',
            actions: 'recordSignature',
          },
        ],
        AGREEMENT_ACCEPTED: { guard: 'canAccept', actions: 'recordAcceptance' },
        CANCEL: 'cancelled',
      },
    },
    awaitingAcceptance: {
      on: {
        AGREEMENT_ACCEPTED: { guard: 'canAccept', target: 'inviting', actions: 'recordAcceptance' },
        CANCEL: 'cancelled',
      },
    },
    inviting: {
      on: {
        REGISTRATIONS_FINISHED: 'completed',
        CANCEL: 'cancelled',
      },
    },
    completed: { type: 'final' },
    cancelled: { type: 'final' },
  },
});
