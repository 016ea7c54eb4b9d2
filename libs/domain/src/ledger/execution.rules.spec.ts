import fc from 'fast-check';
import { MAX_AMOUNT_TIYN } from '../values/money.value-object';
import { awaitsExecution, decideExecution, type ExecutionFacts } from './execution.rules';
import { LedgerRefusalCode } from './ledger.errors';
import { legTotals } from './ledger.rules';

const facts = (over: Partial<ExecutionFacts> = {}): ExecutionFacts => ({
  payerPartnerId: 'p1',
  amountTiyn: 150_000n,
  debitIban: 'KZ86125KZT5004100100',
  beneficiaryIban: 'KZ75125KZT2069100100',
  debitAccount: { partnerId: 'p1', balanceTiyn: 1_000_000n, blocked: false },
  beneficiaryIsOurs: false,
  ...over,
});

const refusalCode = (f: ExecutionFacts) => {
  const d = decideExecution(f);
  return d.ok ? null : d.refusal.code;
};

describe('decideExecution (§2.4)', () => {
  it('executes only a fully confirmed document', () => {
    expect(awaitsExecution('SENT_TO_BANK')).toBe(true);
    for (const status of ['DRAFT', 'AWAITING_CONFIRMATION', 'PARTIALLY_CONFIRMED', 'CANCELLED', 'EXPIRED', 'EXECUTED', 'REFUSED']) {
      expect(awaitsExecution(status)).toBe(false);
    }
  });

  it('pays another bank through the clearing account: debit the payer, credit CLEARING', () => {
    const d = decideExecution(facts());
    expect(d).toEqual({
      ok: true,
      legs: [
        { account: { kind: 'PARTNER', iban: 'KZ86125KZT5004100100' }, direction: 'DEBIT', amountTiyn: 150_000n },
        { account: { kind: 'BANK', code: 'CLEARING' }, direction: 'CREDIT', amountTiyn: 150_000n },
      ],
    });
  });

  it('credits a beneficiary account of this bank directly, even a blocked one', () => {
    const d = decideExecution(facts({ beneficiaryIsOurs: true }));
    expect(d.ok && d.legs[1]!.account).toEqual({ kind: 'PARTNER', iban: 'KZ75125KZT2069100100' });
  });

  it('lets the whole balance go, but not a tiyn more (no overdraft)', () => {
    expect(refusalCode(facts({ amountTiyn: 1_000_000n }))).toBeNull();
    expect(refusalCode(facts({ amountTiyn: 1_000_001n }))).toBe(LedgerRefusalCode.INSUFFICIENT_FUNDS);
  });

  it('names the amounts in the insufficient-funds reason, in KZT', () => {
    const d = decideExecution(facts({ amountTiyn: 2_000_000n }));
    expect(d.ok ? null : d.refusal.reason).toBe('Insufficient funds on account KZ86125KZT5004100100: the payment is 20000.00 KZT, the balance is 10000.00 KZT.');
  });

  it('refuses a blocked debit account before looking at funds', () => {
    const blocked = { partnerId: 'p1', balanceTiyn: 0n, blocked: true };
    expect(refusalCode(facts({ debitAccount: blocked }))).toBe(LedgerRefusalCode.ACCOUNT_BLOCKED);
  });

  it('refuses a missing debit account and one of another partner alike', () => {
    expect(refusalCode(facts({ debitAccount: null }))).toBe(LedgerRefusalCode.DEBIT_ACCOUNT_NOT_FOUND);
    expect(refusalCode(facts({ debitAccount: { partnerId: 'p2', balanceTiyn: 10n ** 12n, blocked: false } }))).toBe(LedgerRefusalCode.DEBIT_ACCOUNT_NOT_FOUND);
  });

  it('refuses paying an account to itself and amounts outside (0, limit]', () => {
    expect(refusalCode(facts({ beneficiaryIban: 'KZ86125KZT5004100100', beneficiaryIsOurs: true }))).toBe(LedgerRefusalCode.SAME_ACCOUNT);
    expect(refusalCode(facts({ amountTiyn: 0n }))).toBe(LedgerRefusalCode.INVALID_AMOUNT);
    expect(refusalCode(facts({ amountTiyn: MAX_AMOUNT_TIYN + 1n }))).toBe(LedgerRefusalCode.INVALID_AMOUNT);
  });

  it('always produces balanced legs, or a refusal — never a half posting (property)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -10n, max: MAX_AMOUNT_TIYN + 10n }),
        fc.bigInt({ min: 0n, max: MAX_AMOUNT_TIYN }),
        fc.boolean(),
        fc.boolean(),
        (amountTiyn, balanceTiyn, blocked, ours) => {
          const d = decideExecution(facts({ amountTiyn, beneficiaryIsOurs: ours, debitAccount: { partnerId: 'p1', balanceTiyn, blocked } }));
          if (!d.ok) return true;
          const totals = legTotals(d.legs);
          return totals.debitTiyn === totals.creditTiyn && totals.debitTiyn === amountTiyn && amountTiyn <= balanceTiyn && !blocked;
        },
      ),
    );
  });
});
