import { actor } from '../testing/actors';
import { decidePayment, editPayment, EDIT_RETURN_REASON, storedDraftState, type PaymentContext } from './';
import type { MachineState } from '../machine-state';

const T0 = 1_800_000_000_000;
const P = 'partner-1';
const clerk = actor('u-clerk', P, 'CREATE_AND_VIEW');
const dir = actor('u-dir', P);
const policy = { rules: [{ minAmountTiyn: '0', requiredConfirmations: 2 }], authorMayConfirm: true };

const ok = (d: ReturnType<typeof decidePayment>): MachineState<PaymentContext> => {
  if (!d.ok) throw new Error(d.error.code);
  return d.state;
};

describe('editing a payment document (§1.2.2, §1.13)', () => {
  const draft = storedDraftState({ authorId: 'u-clerk', partnerId: P, amountTiyn: '1000', createdAt: T0, version: 3 });

  it('a stored draft is the initial state at its version', () => {
    expect(draft).toMatchObject({ value: 'draft', context: { authorId: 'u-clerk', partnerId: P, amountTiyn: '1000', version: 3 } });
    expect(() => storedDraftState({ authorId: 'u', partnerId: P, amountTiyn: '1', createdAt: T0, version: 0 })).toThrow(RangeError);
  });

  it('a draft is edited in place', () => {
    const edited = editPayment(draft, { actor: clerk, amountTiyn: '2000', at: T0 + 1 });
    expect(edited).toMatchObject({ ok: true, state: { value: 'draft', context: { amountTiyn: '2000', version: 4 } } });
    expect(edited.returned).toBeUndefined();
  });

  it('a submitted document returns to draft, loses every confirmation, then takes the edit', () => {
    const submitted = ok(decidePayment(draft, { type: 'SUBMIT', actor: clerk, policy, at: T0 + 1 }));
    const partial = ok(decidePayment(submitted, { type: 'CONFIRM', actor: dir, version: 3, at: T0 + 2 }));
    const edited = editPayment(partial, { actor: clerk, amountTiyn: '3000', at: T0 + 3 });
    expect(edited).toMatchObject({
      ok: true,
      returned: true,
      state: { value: 'draft', context: { amountTiyn: '3000', version: 5, confirmations: [], returnReason: EDIT_RETURN_REASON } },
    });
  });

  it('refusals are the machine’s: another partner, a bad amount, a document with the bank', () => {
    expect(editPayment(draft, { actor: actor('u-x', 'partner-2'), amountTiyn: '1', at: T0 })).toMatchObject({
      ok: false,
      error: { code: 'PAYMENT.NOT_FOUND' },
    });
    expect(editPayment(draft, { actor: clerk, amountTiyn: '0', at: T0 })).toMatchObject({ ok: false, error: { code: 'PAYMENT.INVALID_AMOUNT' } });
    const one = { rules: [], authorMayConfirm: true };
    const sent = ok(
      decidePayment(ok(decidePayment(draft, { type: 'SUBMIT', actor: clerk, policy: one, at: T0 })), {
        type: 'CONFIRM',
        actor: dir,
        version: 3,
        at: T0,
      }),
    );
    expect(editPayment(sent, { actor: clerk, amountTiyn: '1', at: T0 })).toMatchObject({
      ok: false,
      error: { code: 'PAYMENT.TRANSITION_NOT_ALLOWED' },
    });
  });
});
