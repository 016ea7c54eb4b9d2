import fc from 'fast-check';
import { emailSchema, maskEmail, parseEmail, type Email } from './email.value-object';

const lowerAlnum = fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789');
const word = (max: number) => fc.string({ unit: lowerAlnum, minLength: 1, maxLength: max });
const validEmail = fc
  .tuple(fc.array(word(10), { minLength: 1, maxLength: 3 }), fc.array(word(10), { minLength: 1, maxLength: 3 }), fc.constantFrom('kz', 'com', 'org'))
  .map(([local, domain, tld]) => `${local.join('.')}@${domain.join('.')}.${tld}`);

describe('login e-mail (§1.6, §1.10, §1.17)', () => {
  it('trims and lower-cases, so the same login matches whatever the case (§1.17)', () => {
    expect(parseEmail('  Aigerim.S@Example.KZ ')).toEqual({ ok: true, value: 'aigerim.s@example.kz' });
    fc.assert(
      fc.property(validEmail, (email) => {
        expect(parseEmail(` ${email.toUpperCase()}\t`)).toEqual({ ok: true, value: email });
      }),
    );
  });

  it('accepts the usual dot-atom characters and punycode top-level domains', () => {
    expect(parseEmail("o'brien+pay_1@mail.example.xn--80ao21a").ok).toBe(true);
  });

  it('rejects missing or repeated "@"', () => {
    const oneAt = { ok: false, errors: ['E-mail must contain exactly one "@".'] };
    expect(parseEmail('user.example.kz')).toEqual(oneAt);
    expect(parseEmail('a@b@example.kz')).toEqual(oneAt);
  });

  it('reports every problem at once', () => {
    expect(parseEmail('.a..b.@-bad-.k')).toEqual({
      ok: false,
      errors: [
        'The part before the "@" must not start or end with a dot or contain two dots in a row.',
        'E-mail domain may contain only letters, digits and hyphens, in parts between dots.',
        'E-mail top-level domain must be at least two letters, e.g. ".kz".',
      ],
    });
    expect(parseEmail('ай герим@example.kz')).toEqual({
      ok: false,
      errors: ['E-mail may contain only Latin letters, digits and ASCII symbols.', 'E-mail must not contain spaces.'],
    });
    expect(parseEmail('a(b)@example')).toEqual({
      ok: false,
      errors: [
        'The part before the "@" contains characters that are not allowed in an e-mail.',
        'E-mail domain must include a top-level domain, e.g. "example.kz".',
      ],
    });
  });

  it('enforces the 254 / 64 / 63 character limits', () => {
    const label = 'a'.repeat(63);
    const fits = `${'b'.repeat(64)}@${label}.${label}.${'c'.repeat(58)}.kz`;
    expect(fits).toHaveLength(254);
    expect(parseEmail(fits).ok).toBe(true);
    expect(parseEmail(`x${fits}`)).toEqual({
      ok: false,
      errors: ['E-mail must be at most 254 characters.', 'The part before the "@" must be at most 64 characters.'],
    });
    expect(parseEmail(`${'b'.repeat(65)}@example.kz`)).toEqual({
      ok: false,
      errors: ['The part before the "@" must be at most 64 characters.'],
    });
    expect(parseEmail(`b@${'a'.repeat(64)}.kz`)).toEqual({
      ok: false,
      errors: ['Each part of the e-mail domain must be at most 63 characters.'],
    });
  });

  it('rejects empty and non-string input', () => {
    expect(parseEmail('   ')).toEqual({ ok: false, errors: ['E-mail is required.'] });
    expect(parseEmail(undefined)).toEqual({ ok: false, errors: ['E-mail must be a string.'] });
  });

  it('masks all but the first character of the name', () => {
    expect(maskEmail('aigerim@example.kz' as Email)).toBe('a***@example.kz');
    fc.assert(
      fc.property(validEmail, (email) => {
        const masked = maskEmail(email as Email);
        expect(masked.endsWith(email.slice(email.indexOf('@')))).toBe(true);
        expect(masked.startsWith(`${email[0]}***@`)).toBe(true);
      }),
    );
  });

  it('zod schema yields the normalised login or one issue per problem', () => {
    expect(emailSchema.parse(' A@Example.kz ')).toBe('a@example.kz');
    expect(emailSchema.safeParse('.a..b.@-bad-.k').error?.issues).toHaveLength(3);
    const messages = emailSchema.safeParse(5).error?.issues.map((i) => i.message);
    expect(messages).toEqual(['E-mail must be a string.']);
  });
});
