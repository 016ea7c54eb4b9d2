import type { MachineState } from '../machine-state';
import { go, modelSuite, no, type Expected } from '../testing/model-suite';
import {
  challengeMachine,
  challengeStatus,
  decideChallenge,
  initialChallengeState,
  isChallengeFinal,
  ChallengeErrorCode as Code,
  type ChallengeBinding,
  type ChallengeContext,
  type ChallengeEvent,
  type ChallengePurpose,
} from '.';

type State = MachineState<ChallengeContext>;
const T0 = 1_700_000_000_000;
const TTL = 120_000;
const binding: ChallengeBinding = {
  paymentId: 'pay-1',
  version: '2',
  amountTiyn: '15000000',
  beneficiaryIban: 'KZ86125KZT5004100100',
  userId: 'u-dir',
};
const start = initialChallengeState({ purpose: 'PAYMENT', binding, issuedAt: T0, ttlMs: TTL, maxAttempts: 3 });

type Override = Partial<{ purpose: ChallengePurpose; binding: ChallengeBinding }>;
const check = (correct: boolean, at = T0 + 1, over: Override = {}) => ({ type: 'CODE_CHECKED', purpose: 'PAYMENT', binding, correct, at, ...over }) as const;

const step = (state: State, event: ChallengeEvent): State => {
  const decision = decideChallenge(state, event);
  if (!decision.ok) throw new Error(`${event.type} refused: ${decision.error.code}`);
  return decision.state;
};
const refusal = (state: State, event: ChallengeEvent) => {
  const decision = decideChallenge(state, event);
  if (decision.ok) throw new Error(`${event.type} unexpectedly accepted in ${state.value}`);
  return decision.error;
};

describe('one-time code challenge (§1.4, §1.11, §1.13)', () => {
  it('§1.13 a correct code for the same document verifies it', () => {
    const verified = step(start, check(true, T0 + 5));
    expect(verified).toEqual({ value: 'verified', context: { ...start.context, verifiedAt: T0 + 5 } });
    expect(challengeStatus(verified)).toBe('VERIFIED');
    expect(isChallengeFinal(verified)).toBe(true);
  });

  it('§1.13 a code issued for one document never confirms another, nor a changed one, and costs no attempt', () => {
    const others: ChallengeBinding[] = [
      { ...binding, paymentId: 'pay-2' },
      { ...binding, version: '3' },
      { ...binding, amountTiyn: '15000001' },
      { ...binding, beneficiaryIban: 'KZ75125KZT2069100100' },
      { ...binding, userId: 'u-other' },
      { ...binding, extra: 'x' },
      Object.fromEntries(Object.entries(binding).filter(([key]) => key !== 'version')),
    ];
    for (const other of others) {
      const error = refusal(start, check(true, T0 + 1, { binding: other }));
      expect(error).toMatchObject({ code: Code.BINDING_MISMATCH, kind: 'CONFLICT' });
      expect(JSON.stringify(error)).not.toContain('KZ');
    }
    // Key order is not a difference.
    const reordered = Object.fromEntries(Object.entries(binding).reverse());
    expect(step(start, check(true, T0 + 1, { binding: reordered })).value).toBe('verified');
  });

  it('a code for another purpose is as good as unknown (404)', () => {
    expect(refusal(start, check(true, T0 + 1, { purpose: 'LOGIN' }))).toMatchObject({
      code: Code.PURPOSE_MISMATCH,
      kind: 'NOT_FOUND',
    });
  });

  it('wrong codes spend attempts and the last one locks the challenge', () => {
    const once = step(start, check(false));
    expect(once).toMatchObject({ value: 'issued', context: { attemptsLeft: 2 } });
    const locked = step(step(once, check(false)), check(false));
    expect(locked).toMatchObject({ value: 'locked', context: { attemptsLeft: 0 } });
    expect(refusal(locked, check(true)).code).toBe(Code.TRANSITION_NOT_ALLOWED);
  });

  it('§1.11 valid up to and including expiresAt; the timer cannot fire early', () => {
    expect(step(start, check(true, T0 + TTL)).value).toBe('verified');
    expect(refusal(start, check(true, T0 + TTL + 1))).toMatchObject({ code: Code.EXPIRED, kind: 'GONE' });
    expect(refusal(start, { type: 'EXPIRED', at: T0 + TTL - 1 }).code).toBe(Code.NOT_YET_EXPIRED);
    expect(challengeStatus(step(start, { type: 'EXPIRED', at: T0 + TTL }))).toBe('EXPIRED');
  });

  it('a resend or a changed document cancels the challenge', () => {
    expect(step(start, { type: 'CANCEL', reason: 'SUPERSEDED' })).toEqual({
      value: 'cancelled',
      context: { ...start.context, cancelReason: 'SUPERSEDED' },
    });
  });

  it('refuses nonsense set-up', () => {
    const input = { purpose: 'PAYMENT' as const, binding, issuedAt: T0, ttlMs: TTL, maxAttempts: 3 };
    expect(() => initialChallengeState({ ...input, binding: {} })).toThrow(RangeError);
    expect(() => initialChallengeState({ ...input, binding: { userId: '' } })).toThrow(RangeError);
    expect(() => initialChallengeState({ ...input, ttlMs: 0 })).toThrow(RangeError);
    expect(() => initialChallengeState({ ...input, maxAttempts: 0 })).toThrow(RangeError);
    expect(() => initialChallengeState({ ...input, purpose: 'OTHER' as ChallengePurpose })).toThrow(RangeError);
  });
});

const sameFacts = (a: ChallengeBinding, b: ChallengeBinding) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

const oracle = ({ value, context: c }: State, e: ChallengeEvent): Expected<ChallengeContext> => {
  if (value !== 'issued') return no(Code.TRANSITION_NOT_ALLOWED);
  switch (e.type) {
    case 'CANCEL':
      return go('cancelled', { ...c, cancelReason: e.reason });
    case 'EXPIRED':
      return e.at < c.expiresAt ? no(Code.NOT_YET_EXPIRED) : go('expired', c);
    case 'CODE_CHECKED':
      if (e.purpose !== c.purpose) return no(Code.PURPOSE_MISMATCH);
      if (!sameFacts(e.binding, c.binding)) return no(Code.BINDING_MISMATCH);
      if (e.at > c.expiresAt) return no(Code.EXPIRED);
      if (e.correct) return go('verified', { ...c, verifiedAt: e.at });
      return go(c.attemptsLeft === 1 ? 'locked' : 'issued', { ...c, attemptsLeft: c.attemptsLeft - 1 });
  }
};

const explore = ({ context: c }: State): ChallengeEvent[] => [
  check(true, c.expiresAt),
  check(false, c.expiresAt),
  { type: 'EXPIRED', at: c.expiresAt },
  { type: 'CANCEL', reason: 'SUPERSEDED' },
];

const probes = (state: State): ChallengeEvent[] => [
  ...explore(state),
  check(true, state.context.expiresAt + 1),
  check(false, state.context.expiresAt + 1),
  check(true, T0, { purpose: 'LOGIN' }),
  check(false, T0, { purpose: 'SUB_USER' }),
  check(true, T0, { binding: { ...binding, version: '1' } }),
  check(false, T0, { binding: { ...binding, amountTiyn: '1' } }),
  { type: 'EXPIRED', at: state.context.expiresAt - 1 },
];

modelSuite({
  flow: 'CHALLENGE',
  machine: challengeMachine,
  initial: start,
  explore,
  probes,
  decide: decideChallenge,
  oracle,
  pathKind: 'simple',
  status: { actual: challengeStatus, expected: ({ value }) => value.toUpperCase() },
  codes: Object.values(Code).filter((code) => code !== Code.INVALID_EVENT),
});
