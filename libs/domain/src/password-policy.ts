import { z } from 'zod';

/** The bank's password requirements (§1.7, §1.10); configurable, the defaults below are the floor we ship. */
export interface PasswordPolicy {
  readonly minLength: number;
  readonly maxLength: number;
  readonly requireUpper: boolean;
  readonly requireLower: boolean;
  readonly requireDigit: boolean;
  readonly requireSymbol: boolean;
  /** How many previous passwords may not be reused. */
  readonly historySize: number;
}

export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = Object.freeze({
  minLength: 10,
  maxLength: 128,
  requireUpper: true,
  requireLower: true,
  requireDigit: true,
  requireSymbol: true,
  historySize: 5,
});

export interface PasswordProblem {
  readonly code: string;
  readonly message: string;
}

export interface PasswordCheckOptions {
  /** The user's login e-mail (§1.10). */
  readonly login: string;
  readonly policy?: PasswordPolicy;
  /** Set by the caller, which alone holds the password hashes to compare against. */
  readonly reusesRecentPassword?: boolean;
}

const MIN_LOGIN_FRAGMENT = 3;

// Unicode classes, so Cyrillic and Kazakh letters count the same as Latin ones.
const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const DIGIT = /\p{Nd}/u;
const SYMBOL = /[^\p{L}\p{N}\s]/u;

const loginFragment = (login: string): string => {
  const at = login.lastIndexOf('@');
  return (at >= 0 ? login.slice(0, at) : login).trim().toLowerCase();
};

/** Every unmet rule at once, so the user can fix the password in one go. Empty means acceptable. */
export const checkPassword = (password: string, options: PasswordCheckOptions): PasswordProblem[] => {
  const policy = options.policy ?? DEFAULT_PASSWORD_POLICY;
  const problems: PasswordProblem[] = [];
  const add = (code: string, message: string): void => {
    problems.push({ code, message });
  };
  // Code points, not UTF-16 units: an emoji or rare character is one character to the user.
  const length = [...password].length;
  if (length < policy.minLength) {
    add('PASSWORD.TOO_SHORT', `Password must be at least ${policy.minLength} characters long.`);
  }
  if (length > policy.maxLength) {
    add('PASSWORD.TOO_LONG', `Password must be at most ${policy.maxLength} characters long.`);
  }
  if (policy.requireUpper && !UPPER.test(password)) {
    add('PASSWORD.NO_UPPER', 'Password must contain an upper-case letter.');
  }
  if (policy.requireLower && !LOWER.test(password)) {
    add('PASSWORD.NO_LOWER', 'Password must contain a lower-case letter.');
  }
  if (policy.requireDigit && !DIGIT.test(password)) {
    add('PASSWORD.NO_DIGIT', 'Password must contain a digit.');
  }
  if (policy.requireSymbol && !SYMBOL.test(password)) {
    add('PASSWORD.NO_SYMBOL', 'Password must contain a symbol such as ! # % or *.');
  }
  const fragment = loginFragment(options.login);
  if (fragment.length >= MIN_LOGIN_FRAGMENT && password.toLowerCase().includes(fragment)) {
    add('PASSWORD.CONTAINS_LOGIN', 'Password must not contain your login.');
  }
  if (options.reusesRecentPassword === true) {
    add('PASSWORD.REUSED', `Password must differ from your last ${policy.historySize} passwords.`);
  }
  return problems;
};

const DEFAULTS = DEFAULT_PASSWORD_POLICY;

/**
 * Configuration schema. The bounds stop a mis-typed setting from weakening the
 * policy below something defensible, or from letting huge inputs reach the hasher.
 */
export const passwordPolicySchema = z
  .object({
    minLength: z.number().int().min(8).max(128).default(DEFAULTS.minLength),
    maxLength: z.number().int().min(8).max(1024).default(DEFAULTS.maxLength),
    requireUpper: z.boolean().default(DEFAULTS.requireUpper),
    requireLower: z.boolean().default(DEFAULTS.requireLower),
    requireDigit: z.boolean().default(DEFAULTS.requireDigit),
    requireSymbol: z.boolean().default(DEFAULTS.requireSymbol),
    historySize: z.number().int().min(0).max(24).default(DEFAULTS.historySize),
  })
  .refine((policy) => policy.maxLength >= policy.minLength, {
    message: 'maxLength must be at least minLength.',
    path: ['maxLength'],
  }) satisfies z.ZodType<PasswordPolicy, unknown>;
