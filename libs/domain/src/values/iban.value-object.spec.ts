import fc from 'fast-check';
import { formatIban, ibanCheckDigits, ibanSchema, parseIban, type Iban } from './iban.value-object';

// Independent oracle: ISO 13616 with bigint arithmetic on the whole number.
const numeric = (text: string): string => [...text].map((c) => parseInt(c, 36).toString()).join('');
const oracleMod97 = (iban: string): bigint => BigInt(numeric(iban.slice(4) + iban.slice(0, 4))) % 97n;
const oracleIban = (bban: string): string => {
  const check = 98n - (BigInt(numeric(`${bban}KZ00`)) % 97n);
  return `KZ${check.toString().padStart(2, '0')}${bban}`;
};

const DIGITS = '0123456789';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const alnum = fc.constantFrom(...(DIGITS + LETTERS));
const bban = fc.string({ unit: alnum, minLength: 16, maxLength: 16 });
const validIban = bban.map(oracleIban);

describe('IBAN', () => {
  it('accepts a real-format KZ IBAN given with spaces and in lower case', () => {
    expect(parseIban('kz86 125k zt50 0410 0100')).toEqual({ ok: true, value: 'KZ86125KZT5004100100' });
  });

  it('formats in groups of four', () => {
    expect(formatIban('KZ86125KZT5004100100' as Iban)).toBe('KZ86 125K ZT50 0410 0100');
  });

  it('computes the same check digits as the oracle', () => {
    expect(ibanCheckDigits('KZ', '125KZT5004100100')).toBe('86');
    fc.assert(fc.property(bban, (b) => expect(`KZ${ibanCheckDigits('KZ', b)}${b}`).toBe(oracleIban(b))));
  });

  it('reports every shape problem at once', () => {
    expect(parseIban('DE86-125')).toEqual({
      ok: false,
      errors: [
        'IBAN must be a Kazakhstan IBAN starting with "KZ".',
        'IBAN must be 20 characters without spaces; got 8.',
        'IBAN account part may contain only Latin letters and digits.',
      ],
    });
    expect(parseIban('KZXX125KZT5004100100')).toEqual({
      ok: false,
      errors: ['IBAN characters 3 and 4 must be check digits.'],
    });
    expect(parseIban('   ')).toEqual({ ok: false, errors: ['IBAN is required.'] });
    expect(parseIban(null)).toEqual({ ok: false, errors: ['IBAN must be a string.'] });
    expect(parseIban('KZ87125KZT5004100100')).toEqual({
      ok: false,
      errors: ['IBAN check digits do not match; the IBAN is probably mistyped.'],
    });
  });

  it('accepts every random KZ BBAN with computed check digits, and formatting round-trips', () => {
    fc.assert(
      fc.property(validIban, (iban) => {
        expect(oracleMod97(iban)).toBe(1n);
        const parsed = parseIban(iban);
        expect(parsed).toEqual({ ok: true, value: iban });
        if (parsed.ok) expect(parseIban(formatIban(parsed.value))).toEqual(parsed);
      }),
      { numRuns: 2000 },
    );
  });

  // A same-width change alters the number by (new - old) * 10^k with |new - old| < 97;
  // 97 is prime and coprime with 10, so the remainder always moves. That covers every
  // digit-for-digit and letter-for-letter change, check digits included.
  it('rejects every single digit-for-digit or letter-for-letter substitution', () => {
    const substitution = fc.record({
      position: fc.integer({ min: 2, max: 19 }),
      shift: fc.integer({ min: 1, max: 25 }),
    });
    fc.assert(
      fc.property(validIban, substitution, (iban, { position, shift }) => {
        const old = iban[position];
        const pool = DIGITS.includes(old) ? DIGITS : LETTERS;
        const replacement = pool[(pool.indexOf(old) + shift) % pool.length];
        fc.pre(replacement !== old);
        const altered = iban.slice(0, position) + replacement + iban.slice(position + 1);
        expect(parseIban(altered).ok).toBe(false);
      }),
      { numRuns: 20000 },
    );
  });

  it('rejects every digit substitution of a fixed IBAN, exhaustively', () => {
    const iban = 'KZ86125KZT5004100100';
    for (let position = 2; position < iban.length; position += 1) {
      if (!DIGITS.includes(iban[position])) continue;
      for (const digit of DIGITS) {
        if (digit === iban[position]) continue;
        expect(parseIban(iban.slice(0, position) + digit + iban.slice(position + 1)).ok).toBe(false);
      }
    }
  });

  // A digit<->letter change turns one decimal digit into two (or back), shifting everything
  // after it; mod 97 then misses about 1 change in 97. Only same-width changes are guaranteed.
  it('can miss a digit-for-letter substitution, which ISO 13616 does not guarantee to catch', () => {
    expect(parseIban('KZ86125KZTQ004100100').ok).toBe(true); // 11th character 5 -> Q
    expect(parseIban('KZ86125KZT50P4100100').ok).toBe(true); // 13th character 0 -> P
  });

  it('zod schema yields the normalised IBAN or one issue per problem', () => {
    expect(ibanSchema.parse('KZ86 125K ZT50 0410 0100')).toBe('KZ86125KZT5004100100');
    expect(ibanSchema.safeParse('DE86-125').error?.issues).toHaveLength(3);
  });
});
