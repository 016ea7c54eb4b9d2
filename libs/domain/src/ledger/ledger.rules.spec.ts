import fc from 'fast-check';
import { assertBalancedPosting, balanceAfter, postingProblems, type LedgerLeg } from './ledger.rules';

const leg = (direction: LedgerLeg['direction'], amountTiyn: bigint, iban = 'KZ86125KZT5004100100'): LedgerLeg => ({
  account: { kind: 'PARTNER', iban },
  direction,
  amountTiyn,
});

describe('double entry', () => {
  it('accepts a posting whose debits equal its credits', () => {
    expect(postingProblems([leg('DEBIT', 100n), leg('CREDIT', 60n), leg('CREDIT', 40n)])).toEqual([]);
  });

  it('names every problem of an unfit posting', () => {
    expect(postingProblems([leg('DEBIT', 100n)])).toEqual(['A posting needs at least one debit and one credit.', 'Debits (100) must equal credits (0).']);
    expect(postingProblems([leg('DEBIT', 0n), leg('CREDIT', 0n)])).toEqual(['Leg 0 must move a positive amount.', 'Leg 1 must move a positive amount.']);
    expect(() => assertBalancedPosting([leg('DEBIT', 100n), leg('CREDIT', 99n)])).toThrow('Debits (100) must equal credits (99).');
  });

  it('credits raise and debits lower every balance, so balanced postings keep the ledger sum (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 1n, max: 10n ** 15n }), { minLength: 1, maxLength: 5 }),
        fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }),
        (credits, start) => {
          const total = credits.reduce((a, b) => a + b, 0n);
          const legs = [leg('DEBIT', total, 'A'), ...credits.map((c, i) => leg('CREDIT', c, `C${i}`))];
          expect(postingProblems(legs)).toEqual([]);
          const sumAfter = legs.reduce((sum, l) => sum + balanceAfter(start, l) - start, 0n);
          return sumAfter === 0n;
        },
      ),
    );
  });
});
