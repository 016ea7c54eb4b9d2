import fc from 'fast-check';
import { knpSchema, parseKnp } from './knp.value-object';

describe('KNP (payment purpose code)', () => {
  it('accepts every 3-digit code and keeps leading zeros', () => {
    expect(parseKnp('010')).toEqual({ ok: true, value: '010' });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), (n) => {
        const code = String(n).padStart(3, '0');
        expect(parseKnp(` ${code} `)).toEqual({ ok: true, value: code });
      }),
    );
  });

  it('rejects anything but exactly 3 digits, including a JSON number', () => {
    for (const bad of ['10', '0100', '1a0', '01.0']) {
      expect(parseKnp(bad)).toEqual({
        ok: false,
        errors: ['KNP (payment purpose code) must be exactly 3 digits, e.g. "010".'],
      });
    }
    expect(parseKnp(10)).toEqual({ ok: false, errors: ['KNP must be a string.'] });
    expect(parseKnp(' ')).toEqual({ ok: false, errors: ['KNP is required.'] });
  });

  it('zod schema yields the code or the parser message', () => {
    expect(knpSchema.parse('342')).toBe('342');
    expect(knpSchema.safeParse(342).error?.issues.map((i) => i.message)).toEqual(['KNP must be a string.']);
  });
});
