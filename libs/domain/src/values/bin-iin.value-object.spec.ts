import fc from 'fast-check';
import { binIinCheckDigit, binIinSchema, parseBinIin } from './bin-iin.value-object';

// Independent oracle, written as plainly as the published algorithm reads.
const weighted = (digits: number[], weights: number[]): number => {
  let sum = 0;
  for (let i = 0; i < 11; i += 1) sum += digits[i] * weights[i];
  return sum % 11;
};
const firstPass = (digits: number[]) => weighted(digits, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
const secondPass = (digits: number[]) => weighted(digits, [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2]);
const oracleCheckDigit = (digits: number[]): number | null => {
  if (firstPass(digits) !== 10) return firstPass(digits);
  return secondPass(digits) === 10 ? null : secondPass(digits);
};
const toDigits = (value: string) => [...value].map(Number);

const elevenDigits = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 11, maxLength: 11 });
const validBinIin = elevenDigits.filter((digits) => oracleCheckDigit(digits) !== null).map((digits) => [...digits, oracleCheckDigit(digits) as number].join(''));
const substitution = fc.record({
  position: fc.integer({ min: 0, max: 11 }),
  shift: fc.integer({ min: 1, max: 9 }),
});
const substitute = (value: string, position: number, shift: number): string =>
  value.slice(0, position) + String((Number(value[position]) + shift) % 10) + value.slice(position + 1);

describe('BIN/IIN', () => {
  it('accepts a number whose check digit comes from the first pass', () => {
    expect(parseBinIin('971240001315')).toEqual({ ok: true, value: '971240001315' });
  });

  it('accepts a number that needs the second pass (first pass gives 10)', () => {
    expect(firstPass(toDigits('388614894856'))).toBe(10);
    expect(parseBinIin(' 388614894856 ')).toEqual({ ok: true, value: '388614894856' });
  });

  it('rejects every number whose prefix gives 10 in both passes', () => {
    expect(binIinCheckDigit('41235220185')).toBeNull();
    for (let last = 0; last <= 9; last += 1) {
      expect(parseBinIin(`41235220185${last}`)).toEqual({
        ok: false,
        errors: ['BIN/IIN is not valid: no check digit exists for its first 11 digits.'],
      });
    }
  });

  it('reports every shape problem at once', () => {
    expect(parseBinIin('12-34')).toEqual({
      ok: false,
      errors: ['BIN/IIN may contain only digits.', 'BIN/IIN must be exactly 12 digits long (got 5).'],
    });
    expect(parseBinIin('')).toEqual({ ok: false, errors: ['BIN/IIN is required.'] });
    expect(parseBinIin(971240001315)).toEqual({ ok: false, errors: ['BIN/IIN must be a string.'] });
    expect(parseBinIin('971240001316')).toEqual({
      ok: false,
      errors: ['BIN/IIN check digit does not match; the number is probably mistyped.'],
    });
  });

  it('accepts every number built from 11 random digits and the computed check digit', () => {
    fc.assert(
      fc.property(validBinIin, (value) => {
        expect(parseBinIin(value)).toEqual({ ok: true, value });
      }),
      { numRuns: 2000 },
    );
  });

  describe('single-digit substitutions: what the official check digit can and cannot catch', () => {
    // The 11th digit has weight 11 ≡ 0 (mod 11) in the first pass, so it does not affect
    // the first-pass result. Whenever the first pass is not 10 (about 10 of every 11 numbers),
    // ANY change of the 11th digit yields another valid number.
    it('never catches a change of the 11th digit when the first pass is not 10', () => {
      for (let digit = 0; digit <= 9; digit += 1) {
        expect(parseBinIin(`9712400013${digit}5`).ok).toBe(true);
      }
      fc.assert(
        fc.property(validBinIin, fc.integer({ min: 1, max: 9 }), (value, shift) => {
          fc.pre(firstPass(toDigits(value)) !== 10);
          expect(parseBinIin(substitute(value, 10, shift)).ok).toBe(true);
        }),
      );
    });

    // A change to digits 1-10 always changes the first-pass sum (weights 1..10 and differences
    // 1..9 are non-zero mod 11), but when it moves the number across the "first pass = 10"
    // boundary the other pass can land on the same check digit by coincidence (~1.7% of changes).
    it('misses a change to digits 1-10 only when it crosses between the first and second pass', () => {
      expect(parseBinIin('368614894856').ok).toBe(true); // 388614894856 with digit 2 changed
      expect(parseBinIin('741456071706').ok).toBe(true); // 741456011706 with digit 8 changed
      expect(parseBinIin('741456011706').ok).toBe(true);
    });

    it('catches every other single-digit change, and the exceptions are exactly those above', () => {
      fc.assert(
        fc.property(validBinIin, substitution, (value, { position, shift }) => {
          const altered = substitute(value, position, shift);
          const before = firstPass(toDigits(value)) === 10;
          const after = firstPass(toDigits(altered)) === 10;
          const blindEleventh = position === 10 && !before;
          const crossesPasses = position < 10 && before !== after;
          const accepted = parseBinIin(altered).ok;
          if (!blindEleventh && !crossesPasses) expect(accepted).toBe(false);
          if (blindEleventh) expect(accepted).toBe(true);
        }),
        { numRuns: 20000 },
      );
    });

    it('always catches a change of the check digit itself', () => {
      fc.assert(
        fc.property(validBinIin, fc.integer({ min: 1, max: 9 }), (value, shift) => {
          expect(parseBinIin(substitute(value, 11, shift)).ok).toBe(false);
        }),
      );
    });
  });

  it('zod schema yields the value or one issue per problem', () => {
    expect(binIinSchema.parse('971240001315')).toBe('971240001315');
    const result = binIinSchema.safeParse('12-34');
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toHaveLength(2);
  });
});
