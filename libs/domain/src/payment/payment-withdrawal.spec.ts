import type { MachineState } from '../machine-state';
import { actor } from '../testing/actors';
import { decidePayment, initialPaymentState, paymentStatus, PaymentErrorCode as Code, type ApprovalPolicy, type PaymentContext, type PaymentEvent } from './';

type State = MachineState<PaymentContext>;
const T0 = 1_700_000_000_000;
const P = 'partner-1';
const author = actor('u-author', P, 'CREATE_AND_VIEW');
const [dir1, dir2, dir3] = ['u-dir1', 'u-dir2', 'u-dir3'].map((id) => actor(id, P));
const policy = (requiredConfirmations: number): ApprovalPolicy => ({
  rules: [{ minAmountTiyn: '0', requiredConfirmations }],
  authorMayConfirm: false,
});

const step = (state: State, event: PaymentEvent): State => {
  const decision = decidePayment(state, event);
  if (!decision.ok) throw new Error(`${event.type} refused in ${state.value}: ${decision.error.code}`);
  return decision.state;
};
const run = (from: State, ...events: PaymentEvent[]) => events.reduce(step, from);
const confirm = (by: typeof dir1, at: number) => ({ type: 'CONFIRM', actor: by, version: 1, at }) as const;
const withdraw = (userId: string, at = T0 + 10) => ({ type: 'WITHDRAW_CONFIRMATION', userId, at }) as const;
const handOver = (at = T0 + 20) => ({ type: 'HANDED_TO_CORE_BANKING', at }) as const;
/** Submitted under a policy needing `n` confirmations, then confirmed by the first `n` directors. */
const withBank = (n: number) => {
  const submitted = step(initialPaymentState({ author, amountTiyn: '50000000', at: T0 }), {
    type: 'SUBMIT',
    actor: author,
    policy: policy(n),
    at: T0 + 1,
  });
  return run(submitted, ...[dir1, dir2].slice(0, n).map((who, i) => confirm(who!, T0 + 2 + i)));
};

describe('§1.14 a blocked confirmer, with the bank but before core banking has the document', () => {
  it('loses their confirmation: the rest are counted again against the snapshot', () => {
    const sent = withBank(2);
    expect(sent).toMatchObject({ value: 'sentToBank', context: { sentAt: T0 + 3, handedToCoreBankingAt: null } });
    const back = step(sent, withdraw('u-dir1'));
    expect(back).toMatchObject({ value: 'partiallyConfirmed', context: { requiredConfirmations: 2, sentAt: null } });
    expect(back.context.confirmations.map((c) => c.userId)).toEqual(['u-dir2']);
    expect(paymentStatus(back)).toBe('PARTIALLY_CONFIRMED');
    // Another confirmer completes it again: sent anew, at the time of that confirmation.
    const again = step(back, confirm(dir3!, T0 + 30));
    expect(again).toMatchObject({ value: 'sentToBank', context: { sentAt: T0 + 30 } });
    expect(again.context.confirmations.map((c) => c.userId)).toEqual(['u-dir2', 'u-dir3']);
    // The blocked user's confirmation is gone, so the same withdrawal is refused now.
    expect(decidePayment(again, withdraw('u-dir1'))).toMatchObject({ ok: false, error: { code: Code.NO_CONFIRMATION_BY_USER } });
  });

  it('back to awaiting confirmation when the only confirmation goes', () => {
    const back = step(withBank(1), withdraw('u-dir1'));
    expect(back).toMatchObject({ value: 'awaitingConfirmation', context: { confirmations: [], sentAt: null } });
    expect(paymentStatus(back)).toBe('AWAITING_CONFIRMATION');
    expect(step(back, confirm(dir2!, T0 + 30)).value).toBe('sentToBank');
  });

  it('keeps it once core banking has the document: money may already be moving', () => {
    const handed = step(withBank(2), handOver());
    expect(handed).toMatchObject({ value: 'handedToCoreBanking', context: { handedToCoreBankingAt: T0 + 20 } });
    expect(paymentStatus(handed)).toBe('SENT_TO_BANK');
    expect(decidePayment(handed, withdraw('u-dir1'))).toMatchObject({
      ok: false,
      error: { code: Code.TRANSITION_NOT_ALLOWED, kind: 'CONFLICT', details: { status: 'SENT_TO_BANK' } },
    });
    expect(decidePayment(handed, withdraw('u-nobody'))).toMatchObject({ ok: false, error: { code: Code.NO_CONFIRMATION_BY_USER } });
    expect(decidePayment(handed, handOver()).ok).toBe(false);
  });

  it('only core banking executes; the bank may refuse before or after the hand-off (§2.4)', () => {
    const sent = withBank(1);
    expect(decidePayment(sent, { type: 'BANK_EXECUTED', at: T0 + 20 })).toMatchObject({
      ok: false,
      error: { code: Code.TRANSITION_NOT_ALLOWED, details: { status: 'SENT_TO_BANK' } },
    });
    expect(step(sent, { type: 'BANK_REFUSED', reason: 'compliance', at: T0 + 20 }).value).toBe('refused');
    const handed = step(sent, handOver());
    expect(step(handed, { type: 'BANK_EXECUTED', at: T0 + 21 }).value).toBe('executed');
    expect(step(handed, { type: 'BANK_REFUSED', reason: 'insufficient funds', at: T0 + 21 }).value).toBe('refused');
    // Nothing to hand over before the document is fully confirmed.
    expect(decidePayment(step(sent, withdraw('u-dir1')), handOver()).ok).toBe(false);
  });
});
