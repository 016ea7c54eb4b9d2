import {
  accept,
  author,
  codeStatuses,
  confirmWithCode,
  dir1,
  dir2,
  dir3,
  errorOf,
  policy,
  recorded,
  request,
  start,
  submit,
  T0,
  TERMS,
  walk,
} from '../testing/payment-aggregate';
import { awaitsComplianceDecision, needsHold, paymentProjection, paymentStatus, paymentWaitingFor, type Payment } from '.';

const LARGE = '200000000';
/** Fully confirmed by dir1 (and dir2 when two are required): with the bank. */
const withBank = (required = 1, amountTiyn = LARGE): Payment => {
  let p = walk(start(amountTiyn), submit(author, T0 + 1, policy(required)));
  p = confirmWithCode(p, dir1, T0 + 10);
  if (required > 1) p = confirmWithCode(p, dir2, T0 + 20);
  return p;
};
const held = (required = 1) => accept(withBank(required), { type: 'PLACE_HOLD', at: T0 + 100 }).state;

describe('payment aggregate: compliance hold (§2.4)', () => {
  it('holds only a document above the threshold, once', () => {
    expect(needsHold(withBank(1, TERMS.holdThresholdTiyn))).toBe(false);
    expect(accept(withBank(1, TERMS.holdThresholdTiyn), { type: 'PLACE_HOLD', at: T0 + 100 }).effects).toEqual([]);
    const d = accept(withBank(), { type: 'PLACE_HOLD', at: T0 + 100 });
    expect(d.state.hold).toMatchObject({ status: 'ON_HOLD', deadline: T0 + 100 + TERMS.holdTtlMs });
    expect(d.effects).toEqual([
      { type: 'RECORD', events: [{ type: 'HELD', actorType: 'SYSTEM', actorId: null, details: { deadline: new Date(T0 + 100 + TERMS.holdTtlMs).toISOString() } }] },
    ]);
    expect(needsHold(d.state)).toBe(false);
    expect(awaitsComplianceDecision(d.state)).toBe(true);
    expect(paymentWaitingFor(d.state)).toBe('With the bank: waiting for a compliance decision');
    expect(paymentStatus(d.state.document)).toBe('SENT_TO_BANK');
  });

  it('a release hands it to core banking, recording the operator', () => {
    const d = accept(held(), { type: 'DECIDE_HOLD', operatorId: 'op-1', decision: 'EXECUTE', at: T0 + 200 });
    expect(d.effects).toEqual([]);
    const settled = accept(d.state, { type: 'SETTLE', at: T0 + 200 });
    expect(settled.state.document.value).toBe('handedToCoreBanking');
    expect(settled.effects).toEqual([{ type: 'RECORD', events: [{ type: 'HOLD_RELEASED', actorType: 'OPERATOR', actorId: 'op-1', details: {} }] }]);
    expect(paymentWaitingFor(settled.state)).toBe('Waiting for core banking to execute it');
  });

  it('a refusal needs a clean reason and refuses the document', () => {
    const p = held();
    expect(errorOf(p, { type: 'DECIDE_HOLD', operatorId: 'op-1', decision: 'REFUSE', at: T0 + 200 })).toBe('PAYMENT.REASON_REQUIRED');
    const d = walk(p, { type: 'DECIDE_HOLD', operatorId: 'op-1', decision: 'REFUSE', reason: 'Sanctions', at: T0 + 200 });
    const settled = accept(d, { type: 'SETTLE', at: T0 + 200 });
    expect(paymentStatus(settled.state.document)).toBe('REFUSED');
    expect(settled.state.bankRefusal).toEqual({ code: 'COMPLIANCE.REFUSED', reason: 'Sanctions' });
    expect(settled.effects).toEqual([
      { type: 'RECORD', events: [{ type: 'REFUSED', actorType: 'OPERATOR', actorId: 'op-1', details: { code: 'COMPLIANCE.REFUSED', reason: 'Sanctions' } }] },
    ]);
    expect(paymentProjection(settled.state, T0).refusal).toEqual({ code: 'COMPLIANCE.REFUSED', reason: 'Sanctions' });
  });

  it('an open review stays open before its deadline and refuses the document after it (fail closed)', () => {
    const p = held();
    const early = accept(p, { type: 'SETTLE', at: T0 + 100 + TERMS.holdTtlMs - 1 });
    expect(early.state).toBe(p);
    expect(early.effects).toEqual([]);
    const late = accept(p, { type: 'SETTLE', at: T0 + 100 + TERMS.holdTtlMs });
    expect(paymentStatus(late.state.document)).toBe('REFUSED');
    expect(recorded(late.effects)).toEqual(['REFUSED']);
    expect(late.state.bankRefusal?.code).toBe('COMPLIANCE.DEADLINE_PASSED');
  });

  it('a decision without an open review is refused', () => {
    expect(errorOf(withBank(), { type: 'DECIDE_HOLD', operatorId: 'op-1', decision: 'EXECUTE', at: T0 })).toBe('PAYMENT.NOT_ON_HOLD');
  });

  it('without a hold the document is handed over with nothing to record', () => {
    const d = accept(withBank(1, '100'), { type: 'SETTLE', at: T0 + 100 });
    expect(d.state.document.value).toBe('handedToCoreBanking');
    expect(d.effects).toEqual([]);
  });
});

describe('payment aggregate: withdrawal and back from the bank (§1.14)', () => {
  it('withdrawn during a hold: back to its confirmers, the hold discarded, the value date and lifetime reset', () => {
    const p = held(2);
    expect(p.sentValueDate).toBe('2026-03-02');
    const at = T0 + 500;
    const d = accept(p, { type: 'WITHDRAW_CONFIRMATION', userId: dir1.userId, at });
    expect(d.state.document.value).toBe('partiallyConfirmed');
    expect(d.state.hold).toBeNull();
    expect(d.state.sentValueDate).toBeNull();
    expect(d.state.expiresAt).toBe(at + TERMS.confirmationTtlMs);
    expect(d.effects).toEqual([
      {
        type: 'RECORD',
        events: [
          { type: 'CONFIRMATION_WITHDRAWN', actorType: 'SYSTEM', actorId: null, details: { userId: dir1.userId, reason: 'USER_BLOCKED' } },
          { type: 'HOLD_DISCARDED', actorType: 'SYSTEM', actorId: null, details: { reason: 'CONFIRMATION_WITHDRAWN' } },
        ],
        voidConfirmations: { userId: dir1.userId, reason: 'USER_BLOCKED' },
      },
    ]);
    expect(paymentWaitingFor(d.state)).toBe('Waiting for 1 more confirmation (1 of 2)');
    // The next full confirmation is reviewed afresh.
    const again = confirmWithCode(d.state, dir3, T0 + 600);
    expect(needsHold(again)).toBe(true);
  });

  it('the last confirmation withdrawn leaves it awaiting its first', () => {
    const d = accept(withBank(1), { type: 'WITHDRAW_CONFIRMATION', userId: dir1.userId, at: T0 + 50 });
    expect(d.state.document.value).toBe('awaitingConfirmation');
    expect(recorded(d.effects)).toEqual(['CONFIRMATION_WITHDRAWN']);
  });

  it('once core banking has it nothing is withdrawn (money may be moving); only open codes die', () => {
    const handed = walk(withBank(1, '100'), { type: 'SETTLE', at: T0 + 100 });
    expect(accept(handed, { type: 'WITHDRAW_CONFIRMATION', userId: dir1.userId, at: T0 + 101 })).toEqual({ ok: true, state: handed, effects: [] });
  });

  it('a user without a confirmation: their codes are cancelled, nothing is recorded', () => {
    const p = walk(start(), submit(author, T0 + 1, policy(2)), request(dir2, 'ch-2', T0 + 5));
    const d = accept(p, { type: 'WITHDRAW_CONFIRMATION', userId: dir2.userId, at: T0 + 6 });
    expect(codeStatuses(d.state)).toEqual(['u-dir2:cancelled']);
    expect(d.state.document).toBe(p.document);
    expect(d.effects).toEqual([]);
  });
});

describe('payment aggregate: the bank answers (final states)', () => {
  const handed = () => walk(withBank(1, '100'), { type: 'SETTLE', at: T0 + 100 });

  it('executed', () => {
    const d = accept(handed(), { type: 'BANK_ANSWERED', answer: { outcome: 'EXECUTED', executedAt: '2026-03-02T06:10:00.000Z' }, at: T0 + 200 });
    expect(paymentStatus(d.state.document)).toBe('EXECUTED');
    expect(d.state.executedAt).toBe('2026-03-02T06:10:00.000Z');
    expect(recorded(d.effects)).toEqual(['EXECUTED']);
    expect(paymentWaitingFor(d.state)).toBe('Done: executed by the bank');
    expect(errorOf(d.state, { type: 'CANCEL', actor: author, at: T0 + 300 })).toBe('PAYMENT.TRANSITION_NOT_ALLOWED');
  });

  it('refused', () => {
    const d = accept(handed(), { type: 'BANK_ANSWERED', answer: { outcome: 'REFUSED', code: 'LEDGER.INSUFFICIENT_FUNDS', reason: 'No funds' }, at: T0 + 200 });
    expect(paymentStatus(d.state.document)).toBe('REFUSED');
    expect(d.state.bankRefusal).toEqual({ code: 'LEDGER.INSUFFICIENT_FUNDS', reason: 'No funds' });
    expect(d.effects).toEqual([
      { type: 'RECORD', events: [{ type: 'REFUSED', actorType: 'SYSTEM', actorId: null, details: { code: 'LEDGER.INSUFFICIENT_FUNDS', reason: 'No funds' } }] },
    ]);
  });

  it('no answer is taken before the hand-over', () => {
    expect(errorOf(withBank(), { type: 'BANK_ANSWERED', answer: { outcome: 'EXECUTED', executedAt: 'x' }, at: T0 })).toBe('PAYMENT.TRANSITION_NOT_ALLOWED');
  });
});
