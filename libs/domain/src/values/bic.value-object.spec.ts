import fc from 'fast-check';
import { bicSchema, parseBic } from './bic.value-object';

const letter = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ');
const alnum = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789');
const letters = (n: number) => fc.string({ unit: letter, minLength: n, maxLength: n });
const alnums = (n: number) => fc.string({ unit: alnum, minLength: n, maxLength: n });

describe('BIC', () => {
  it('accepts 8- and 11-character BICs, upper-casing them', () => {
    expect(parseBic(' caspkzka ')).toEqual({ ok: true, value: 'CASPKZKA' });
    expect(parseBic('HSBKKZKXXXX')).toEqual({ ok: true, value: 'HSBKKZKXXXX' });
  });

  it('accepts any bank/country/location/branch built to ISO 9362', () => {
    const bic = fc.tuple(letters(4), letters(2), alnums(2), fc.oneof(fc.constant(''), alnums(3))).map((parts) => parts.join(''));
    fc.assert(
      fc.property(bic, (value) => {
        expect(parseBic(value.toLowerCase())).toEqual({ ok: true, value });
      }),
    );
  });

  it('reports every problem at once', () => {
    expect(parseBic('12AB3!')).toEqual({
      ok: false,
      errors: [
        'BIC must be 8 or 11 characters; got 6.',
        'BIC characters 1-4 (bank code) must be letters.',
        'BIC characters 5-6 (country code) must be letters.',
        'BIC characters 7-8 (location code) must be letters or digits.',
      ],
    });
    expect(parseBic('CASPKZKA-01')).toEqual({
      ok: false,
      errors: ['BIC characters 9-11 (branch code) must be letters or digits.'],
    });
    expect(parseBic('CASPKZKAX')).toEqual({ ok: false, errors: ['BIC must be 8 or 11 characters; got 9.'] });
    expect(parseBic('')).toEqual({ ok: false, errors: ['BIC is required.'] });
    expect(parseBic(42)).toEqual({ ok: false, errors: ['BIC must be a string.'] });
  });

  it('zod schema yields the BIC or one issue per problem', () => {
    expect(bicSchema.parse('caspkzka')).toBe('CASPKZKA');
    expect(bicSchema.safeParse('12AB3!').error?.issues).toHaveLength(4);
  });
});
