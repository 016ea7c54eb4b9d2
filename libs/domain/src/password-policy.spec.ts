import fc from 'fast-check';
import { DEFAULT_PASSWORD_POLICY, checkPassword, passwordPolicySchema, type PasswordPolicy } from './password-policy';

const login = 'aigerim@example.kz';
const codes = (password: string, options: Parameters<typeof checkPassword>[1] = { login }) => checkPassword(password, options).map((problem) => problem.code);

describe('password policy (§1.7, §1.10)', () => {
  it('ships 10..128 characters, all four classes, history of 5', () => {
    expect(DEFAULT_PASSWORD_POLICY).toEqual({
      minLength: 10,
      maxLength: 128,
      requireUpper: true,
      requireLower: true,
      requireDigit: true,
      requireSymbol: true,
      historySize: 5,
    });
  });

  it('accepts a password that meets every rule', () => {
    expect(checkPassword('Tenge#2024kz', { login })).toEqual([]);
  });

  it('reports every unmet rule at once', () => {
    expect(codes('aigerim')).toEqual(['PASSWORD.TOO_SHORT', 'PASSWORD.NO_UPPER', 'PASSWORD.NO_DIGIT', 'PASSWORD.NO_SYMBOL', 'PASSWORD.CONTAINS_LOGIN']);
    expect(codes('', { login, reusesRecentPassword: true })).toEqual([
      'PASSWORD.TOO_SHORT',
      'PASSWORD.NO_UPPER',
      'PASSWORD.NO_LOWER',
      'PASSWORD.NO_DIGIT',
      'PASSWORD.NO_SYMBOL',
      'PASSWORD.REUSED',
    ]);
    expect(checkPassword('short', { login })[0]).toEqual({
      code: 'PASSWORD.TOO_SHORT',
      message: 'Password must be at least 10 characters long.',
    });
  });

  it('counts length in code points, not UTF-16 units', () => {
    const nineEmoji = 'A1#a' + '😀'.repeat(5); // 9 code points, 14 UTF-16 units
    expect(codes(nineEmoji)).toEqual(['PASSWORD.TOO_SHORT']);
    expect(codes(`${nineEmoji}😀`)).toEqual([]);
    const long = 'Aa1#' + '😀'.repeat(124); // 128 code points, 252 UTF-16 units
    expect(codes(long)).toEqual([]);
    expect(codes(`${long}x`)).toEqual(['PASSWORD.TOO_LONG']);
  });

  it('counts Cyrillic and Kazakh letters as upper and lower case', () => {
    expect(codes('Қазақстан2024!')).toEqual([]);
  });

  it('refuses the login name case-insensitively, only when it is at least 3 characters', () => {
    expect(codes('xxAIGERIMxx1!')).toEqual(['PASSWORD.CONTAINS_LOGIN']);
    expect(codes('Abc-defg-123', { login: 'ab@example.kz' })).toEqual([]);
    expect(codes('Abc-defg-123', { login: 'abc@example.kz' })).toEqual(['PASSWORD.CONTAINS_LOGIN']);
  });

  it('states the reuse rule; the caller decides by comparing hashes', () => {
    expect(checkPassword('Tenge#2024kz', { login, reusesRecentPassword: true })).toEqual([
      { code: 'PASSWORD.REUSED', message: 'Password must differ from your last 5 passwords.' },
    ]);
  });

  it('applies only the rules a policy turns on', () => {
    const lenient: PasswordPolicy = { ...DEFAULT_PASSWORD_POLICY, requireSymbol: false, requireUpper: false };
    expect(codes('tenge2024kz', { login, policy: lenient })).toEqual([]);
  });

  it('property: each reported code corresponds to a real defect', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 140 }), (password) => {
        const found = new Set(codes(password));
        const length = [...password].length;
        expect(found.has('PASSWORD.TOO_SHORT')).toBe(length < 10);
        expect(found.has('PASSWORD.TOO_LONG')).toBe(length > 128);
        expect(found.has('PASSWORD.NO_DIGIT')).toBe(!/\p{Nd}/u.test(password));
        expect(found.has('PASSWORD.CONTAINS_LOGIN')).toBe(password.toLowerCase().includes('aigerim'));
      }),
      { numRuns: 1000 },
    );
  });

  it('configuration schema fills defaults and refuses weak or inconsistent settings', () => {
    expect(passwordPolicySchema.parse({})).toEqual(DEFAULT_PASSWORD_POLICY);
    const stricter = { minLength: 12, historySize: 10 };
    expect(passwordPolicySchema.parse(stricter)).toEqual({ ...DEFAULT_PASSWORD_POLICY, ...stricter });
    expect(passwordPolicySchema.safeParse({ minLength: 6 }).success).toBe(false);
    expect(passwordPolicySchema.safeParse({ minLength: 20, maxLength: 16 }).error?.issues[0]).toMatchObject({
      path: ['maxLength'],
      message: 'maxLength must be at least minLength.',
    });
    expect(passwordPolicySchema.safeParse({ requireDigit: 'yes' }).success).toBe(false);
  });
});
