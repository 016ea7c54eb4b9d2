import fc from 'fast-check';
import type { MachineState } from '../machine-state';
import { go, modelSuite, no, type Expected } from '../testing/model-suite';
import {
  decideRegistration,
  initialRegistrationState,
  isRegistrationFinal,
  registrationMachine,
  registrationStatus,
  RegistrationErrorCode as Code,
  type RegistrationContext,
  type RegistrationEvent,
} from '.';

type State = MachineState<RegistrationContext>;
const T0 = 1_700_000_000_000;
const TTL = 300_000;
const COOLDOWN = 60_000;
const start = initialRegistrationState({ maxAttempts: 3, codeTtlMs: TTL, resendCooldownMs: COOLDOWN });

const step = (state: State, event: RegistrationEvent): State => {
  const decision = decideRegistration(state, event);
  if (!decision.ok) throw new Error(`${event.type} refused: ${decision.error.code}`);
  return decision.state;
};
const run = (...events: RegistrationEvent[]) => events.reduce(step, start);
const refusal = (state: State, event: RegistrationEvent) => {
  const decision = decideRegistration(state, event);
  if (decision.ok) throw new Error(`${event.type} unexpectedly accepted in ${state.value}`);
  return decision.error;
};
const request = (at: number) => ({ type: 'CODE_REQUESTED', at }) as const;
const check = (correct: boolean, codeNo: number, at: number) => ({ type: 'CODE_CHECKED', correct, codeNo, at }) as const;

describe('registration (§1.5, §1.7, §1.11)', () => {
  it('§1.7 code then password makes the user ACTIVE', () => {
    const sent = run(request(T0));
    expect(sent).toEqual({
      value: 'codeSent',
      context: {
        ...start.context,
        codesIssued: 1,
        codeExpiresAt: T0 + TTL,
        resendAvailableAt: T0 + COOLDOWN,
      },
    });
    const verified = step(sent, check(true, 1, T0 + 1000));
    expect(registrationStatus(verified)).toBe('CODE_VERIFIED');
    const active = step(verified, { type: 'PASSWORD_SET' });
    expect(registrationStatus(active)).toBe('ACTIVE');
    expect(isRegistrationFinal(active)).toBe(true);
  });

  it('a resend waits for the cooldown and says how long (429)', () => {
    const sent = run(request(T0));
    expect(refusal(sent, request(T0 + COOLDOWN - 250))).toEqual({
      code: Code.RESEND_COOLDOWN,
      kind: 'TOO_MANY',
      message: expect.any(String),
      details: { retryAfterMs: 250, resendAvailableAt: T0 + COOLDOWN },
    });
    expect(step(sent, request(T0 + COOLDOWN)).context.codesIssued).toBe(2);
  });

  it('§1.7 wrong codes are counted per registration: a resend does not restore attempts', () => {
    let state = run(request(T0));
    state = step(state, check(false, 1, T0 + 1));
    state = step(state, check(false, 1, T0 + 2));
    expect(state.context.attemptsLeft).toBe(1);
    state = step(state, request(T0 + COOLDOWN));
    expect(state.context.attemptsLeft).toBe(1);
    state = step(state, check(false, 2, T0 + COOLDOWN + 1));
    expect(state).toMatchObject({ value: 'locked', context: { attemptsLeft: 0 } });
    expect(registrationStatus(state)).toBe('LOCKED');
    expect(refusal(state, request(T0 + 10 * COOLDOWN)).code).toBe(Code.TRANSITION_NOT_ALLOWED);
  });

  it('a wrong code is a decision, not a refusal: the caller reads attemptsLeft', () => {
    const decision = decideRegistration(run(request(T0)), check(false, 1, T0 + 1));
    expect(decision).toMatchObject({ ok: true, state: { value: 'codeSent', context: { attemptsLeft: 2 } } });
  });

  it('only the latest code counts, even when correct', () => {
    const twice = run(request(T0), request(T0 + COOLDOWN));
    expect(refusal(twice, check(true, 1, T0 + COOLDOWN + 1))).toMatchObject({
      code: Code.CODE_SUPERSEDED,
      kind: 'CONFLICT',
    });
    expect(refusal(twice, check(false, 1, T0 + COOLDOWN + 1)).code).toBe(Code.CODE_SUPERSEDED);
    expect(twice.context.attemptsLeft).toBe(3);
  });

  it('§1.11 a code is valid up to and including its deadline, then GONE without costing an attempt', () => {
    const sent = run(request(T0));
    expect(step(sent, check(true, 1, T0 + TTL)).value).toBe('codeVerified');
    expect(refusal(sent, check(false, 1, T0 + TTL + 1))).toMatchObject({ code: Code.CODE_EXPIRED, kind: 'GONE' });
  });

  it('the code timer returns to INVITED, but a stale timer for a replaced code is refused', () => {
    const sent = run(request(T0));
    expect(step(sent, { type: 'CODE_EXPIRED', at: T0 + TTL })).toEqual({
      value: 'invited',
      context: { ...sent.context, codeExpiresAt: null },
    });
    const resent = step(sent, request(T0 + COOLDOWN));
    expect(refusal(resent, { type: 'CODE_EXPIRED', at: T0 + TTL })).toMatchObject({
      code: Code.CODE_NOT_YET_EXPIRED,
      kind: 'CONFLICT',
    });
  });

  it('§1.5 the link expires or the registration is cancelled from any non-final state', () => {
    for (const state of [start, run(request(T0)), run(request(T0), check(true, 1, T0 + 1))]) {
      expect(step(state, { type: 'LINK_EXPIRED' }).value).toBe('expired');
      expect(step(state, { type: 'CANCEL', reason: 'USER_BLOCKED' })).toEqual({
        value: 'cancelled',
        context: { ...state.context, cancelReason: 'USER_BLOCKED' },
      });
    }
  });

  it('refuses nonsense configuration and malformed event times', () => {
    const input = { maxAttempts: 3, codeTtlMs: TTL, resendCooldownMs: COOLDOWN };
    expect(() => initialRegistrationState({ ...input, maxAttempts: 0 })).toThrow(RangeError);
    expect(() => initialRegistrationState({ ...input, codeTtlMs: 0 })).toThrow(RangeError);
    expect(() => initialRegistrationState({ ...input, resendCooldownMs: -1 })).toThrow(RangeError);
    expect(refusal(run(request(T0)), check(true, 1, Number.NaN)).code).toBe(Code.INVALID_EVENT);
  });

  it('invariants hold for any sequence of events (fast-check)', () => {
    const event = fc.oneof(
      fc.nat(2 * TTL).map((dt) => request(T0 + dt)),
      fc.record({ correct: fc.boolean(), codeNo: fc.nat(4), dt: fc.nat(2 * TTL) }).map((e) => check(e.correct, e.codeNo, T0 + e.dt)),
      fc.nat(2 * TTL).map((dt) => ({ type: 'CODE_EXPIRED', at: T0 + dt }) as const),
      fc.constantFrom<RegistrationEvent>({ type: 'PASSWORD_SET' }, { type: 'LINK_EXPIRED' }, { type: 'CANCEL', reason: 'x' }),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 30 }), (events) => {
        let state = start;
        for (const next of events) {
          const decision = decideRegistration(state, next);
          if (!decision.ok) continue;
          const before = state.context;
          state = decision.state;
          expect(state.context.attemptsLeft).toBeLessThanOrEqual(before.attemptsLeft);
          expect(state.context.codesIssued).toBeGreaterThanOrEqual(before.codesIssued);
          expect(state.value === 'locked').toBe(state.context.attemptsLeft === 0);
          // Verification needs a correct check of the latest code by its deadline.
          if (state.value === 'codeVerified') {
            expect(next).toMatchObject({ type: 'CODE_CHECKED', correct: true, codeNo: before.codesIssued });
            expect((next as { at: number }).at).toBeLessThanOrEqual(before.codeExpiresAt!);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});

const LIVE = new Set(['invited', 'codeSent', 'codeVerified']);

/** §1.7 and §1.11 restated without the machine. */
const oracle = ({ value, context: c }: State, e: RegistrationEvent): Expected<RegistrationContext> => {
  if (!LIVE.has(value)) return no(Code.TRANSITION_NOT_ALLOWED);
  switch (e.type) {
    case 'LINK_EXPIRED':
      return go('expired', c);
    case 'CANCEL':
      return go('cancelled', { ...c, cancelReason: e.reason });
    case 'CODE_REQUESTED':
      if (value === 'codeVerified') return no(Code.TRANSITION_NOT_ALLOWED);
      if (c.resendAvailableAt !== null && e.at < c.resendAvailableAt) return no(Code.RESEND_COOLDOWN);
      return go('codeSent', {
        ...c,
        codesIssued: c.codesIssued + 1,
        codeExpiresAt: e.at + c.codeTtlMs,
        resendAvailableAt: e.at + c.resendCooldownMs,
      });
    case 'CODE_CHECKED': {
      if (value !== 'codeSent') return no(Code.TRANSITION_NOT_ALLOWED);
      if (e.codeNo !== c.codesIssued) return no(Code.CODE_SUPERSEDED);
      if (e.at > c.codeExpiresAt!) return no(Code.CODE_EXPIRED);
      if (e.correct) return go('codeVerified', c);
      const attemptsLeft = c.attemptsLeft - 1;
      return go(attemptsLeft === 0 ? 'locked' : 'codeSent', { ...c, attemptsLeft });
    }
    case 'CODE_EXPIRED':
      if (value !== 'codeSent') return no(Code.TRANSITION_NOT_ALLOWED);
      return e.at < c.codeExpiresAt! ? no(Code.CODE_NOT_YET_EXPIRED) : go('invited', { ...c, codeExpiresAt: null });
    case 'PASSWORD_SET':
      return value === 'codeVerified' ? go('active', c) : no(Code.TRANSITION_NOT_ALLOWED);
  }
};

/** Boundary times from the context; at most two codes keep the state space finite. */
const explore = ({ context: c }: State): RegistrationEvent[] => [
  ...(c.codesIssued < 2 ? [request(c.resendAvailableAt ?? T0)] : []),
  check(true, c.codesIssued, c.codeExpiresAt ?? T0),
  check(false, c.codesIssued, c.codeExpiresAt ?? T0),
  { type: 'CODE_EXPIRED', at: c.codeExpiresAt ?? T0 },
  { type: 'PASSWORD_SET' },
  { type: 'LINK_EXPIRED' },
  { type: 'CANCEL', reason: 'APPLICATION_CANCELLED' },
];

const probes = (state: State): RegistrationEvent[] => {
  const c = state.context;
  const deadline = c.codeExpiresAt ?? T0;
  return [
    ...explore(state),
    request(c.resendAvailableAt ?? T0),
    request((c.resendAvailableAt ?? T0) - 1),
    check(true, c.codesIssued - 1, deadline),
    check(false, c.codesIssued + 1, deadline),
    check(true, c.codesIssued, deadline + 1),
    check(false, c.codesIssued, deadline + 1),
    { type: 'CODE_EXPIRED', at: deadline - 1 },
  ];
};

modelSuite({
  flow: 'REGISTRATION',
  machine: registrationMachine,
  initial: start,
  explore,
  probes,
  decide: decideRegistration,
  oracle,
  pathKind: 'simple',
  status: {
    actual: registrationStatus,
    expected: ({ value }) => value.replace(/[A-Z]/g, (ch) => `_${ch}`).toUpperCase(),
  },
  codes: [Code.RESEND_COOLDOWN, Code.CODE_SUPERSEDED, Code.CODE_EXPIRED, Code.CODE_NOT_YET_EXPIRED, Code.TRANSITION_NOT_ALLOWED],
});
