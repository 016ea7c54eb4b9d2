import { assign, setup } from 'xstate';
import { ruleGuards } from '../machine-rules';
import { checkable, checkOutcome, lifetimeOver } from './challenge.rules';
import type { ChallengeCheckOutcome, ChallengeContext, ChallengeEvent, ChallengeInput } from './challenge.types';

type Ctx = ChallengeContext;
type Ev = ChallengeEvent;

const guard = ruleGuards<Ctx, Ev>().forEvent;

/**
 * One SMS code (§1.4, §1.13, §1.16): for a login, a sub-user confirmation
 * (§1.8.2), a payment confirmation, a policy change or a password recovery.
 * One code per challenge: a resend is a new challenge and the old one is
 * cancelled, so a code can never outlive the facts it was bound to.
 */
export const challengeMachine = setup({
  types: {} as { context: Ctx; events: Ev; input: ChallengeInput },
  guards: {
    canCheck: guard('CODE_CHECKED', checkable, (context, event, params: { outcome: ChallengeCheckOutcome }) => checkOutcome(context, event) === params.outcome),
    lifetimeOver: guard('EXPIRED', lifetimeOver),
  },
  actions: {
    recordVerification: assign(({ event }) => (event.type === 'CODE_CHECKED' ? { verifiedAt: event.at } : {})),
    spendAttempt: assign(({ context }) => ({ attemptsLeft: Math.max(0, context.attemptsLeft - 1) })),
    recordCancelReason: assign(({ event }) => (event.type === 'CANCEL' ? { cancelReason: event.reason } : {})),
  },
}).createMachine({
  id: 'challenge',
  initial: 'issued',
  context: ({ input }) => ({
    purpose: input.purpose,
    binding: { ...input.binding },
    issuedAt: input.issuedAt,
    expiresAt: input.issuedAt + input.ttlMs,
    maxAttempts: input.maxAttempts,
    attemptsLeft: input.maxAttempts,
    verifiedAt: null,
    cancelReason: null,
  }),
  states: {
    issued: {
      on: {
        CODE_CHECKED: [
          {
            guard: { type: 'canCheck', params: { outcome: 'correct' } },
            target: 'verified',
            actions: 'recordVerification',
          },
          { guard: { type: 'canCheck', params: { outcome: 'wrong' } }, actions: 'spendAttempt' },
          { guard: { type: 'canCheck', params: { outcome: 'lastWrong' } }, target: 'locked', actions: 'spendAttempt' },
        ],
        EXPIRED: { guard: 'lifetimeOver', target: 'expired' },
        CANCEL: { target: 'cancelled', actions: 'recordCancelReason' },
      },
    },
    verified: { type: 'final' },
    locked: { type: 'final' },
    expired: { type: 'final' },
    cancelled: { type: 'final' },
  },
});
