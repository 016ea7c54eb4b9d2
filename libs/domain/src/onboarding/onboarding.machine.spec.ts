import { modelSuite, go, no, type Expected } from '../testing/model-suite';
import type { MachineState } from '../machine-state';
import {
  decideOnboarding,
  initialOnboardingState,
  isOnboardingFinal,
  onboardingMachine,
  onboardingStatus,
  OnboardingErrorCode as Code,
  type OnboardingContext,
  type OnboardingEvent,
} from '.';

type State = MachineState<OnboardingContext>;
const T0 = 1_700_000_000_000;
const start = initialOnboardingState({ users: 3 });

const run = (...events: OnboardingEvent[]): State =>
  events.reduce((state, event) => {
    const decision = decideOnboarding(state, event);
    if (!decision.ok) throw new Error(`${event.type} refused: ${decision.error.code}`);
    return decision.state;
  }, start);

const refusal = (state: State, event: OnboardingEvent) => {
  const decision = decideOnboarding(state, event);
  if (decision.ok) throw new Error(`${event.type} unexpectedly accepted in ${state.value}`);
  return decision.error;
};

const signed = { type: 'BANK_SIGNED', at: T0 + 1 } as const;
const accepted = { type: 'AGREEMENT_ACCEPTED', at: T0 + 2 } as const;

describe('onboarding (§1.5)', () => {
  it('starts awaiting the signature with nothing done', () => {
    expect(start).toEqual({
      value: 'awaitingSignature',
      context: { signed: false, accepted: false, signedAt: null, acceptedAt: null, users: 3 },
    });
    expect(onboardingStatus(start)).toBe('AWAITING_SIGNATURE');
  });

  it('§1.5 either order: bank signs, then partner accepts → INVITING', () => {
    const afterSign = run(signed);
    expect(onboardingStatus(afterSign)).toBe('AWAITING_ACCEPTANCE');
    const done = run(signed, accepted);
    expect(done).toEqual({
      value: 'inviting',
      context: { signed: true, accepted: true, signedAt: T0 + 1, acceptedAt: T0 + 2, users: 3 },
    });
  });

  it('§1.5 either order: partner accepts first, still AWAITING_SIGNATURE, then bank signs → INVITING', () => {
    const afterAccept = run(accepted);
    expect(afterAccept.value).toBe('awaitingSignature');
    expect(afterAccept.context.accepted).toBe(true);
    expect(onboardingStatus(afterAccept)).toBe('AWAITING_SIGNATURE');
    expect(onboardingStatus(run(accepted, signed))).toBe('INVITING');
  });

  it('§1.5 each party acts once, also after the flow moved on', () => {
    expect(refusal(run(signed), signed)).toMatchObject({ code: Code.ALREADY_SIGNED, kind: 'CONFLICT' });
    expect(refusal(run(accepted), accepted)).toMatchObject({ code: Code.ALREADY_ACCEPTED, kind: 'CONFLICT' });
    expect(refusal(run(signed, accepted), signed).code).toBe(Code.ALREADY_SIGNED);
    expect(refusal(run(signed, accepted), accepted).details).toEqual({ acceptedAt: T0 + 2 });
  });

  it('invitations end the flow; nothing is accepted once it is final', () => {
    const done = run(signed, accepted, { type: 'REGISTRATIONS_FINISHED' });
    expect(onboardingStatus(done)).toBe('COMPLETED');
    expect(isOnboardingFinal(done)).toBe(true);
    expect(refusal(done, { type: 'CANCEL', reason: 'late' })).toMatchObject({
      code: Code.TRANSITION_NOT_ALLOWED,
      kind: 'CONFLICT',
      details: { status: 'COMPLETED', action: 'cancel the application' },
    });
    // A final state says "not allowed", not "already signed".
    expect(refusal(done, signed).code).toBe(Code.TRANSITION_NOT_ALLOWED);
  });

  it('registrations cannot finish before invitations go out', () => {
    expect(refusal(run(signed), { type: 'REGISTRATIONS_FINISHED' }).code).toBe(Code.TRANSITION_NOT_ALLOWED);
  });

  it('refuses an event time that is not epoch milliseconds', () => {
    for (const at of [Number.NaN, -1, 1.5, Number.POSITIVE_INFINITY]) {
      expect(refusal(start, { type: 'BANK_SIGNED', at })).toMatchObject({ code: Code.INVALID_EVENT, kind: 'INVALID' });
    }
  });

  it('rejects an application without users and an unknown persisted state', () => {
    expect(() => initialOnboardingState({ users: 0 })).toThrow(RangeError);
    const corrupt = { value: 'signed', context: start.context };
    expect(() => decideOnboarding(corrupt, signed)).toThrow(/unknown machine state/);
  });
});

/** §1.5 restated without the machine: what should happen to each event. */
const oracle = (state: State, event: OnboardingEvent): Expected<OnboardingContext> => {
  const c = state.context;
  if (state.value === 'completed' || state.value === 'cancelled') return no(Code.TRANSITION_NOT_ALLOWED);
  const invitingNow = (next: OnboardingContext) => go(next.signed && next.accepted ? 'inviting' : next.signed ? 'awaitingAcceptance' : 'awaitingSignature', next);
  switch (event.type) {
    case 'BANK_SIGNED':
      return c.signed ? no(Code.ALREADY_SIGNED) : invitingNow({ ...c, signed: true, signedAt: event.at });
    case 'AGREEMENT_ACCEPTED':
      return c.accepted ? no(Code.ALREADY_ACCEPTED) : invitingNow({ ...c, accepted: true, acceptedAt: event.at });
    case 'REGISTRATIONS_FINISHED':
      return state.value === 'inviting' ? go('completed', c) : no(Code.TRANSITION_NOT_ALLOWED);
    case 'CANCEL':
      return go('cancelled', c);
  }
};

const alphabet = (): OnboardingEvent[] => [
  { type: 'BANK_SIGNED', at: T0 + 10 },
  { type: 'AGREEMENT_ACCEPTED', at: T0 + 20 },
  { type: 'REGISTRATIONS_FINISHED' },
  { type: 'CANCEL', reason: 'application withdrawn' },
];

modelSuite({
  flow: 'ONBOARDING',
  machine: onboardingMachine,
  initial: start,
  explore: alphabet,
  probes: (state): OnboardingEvent[] => [...alphabet(), { type: 'BANK_SIGNED', at: state.context.signedAt ?? T0 }],
  decide: decideOnboarding,
  oracle,
  pathKind: 'simple',
  status: {
    actual: onboardingStatus,
    expected: ({ value, context }) =>
      value === 'completed' || value === 'cancelled'
        ? value.toUpperCase()
        : !context.signed
          ? 'AWAITING_SIGNATURE'
          : !context.accepted
            ? 'AWAITING_ACCEPTANCE'
            : 'INVITING',
  },
  codes: [Code.ALREADY_SIGNED, Code.ALREADY_ACCEPTED, Code.TRANSITION_NOT_ALLOWED],
});
