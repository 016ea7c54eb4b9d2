import fc from 'fast-check';
import { kbeSchema, parseKbe } from './kbe.value-object';

describe('KBE (beneficiary code)', () => {
  it('accepts every residency 1-2 x sector 1-9 combination', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 1, max: 9 }), (residency, sector) => {
        const code = `${residency}${sector}`;
        expect(parseKbe(code)).toEqual({ ok: true, value: code });
      }),
    );
  });

  it('rejects any other 2-digit code', () => {
    for (let n = 0; n <= 99; n += 1) {
      const code = String(n).padStart(2, '0');
      const valid = /^[12][1-9]$/.test(code);
      expect(parseKbe(code).ok).toBe(valid);
    }
  });

  it('reports every problem at once', () => {
    expect(parseKbe('30')).toEqual({
      ok: false,
      errors: ['KBE first digit (residency) must be 1 (resident) or 2 (non-resident).', 'KBE second digit (economic sector) must be 1-9.'],
    });
    expect(parseKbe('170')).toEqual({ ok: false, errors: ['KBE must be exactly 2 digits long (got 3).'] });
    expect(parseKbe('1')).toEqual({
      ok: false,
      errors: ['KBE must be exactly 2 digits long (got 1).', 'KBE second digit (economic sector) must be 1-9.'],
    });
    expect(parseKbe(17)).toEqual({ ok: false, errors: ['KBE must be a string.'] });
  });

  it('zod schema yields the code or one issue per problem', () => {
    expect(kbeSchema.parse('19')).toBe('19');
    expect(kbeSchema.safeParse('30').error?.issues).toHaveLength(2);
  });
});
