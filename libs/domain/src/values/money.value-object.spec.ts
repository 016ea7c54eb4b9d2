import fc from 'fast-check';
import { MAX_AMOUNT_TIYN, createMoneySchema, formatMoney, moneySchema, parseMoney, parseTiyn } from './money.value-object';

const refused = (...errors: string[]) => ({ ok: false, errors });

const canonical = fc
  .tuple(fc.bigInt({ min: 0n, max: 1_000_000_000_000n }), fc.bigInt({ min: 0n, max: 99n }))
  .filter(([whole, fraction]) => whole > 0n || fraction > 0n)
  .filter(([whole, fraction]) => whole < 1_000_000_000_000n || fraction === 0n)
  .map(([whole, fraction]) => `${whole}.${fraction.toString().padStart(2, '0')}`);

describe('money: KZT as integer tiyn', () => {
  it('reads whole, one-decimal and two-decimal amounts', () => {
    expect(parseMoney('150000')).toEqual({ ok: true, value: 15_000_000n });
    expect(parseMoney('150000.5')).toEqual({ ok: true, value: 15_000_050n });
    expect(parseMoney('150000.00')).toEqual({ ok: true, value: 15_000_000n });
    expect(parseMoney('0.01')).toEqual({ ok: true, value: 1n });
  });

  it('formats with exactly two decimals and no grouping', () => {
    expect(formatMoney(15_000_050n)).toBe('150000.50');
    expect(formatMoney(1n)).toBe('0.01');
    expect(formatMoney(0n)).toBe('0.00');
    expect(formatMoney(-250n)).toBe('-2.50');
  });

  it('round-trips every canonical amount and stays exact beyond 2^53', () => {
    fc.assert(
      fc.property(canonical, (text) => {
        const parsed = parseMoney(text);
        expect(parsed.ok).toBe(true);
        if (parsed.ok) {
          expect(typeof parsed.value).toBe('bigint');
          expect(formatMoney(parsed.value)).toBe(text);
        }
      }),
      { numRuns: 2000 },
    );
    // 90 071 992 547 409.93 KZT is above Number.MAX_SAFE_INTEGER tiyn; a float would round it.
    const big = parseMoney('90071992547409.93', { maxTiyn: 10n ** 20n });
    expect(big).toEqual({ ok: true, value: 9_007_199_254_740_993n });
  });

  it('round-trips through tiyn: parse(format(t)) === t', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: MAX_AMOUNT_TIYN }), (tiyn) => {
        expect(parseMoney(formatMoney(tiyn))).toEqual({ ok: true, value: tiyn });
      }),
    );
  });

  it('refuses JSON numbers, even whole ones, with a reason', () => {
    const notNumber = refused('Amount must be a string such as "150000.00", not a number: JSON numbers lose tiyn to rounding.');
    expect(parseMoney(150000)).toEqual(notNumber);
    expect(parseMoney(0.1 + 0.2)).toEqual(notNumber);
    expect(parseMoney(15_000_000n)).toEqual(refused('Amount must be a decimal string such as "150000.00".'));
  });

  it('reports every syntax problem at once', () => {
    expect(parseMoney('-1,234')).toEqual({
      ok: false,
      errors: ['Amount must not have a sign; give a positive amount like "150000.00".', 'Amount must use a dot as the decimal separator, not a comma.'],
    });
    expect(parseMoney('1 000.005')).toEqual({
      ok: false,
      errors: ['Amount must not contain spaces.', 'Amount must have at most 2 decimal places (tiyn).'],
    });
    expect(parseMoney('1.5e3')).toEqual({
      ok: false,
      errors: ['Amount must not use exponent notation; write all digits.'],
    });
    expect(parseMoney('00.5')).toEqual({ ok: false, errors: ['Amount must not have leading zeros.'] });
    expect(parseMoney('.5')).toEqual({
      ok: false,
      errors: ['Amount must have digits before the decimal point, e.g. "0.50".'],
    });
    expect(parseMoney('5.')).toEqual({
      ok: false,
      errors: ['Amount must have digits after the decimal point, or no decimal point.'],
    });
    expect(parseMoney('1.2.3')).toEqual(refused('Amount must have at most one decimal point.'));
    expect(parseMoney('12KZT')).toEqual(refused('Amount may contain only digits and one decimal point.'));
    expect(parseMoney('')).toEqual({ ok: false, errors: ['Amount is required.'] });
    expect(parseMoney('1'.repeat(33))).toEqual(refused('Amount must be at most 32 characters.'));
  });

  it('accepts only amounts greater than zero and up to the ceiling', () => {
    expect(parseMoney('0.00')).toEqual({ ok: false, errors: ['Amount must be greater than zero.'] });
    expect(parseMoney('1000000000000.00')).toEqual({ ok: true, value: MAX_AMOUNT_TIYN });
    expect(parseMoney('1000000000000.01')).toEqual({
      ok: false,
      errors: ['Amount must be at most 1000000000000.00 KZT.'],
    });
    expect(parseMoney('500.01', { maxTiyn: 50_000n })).toEqual(refused('Amount must be at most 500.00 KZT.'));
  });

  it('never accepts a string that is not plain digits with up to two decimals', () => {
    const noise = fc.string({ unit: fc.constantFrom(...'0123456789.,+-eE _x'), maxLength: 12 });
    fc.assert(
      fc.property(noise, (text) => {
        const parsed = parseMoney(text);
        if (parsed.ok) expect(text).toMatch(/^(?:0|[1-9]\d*)(?:\.\d{1,2})?$/);
        else expect(parsed.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 5000 },
    );
  });

  it('checks stored tiyn with the same range rules', () => {
    expect(parseTiyn(100n)).toEqual({ ok: true, value: 100n });
    expect(parseTiyn(0n)).toEqual({ ok: false, errors: ['Amount must be greater than zero.'] });
    expect(parseTiyn(100)).toEqual({ ok: false, errors: ['Amount in tiyn must be a bigint.'] });
  });

  it('zod schemas yield tiyn or one issue per problem, with a configurable ceiling', () => {
    expect(moneySchema.parse('150000.5')).toBe(15_000_050n);
    expect(moneySchema.safeParse(150000).error?.issues).toHaveLength(1);
    expect(moneySchema.safeParse('-1,234').error?.issues).toHaveLength(2);
    expect(createMoneySchema({ maxTiyn: 100n }).safeParse('1.01').success).toBe(false);
  });
});
