import { assign, setup } from 'xstate';
import { ruleGuards } from '../machine-rules';
import { codeCheckable, codeCheckOutcome, codeLifetimeOver, outOfCooldown } from './registration.rules';
import type { CodeCheckOutcome, RegistrationContext, RegistrationEvent, RegistrationInput } from './registration.types';

type Ctx = RegistrationContext;
type Ev = RegistrationEvent;

const guard = ruleGuards<Ctx, Ev>().forEvent;

const notFinal = {
  LINK_EXPIRED: 'expired',
  CANCEL: { target: 'cancelled', actions: 'recordCancelReason' },
} as const;

/**
 * A listed user's first registration (§1.5, §1.7): the e-mailed link leads to an
 * SMS code (§1.4), then a password (§1.10). Wrong codes are counted per
 * registration, so resending never buys more guesses.
 */
export const registrationMachine = setup({
  types: {} as { context: Ctx; events: Ev; input: RegistrationInput },
  guards: {
    canRequestCode: guard('CODE_REQUESTED', outOfCooldown),
    canCheckCode: guard(
      'CODE_CHECKED',
      codeCheckable,
      (context, event, params: { outcome: CodeCheckOutcome }) => codeCheckOutcome(context, event) === params.outcome,
    ),
    codeLifetimeOver: guard('CODE_EXPIRED', codeLifetimeOver),
  },
  actions: {
    issueCode: assign(({ context, event }) => {
      if (event.type !== 'CODE_REQUESTED') return {};
      return {
        codesIssued: context.codesIssued + 1,
        codeExpiresAt: event.at + context.codeTtlMs,
        resendAvailableAt: event.at + context.resendCooldownMs,
      };
    }),
    spendAttempt: assign(({ context }) => ({ attemptsLeft: Math.max(0, context.attemptsLeft - 1) })),
    forgetCode: assign({ codeExpiresAt: null }),
    recordCancelReason: assign(({ event }) => (event.type === 'CANCEL' ? { cancelReason: event.reason } : {})),
  },
}).createMachine({
  id: 'registration',
  initial: 'invited',
  context: ({ input }) => ({
    maxAttempts: input.maxAttempts,
    codeTtlMs: input.codeTtlMs,
    resendCooldownMs: input.resendCooldownMs,
    attemptsLeft: input.maxAttempts,
    codesIssued: 0,
    codeExpiresAt: null,
    resendAvailableAt: null,
    cancelReason: null,
  }),
  states: {
    invited: {
      on: {
        CODE_REQUESTED: { guard: 'canRequestCode', target: 'codeSent', actions: 'issueCode' },
        ...notFinal,
      },
    },
    codeSent: {
      on: {
        CODE_REQUESTED: { guard: 'canRequestCode', actions: 'issueCode' },
        CODE_CHECKED: [
          { guard: { type: 'canCheckCode', params: { outcome: 'correct' } }, target: 'codeVerified' },
          { guard: { type: 'canCheckCode', params: { outcome: 'wrong' } }, actions: 'spendAttempt' },
          {
            guard: { type: 'canCheckCode', params: { outcome: 'lastWrong' } },
            target: 'locked',
            actions: 'spendAttempt',
          },
        ],
        CODE_EXPIRED: { guard: 'codeLifetimeOver', target: 'invited', actions: 'forgetCode' },
        ...notFinal,
      },
    },
    codeVerified: {
      on: {
        PASSWORD_SET: 'active',
        ...notFinal,
      },
    },
    active: { type: 'final' },
    expired: { type: 'final' },
    locked: { type: 'final' },
    cancelled: { type: 'final' },
  },
});
