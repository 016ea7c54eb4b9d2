import fc from 'fast-check';
import { decideChallenge, initialChallengeState } from '../challenge';
import type { MachineState } from '../machine-state';
import { actor, everyActor } from '../testing/actors';
import {
  decidePayment,
  initialPaymentState,
  isPaymentFinal,
  paymentConfirmationBinding,
  paymentStatus,
  startPayment,
  PaymentErrorCode as Code,
  type ApprovalPolicy,
  type PaymentContext,
  type PaymentEvent,
} from '.';

type State = MachineState<PaymentContext>;
const T0 = 1_700_000_000_000;
const P = 'partner-1';
const author = actor('u-author', P, 'CREATE_AND_VIEW');
const dir1 = actor('u-dir1', P);
const dir2 = actor('u-dir2', P);
/** From 100 000.00 KZT two confirmations; the author may not confirm. */
const twoAbove100k: ApprovalPolicy = {
  rules: [{ minAmountTiyn: '10000000', requiredConfirmations: 2 }],
  authorMayConfirm: false,
};
const start = initialPaymentState({ author, amountTiyn: '15000000', at: T0 });

const step = (state: State, event: PaymentEvent): State => {
  const decision = decidePayment(state, event);
  if (!decision.ok) throw new Error(`${event.type} refused: ${decision.error.code}`);
  return decision.state;
};
const run = (from: State, ...events: PaymentEvent[]) => events.reduce(step, from);
const refusal = (state: State, event: PaymentEvent) => {
  const decision = decidePayment(state, event);
  if (decision.ok) throw new Error(`${event.type} unexpectedly accepted in ${state.value}`);
  return decision.error;
};
const submit = (policy: ApprovalPolicy = twoAbove100k, by = author) => ({ type: 'SUBMIT', actor: by, policy, at: T0 + 1 }) as const;
const confirm = (by = dir1, version = 1) => ({ type: 'CONFIRM', actor: by, version, at: T0 + 2 }) as const;
const submitted = run(start, submit());

describe('payment document (§1.2, §1.13, §2.4)', () => {
  it('§1.2.2 a create-and-view user drafts, edits and submits; §1.2.1 full-access users confirm', () => {
    const edited = step(start, { type: 'EDIT', actor: author, amountTiyn: '20000000', at: T0 });
    expect(edited.context).toMatchObject({ amountTiyn: '20000000', version: 2 });
    const sent = run(edited, submit(), confirm(dir1, 2));
    expect(paymentStatus(sent)).toBe('PARTIALLY_CONFIRMED');
    const done = step(sent, confirm(dir2, 2));
    expect(done.value).toBe('sentToBank');
    expect(done.context).toMatchObject({ requiredConfirmations: 2, sentAt: T0 + 2 });
    expect(done.context.confirmations.map((c) => c.userId)).toEqual(['u-dir1', 'u-dir2']);
    const handed = step(done, { type: 'HANDED_TO_CORE_BANKING', at: T0 + 3 });
    expect(paymentStatus(handed)).toBe('SENT_TO_BANK');
    expect(paymentStatus(step(handed, { type: 'BANK_EXECUTED', at: T0 + 4 }))).toBe('EXECUTED');
    const refused = step(handed, { type: 'BANK_REFUSED', reason: 'insufficient funds', at: T0 + 4 });
    expect(refused.context.bankReason).toBe('insufficient funds');
    expect(isPaymentFinal(refused)).toBe(true);
  });

  it('§1.2.1 only ACTIVE full-access users of the partner confirm', () => {
    for (const who of everyActor(['u-dir3'], [P, 'partner-2'])) {
      const decision = decidePayment(submitted, confirm(who));
      const expected =
        who.partnerId !== P ? Code.NOT_FOUND : who.status !== 'ACTIVE' ? 'ACCESS.USER_NOT_ACTIVE' : who.accessLevel !== 'FULL_ACCESS' ? 'ACCESS.FORBIDDEN' : null;
      expect(decision.ok ? null : decision.error.code).toBe(expected);
    }
  });

  it('one confirmation per user: PAYMENT.ALREADY_CONFIRMED_BY_USER', () => {
    expect(refusal(run(submitted, confirm(dir1)), confirm(dir1))).toMatchObject({
      code: Code.ALREADY_CONFIRMED_BY_USER,
      kind: 'CONFLICT',
    });
  });

  it("the author confirms only where the partner's policy allows it", () => {
    const fullAuthor = actor('u-boss', P);
    const own = initialPaymentState({ author: fullAuthor, amountTiyn: '500', at: T0 });
    const strict = run(own, submit(twoAbove100k, fullAuthor));
    expect(refusal(strict, confirm(fullAuthor))).toMatchObject({
      code: Code.AUTHOR_MAY_NOT_CONFIRM,
      kind: 'FORBIDDEN',
    });
    const lenient = { rules: [], authorMayConfirm: true };
    expect(run(own, submit(lenient, fullAuthor), confirm(fullAuthor)).value).toBe('sentToBank');
  });

  it('§1.13 a return voids confirmations; a confirmation for the old version is refused', () => {
    const partial = run(submitted, confirm(dir1));
    const returned = step(partial, { type: 'RETURN', actor: dir2, reason: 'wrong KNP', at: T0 + 3 });
    expect(returned).toMatchObject({
      value: 'draft',
      context: { version: 2, confirmations: [], policy: null, requiredConfirmations: 0, returnReason: 'wrong KNP' },
    });
    const resubmitted = step(returned, submit());
    expect(refusal(resubmitted, confirm(dir2, 1))).toMatchObject({
      code: Code.STALE_VERSION,
      details: { currentVersion: 2 },
    });
    expect(step(resubmitted, confirm(dir2, 2)).value).toBe('partiallyConfirmed');
  });

  it('refuses a return whose reason is not clean text: PostgreSQL cannot store a NUL, and bidi characters forge', () => {
    const partial = run(submitted, confirm(dir1));
    for (const reason of ['a\u0000b', 'line\nbreak', 'x\u202Eevil', 'zero\u200Bwidth', ' padded ', 'я'.repeat(501)]) {
      expect(refusal(partial, { type: 'RETURN', actor: dir2, reason, at: T0 + 3 })).toMatchObject({ code: 'PAYMENT.REASON_INVALID', kind: 'INVALID' });
    }
    expect(refusal(partial, { type: 'RETURN', actor: dir2, reason: ' ', at: T0 + 3 })).toMatchObject({ code: Code.REASON_REQUIRED });
    expect(step(partial, { type: 'RETURN', actor: dir2, reason: 'Неверный КНП', at: T0 + 3 }).value).toBe('draft');
  });

  it('the policy is the snapshot taken at submission; a resubmission takes a new one', () => {
    expect(submitted.context).toMatchObject({ policy: twoAbove100k, requiredConfirmations: 2 });
    const relaxed = { rules: [], authorMayConfirm: false };
    const back = { type: 'RETURN', actor: author, reason: 'policy changed', at: T0 + 3 } as const;
    const again = run(submitted, back, submit(relaxed));
    expect(again.context.requiredConfirmations).toBe(1);
    const broken = { rules: [{ minAmountTiyn: '1', requiredConfirmations: 0 }], authorMayConfirm: true };
    expect(refusal(start, submit(broken))).toMatchObject({
      code: Code.INVALID_APPROVAL_POLICY,
      kind: 'UNPROCESSABLE',
    });
  });

  it('§1.14 a blocked confirmer is withdrawn until core banking has it, never after', () => {
    const partial = run(submitted, confirm(dir1));
    const withdrawn = step(partial, { type: 'WITHDRAW_CONFIRMATION', userId: 'u-dir1', at: T0 + 3 });
    expect(withdrawn).toMatchObject({ value: 'awaitingConfirmation', context: { confirmations: [] } });
    expect(refusal(submitted, { type: 'WITHDRAW_CONFIRMATION', userId: 'u-dir1', at: T0 + 3 }).code).toBe(Code.NO_CONFIRMATION_BY_USER);
    const sent = run(partial, confirm(dir2));
    expect(step(sent, { type: 'WITHDRAW_CONFIRMATION', userId: 'u-dir1', at: T0 + 3 }).value).toBe('partiallyConfirmed');
    const handed = step(sent, { type: 'HANDED_TO_CORE_BANKING', at: T0 + 3 });
    expect(refusal(handed, { type: 'WITHDRAW_CONFIRMATION', userId: 'u-dir1', at: T0 + 4 })).toMatchObject({
      code: Code.TRANSITION_NOT_ALLOWED,
      details: { status: 'SENT_TO_BANK' },
    });
  });

  it('editing is for drafts only and needs a positive whole amount in tiyn', () => {
    const edit = { type: 'EDIT', actor: author, amountTiyn: '1', at: T0 } as const;
    expect(refusal(submitted, edit).code).toBe(Code.TRANSITION_NOT_ALLOWED);
    for (const amountTiyn of ['0', '-1', '1.50', '1e9', '', '100000000000001']) {
      expect(refusal(start, { type: 'EDIT', actor: author, amountTiyn, at: T0 }).code).toBe(Code.INVALID_AMOUNT);
    }
    expect(refusal(start, { type: 'EDIT', actor: { ...dir1, status: 'BLOCKED' }, amountTiyn: '1', at: T0 }).code).toBe('ACCESS.USER_NOT_ACTIVE');
  });

  it("another partner's user hears NOT_FOUND, in every state, never the state", () => {
    const stranger = actor('u-x', 'partner-2');
    const cancelled = step(start, { type: 'CANCEL', actor: author, at: T0 });
    for (const state of [start, submitted, cancelled]) {
      expect(refusal(state, { type: 'CANCEL', actor: stranger, at: T0 })).toEqual({
        code: Code.NOT_FOUND,
        kind: 'NOT_FOUND',
        message: expect.any(String),
      });
    }
  });

  it('creation needs an ACTIVE user and a positive amount', () => {
    expect(startPayment({ author: { ...author, status: 'LOCKED' }, amountTiyn: '1', at: T0 })).toMatchObject({
      ok: false,
      error: { code: 'ACCESS.USER_NOT_ACTIVE' },
    });
    expect(startPayment({ author, amountTiyn: '0', at: T0 })).toMatchObject({
      ok: false,
      error: { code: Code.INVALID_AMOUNT },
    });
    expect(() => initialPaymentState({ author, amountTiyn: '0', at: T0 })).toThrow(Code.INVALID_AMOUNT);
  });

  it('§1.13 a confirmation code bound to one version of a document does not confirm the edited one', () => {
    const facts = {
      paymentId: 'pay-1',
      version: 1,
      amountTiyn: '15000000',
      beneficiaryIban: 'KZ86125KZT5004100100',
      beneficiaryBinIin: '990340000123',
      userId: 'u-dir1',
    };
    const binding = paymentConfirmationBinding(facts);
    const challenge = initialChallengeState({
      purpose: 'PAYMENT',
      binding,
      issuedAt: T0,
      ttlMs: 60_000,
      maxAttempts: 3,
    });
    const check = (version: number) =>
      decideChallenge(challenge, {
        type: 'CODE_CHECKED',
        purpose: 'PAYMENT',
        binding: paymentConfirmationBinding({ ...facts, version }),
        correct: true,
        at: T0 + 1,
      });
    expect(check(2)).toMatchObject({ ok: false, error: { code: 'CHALLENGE.BINDING_MISMATCH' } });
    expect(check(1)).toMatchObject({ ok: true, state: { value: 'verified' } });
  });

  it('invariants hold for any sequence of commands (fast-check)', () => {
    const someone = fc.constantFrom(author, dir1, dir2, actor('u-dir3', P), { ...dir2, status: 'BLOCKED' as const });
    const policy = fc.constantFrom(twoAbove100k, { rules: [], authorMayConfirm: true });
    const event: fc.Arbitrary<PaymentEvent> = fc.oneof(
      fc.record({ actor: someone, amountTiyn: fc.constantFrom('500', '20000000') }).map((e) => ({ type: 'EDIT' as const, ...e, at: T0 })),
      fc.record({ actor: someone, policy }).map((e) => ({ type: 'SUBMIT' as const, ...e, at: T0 })),
      fc.record({ actor: someone, version: fc.integer({ min: 1, max: 4 }) }).map((e) => ({ type: 'CONFIRM' as const, ...e, at: T0 })),
      someone.map((who) => ({ type: 'RETURN' as const, actor: who, reason: 'fix', at: T0 })),
      fc.constantFrom('u-dir1', 'u-dir2').map((userId) => ({ type: 'WITHDRAW_CONFIRMATION' as const, userId, at: T0 })),
      fc.constant({ type: 'HANDED_TO_CORE_BANKING' as const, at: T0 }),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 25 }), (events) => {
        let state = start;
        for (const next of events) {
          const decision = decidePayment(state, next);
          if (!decision.ok) continue;
          state = decision.state;
          const c = state.context;
          if (next.type === 'CONFIRM') {
            expect(next.actor).toMatchObject({ accessLevel: 'FULL_ACCESS', status: 'ACTIVE' });
          }
          expect(new Set(c.confirmations.map((x) => x.userId)).size).toBe(c.confirmations.length);
          expect(c.confirmations.every((x) => x.version === c.version)).toBe(true);
          if (state.value === 'draft') expect(c.confirmations).toEqual([]);
          if (state.value === 'partiallyConfirmed') {
            expect(c.confirmations.length).toBeLessThan(c.requiredConfirmations);
          }
          const withBank = state.value === 'sentToBank' || state.value === 'handedToCoreBanking';
          if (withBank) expect(c.confirmations.length).toBe(c.requiredConfirmations);
          expect(c.sentAt !== null).toBe(withBank);
          expect(c.handedToCoreBankingAt !== null).toBe(state.value === 'handedToCoreBanking');
        }
      }),
      { numRuns: 300 },
    );
  });
});
