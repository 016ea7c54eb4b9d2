import fc from 'fast-check';
import { maskPhone, parsePhone, phoneDigits, phoneSchema, type Phone } from './phone.value-object';

// Operator codes in use by Kazakh mobile networks. 703 and 704 are absent on purpose: they are
// not in libphonenumber's KZ mobile ranges, so they are refused (see the test below).
const MOBILE_PREFIXES = [...['700', '701', '702', '705', '706', '707', '708'], ...['747', '771', '775', '776', '777', '778']];
const digit = fc.constantFrom(...'0123456789');
const digits = (n: number) => fc.string({ unit: digit, minLength: n, maxLength: n });
const mobile = fc.tuple(fc.constantFrom(...MOBILE_PREFIXES), digits(7));

// Every common way people write the same number (§1.8.1: typed into the cabinet by hand).
const spellings: ((code: string, rest: string) => string)[] = [
  (c, r) => `+7 ${c} ${r.slice(0, 3)} ${r.slice(3, 5)} ${r.slice(5)}`,
  (c, r) => `8${c}${r}`,
  (c, r) => `8 (${c}) ${r.slice(0, 3)}-${r.slice(3, 5)}-${r.slice(5)}`,
  (c, r) => `${c}${r}`,
  (c, r) => `+7${c}${r}`,
  (c, r) => `+7 (${c}) ${r}`,
  (c, r) => `7${c}${r}`,
];

const INVALID = 'Phone number is not a valid Kazakhstan number; check the operator code and digit count.';
const LANDLINE = 'Phone number is a landline; a mobile number is required to receive SMS codes (§1.4).';
const RUSSIAN = 'Phone number is Russian (+7 9xx); a Kazakhstan mobile number is required.';

describe('Kazakhstan mobile phone (§1.4, §1.13)', () => {
  it('normalises the common spellings to E.164', () => {
    const spelled = ['+7 701 234 56 78', '87012345678', '8 (701) 234-56-78', '7012345678', '+77012345678'];
    for (const text of spelled) {
      expect(parsePhone(text)).toEqual({ ok: true, value: '+77012345678' });
    }
  });

  it('accepts every number on a Kazakh mobile prefix, however it is spelled', () => {
    fc.assert(
      fc.property(mobile, fc.constantFrom(...spellings), ([code, rest], spell) => {
        expect(parsePhone(spell(code, rest))).toEqual({ ok: true, value: `+7${code}${rest}` });
      }),
      { numRuns: 2000 },
    );
  });

  it('rejects unallocated operator codes such as 703 and 704', () => {
    expect(parsePhone('+7 703 123 45 67')).toEqual({ ok: false, errors: [INVALID] });
    expect(parsePhone('87041234567')).toEqual({ ok: false, errors: [INVALID] });
  });

  it('rejects Kazakh landlines, which also start with +7 7', () => {
    expect(parsePhone('+7 727 250 00 00')).toEqual({ ok: false, errors: [LANDLINE] });
    expect(parsePhone('8 7172 55 55 55')).toEqual({ ok: false, errors: [LANDLINE] });
    fc.assert(
      fc.property(fc.constantFrom('7272', '7273', '7172', '7212'), digits(6), (city, rest) => {
        expect(parsePhone(`+7${city}${rest}`)).toEqual({ ok: false, errors: [LANDLINE] });
      }),
    );
  });

  it('rejects non-mobile services such as VoIP numbers (+7 751)', () => {
    expect(parsePhone('+7 751 123 45 67')).toEqual({
      ok: false,
      errors: ['Phone number is not a mobile number; a mobile number is required to receive SMS codes (§1.4).'],
    });
  });

  it('rejects Russian numbers that share country code +7', () => {
    expect(parsePhone('+7 916 123 45 67')).toEqual({ ok: false, errors: [RUSSIAN] });
    expect(parsePhone('89161234567')).toEqual({ ok: false, errors: [RUSSIAN] });
  });

  it('rejects other countries, wrong lengths and stray characters', () => {
    expect(parsePhone('+380 50 123 4567')).toEqual({
      ok: false,
      errors: ['Phone number must be a Kazakhstan mobile number (+7 7xx xxx xx xx).'],
    });
    expect(parsePhone('+7 701 234 56 7')).toEqual({
      ok: false,
      errors: [INVALID],
    });
    expect(parsePhone('+7 701 234 56 789')).toEqual({
      ok: false,
      errors: [INVALID],
    });
    const characters = 'Phone number may contain only digits, spaces, brackets, hyphens, dots and a leading "+".';
    expect(parsePhone('+7 701 234 56 78 ext 5')).toEqual({ ok: false, errors: [characters] });
    expect(parsePhone('tel:+77012345678')).toEqual({ ok: false, errors: [characters] });
    expect(parsePhone('7+7012345678')).toEqual({ ok: false, errors: [characters] });
  });

  it('rejects empty, overlong and non-string input', () => {
    expect(parsePhone('  ')).toEqual({ ok: false, errors: ['Phone number is required.'] });
    const tooLong = { ok: false, errors: ['Phone number must be at most 32 characters.'] };
    expect(parsePhone('1'.repeat(33))).toEqual(tooLong);
    expect(parsePhone(77012345678)).toEqual({ ok: false, errors: ['Phone number must be a string.'] });
  });

  it('gives digits for SMS routing and a masked form for messages', () => {
    const phone = '+77012345678' as Phone;
    expect(phoneDigits(phone)).toBe('77012345678');
    expect(maskPhone(phone)).toBe('+7 701 *** ** 78');
    fc.assert(
      fc.property(mobile, ([code, rest]) => {
        const masked = maskPhone(`+7${code}${rest}` as Phone);
        expect(masked).toBe(`+7 ${code} *** ** ${rest.slice(5)}`);
      }),
    );
  });

  it('zod schema yields the E.164 number or the parser message', () => {
    expect(phoneSchema.parse('8 (701) 234-56-78')).toBe('+77012345678');
    expect(phoneSchema.safeParse('+7 727 250 00 00').error?.issues.map((i) => i.message)).toEqual([LANDLINE]);
  });
});
