import fc from 'fast-check';
import { actor } from '../testing/actors';
import { author, content, dir1, dir2, dir3, policy, start, stranger, T0 } from '../testing/payment-aggregate';
import { decidePaymentCommand, isPaymentFinal, paymentStatus, paymentWaitingFor, type BankAnswer, type Payment, type PaymentCommand } from './';

const viewer = actor('u-viewer', 'partner-1', 'CREATE_AND_VIEW');
const actors = [author, dir1, dir2, dir3, viewer, stranger];
const someone = fc.constantFrom(...actors);
const ids = fc.constantFrom('c1', 'c2', 'c3');

/** A command without its time: the run gives each a later one. */
const command: fc.Arbitrary<(at: number) => PaymentCommand> = fc.oneof(
  fc.tuple(someone, fc.integer({ min: 1, max: 3 })).map(
    ([a, n]) =>
      (at: number) =>
        ({ type: 'SUBMIT', actor: a, policy: policy(n, true), at }) as const,
  ),
  fc.tuple(someone, fc.constantFrom('5000000', '250000000')).map(
    ([a, amount]) =>
      (at: number) =>
        ({ type: 'EDIT', actor: a, content: content(amount), at }) as const,
  ),
  someone.map((a) => (at: number) => ({ type: 'RETURN', actor: a, reason: 'Fix it', at }) as const),
  someone.map((a) => (at: number) => ({ type: 'CANCEL', actor: a, at }) as const),
  fc.tuple(someone, ids).map(
    ([a, id]) =>
      (at: number) =>
        ({ type: 'REQUEST_CODE', actor: a, challengeId: `${id}-${at}`, at }) as const,
  ),
  fc.tuple(someone, fc.boolean()).map(
    ([a, correct]) =>
      (at: number) =>
        ({ type: 'CHECK_CODE', actor: a, challengeId: '', correct, at }) as const,
  ),
  fc.constantFrom(dir1, dir2, dir3).map((a) => (at: number) => ({ type: 'WITHDRAW_CONFIRMATION', userId: a.userId, at }) as const),
  fc.constant((at: number) => ({ type: 'EXPIRE', at }) as const),
  fc.constant((at: number) => ({ type: 'PLACE_HOLD', at }) as const),
  fc
    .constantFrom('EXECUTE' as const, 'REFUSE' as const)
    .map((decision) => (at: number) => ({ type: 'DECIDE_HOLD', operatorId: 'op', decision, reason: 'No', at }) as const),
  fc.constant((at: number) => ({ type: 'SETTLE', at }) as const),
  fc
    .constantFrom<BankAnswer[]>({ outcome: 'EXECUTED', executedAt: 'x' }, { outcome: 'REFUSED', code: 'C.X', reason: 'r' })
    .map((answer) => (at: number) => ({ type: 'BANK_ANSWERED', answer, at }) as const),
);

/** A code check names the actor's latest code, so the run reaches confirmations. */
const aimed = (p: Payment, c: PaymentCommand): PaymentCommand => {
  if (c.type !== 'CHECK_CODE') return c;
  const mine = p.codes.entries.filter((e) => e.userId === c.actor.userId);
  return { ...c, challengeId: mine[mine.length - 1]?.challengeId ?? 'none' };
};

const invariants = (p: Payment) => {
  const { value, context } = p.document;
  const open = p.codes.entries.filter((e) => e.state.value === 'issued');
  // One open code per user, for the version and content as they are now (§1.13).
  expect(new Set(open.map((e) => e.userId)).size).toBe(open.length);
  for (const e of open) {
    expect(e.version).toBe(context.version);
    expect(e.state.context.binding.amountTiyn).toBe(p.content.amountTiyn);
  }
  // No code stays open once the document is with the bank or final.
  if (paymentStatus(p.document) === 'SENT_TO_BANK' || isPaymentFinal(p.document)) expect(open).toEqual([]);
  // Confirmations: distinct users, the current version, never more than the policy asks (§1.2.1).
  expect(new Set(context.confirmations.map((c) => c.userId)).size).toBe(context.confirmations.length);
  for (const c of context.confirmations) expect(c.version).toBe(context.version);
  expect(context.confirmations.length).toBeLessThanOrEqual(context.requiredConfirmations);
  if (value === 'sentToBank' || value === 'handedToCoreBanking') expect(context.confirmations.length).toBe(context.requiredConfirmations);
  // A hold only ever exists with the bank, or on a document it refused.
  if (p.hold !== null) expect(['sentToBank', 'handedToCoreBanking', 'refused']).toContain(value);
  // The current details are shown as they are: no names, accounts or amounts.
  const details = paymentWaitingFor(p);
  for (const secret of [p.content.beneficiary.name, p.content.beneficiary.iban, p.content.debitIban, p.content.amountTiyn]) {
    expect(details).not.toContain(secret);
  }
};

describe('payment aggregate: properties over any sequence of commands', () => {
  it('keeps the agreement invariants, never mutates its input, and refuses with stable codes', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(command, fc.integer({ min: 0, max: 20_000 })), { maxLength: 40 }), (steps) => {
        let p = start();
        let at = T0;
        for (const [make, gap] of steps) {
          at += gap;
          const c = aimed(p, make(at));
          const before = structuredClone(p);
          const d = decidePaymentCommand(p, c);
          expect(p).toEqual(before);
          if (!d.ok) {
            expect(d.error.code).toMatch(/^[A-Z_]+\.[A-Z_]+$/);
            continue;
          }
          // A code is sent only after the write that records it.
          const kinds = d.effects.map((e) => e.type);
          if (kinds.includes('SEND_CODE')) expect(kinds.indexOf('RECORD')).toBeLessThan(kinds.indexOf('SEND_CODE'));
          for (const e of d.effects) if (e.type === 'RECORD') expect(e.events.length).toBeGreaterThan(0);
          // Once final, nothing changes the document any more.
          if (isPaymentFinal(p.document)) expect(d.state.document).toBe(p.document);
          p = d.state;
          invariants(p);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is a function: the same command on the same state decides the same', () => {
    fc.assert(
      fc.property(fc.array(command, { maxLength: 15 }), (makes) => {
        let p = start();
        makes.forEach((make, i) => {
          const c = aimed(p, make(T0 + 1000 * (i + 1)));
          const [a, b] = [decidePaymentCommand(p, c), decidePaymentCommand(p, c)];
          expect(a).toEqual(b);
          if (a.ok) p = a.state;
        });
      }),
      { numRuns: 100 },
    );
  });
});
