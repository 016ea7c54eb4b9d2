import { fail, ok, type Result } from '../result';
import type { Brand } from './brand';
import { schemaFromParser } from './schema-from-parser';

/**
 * An amount in KZT as integer tiyn (1 KZT = 100 tiyn). A bigint, never a JS
 * number: payments must not pick up binary floating-point rounding.
 */
export type Tiyn = Brand<bigint, 'Tiyn'>;

const TIYN_PER_TENGE = 100n;
/** Default ceiling for one payment: 1 000 000 000 000 KZT. */
export const MAX_AMOUNT_TIYN = (1_000_000_000_000n * TIYN_PER_TENGE) as Tiyn;
const MAX_INPUT_LENGTH = 32;
const CANONICAL = /^(?:0|[1-9]\d*)(?:\.\d{1,2})?$/;
const EXPONENT = /(\d)[eE][+-]?(?=\d)/g;
const SIGN = /^\s*[+-]/;
const NOT_A_NUMBER = 'Amount must be a string such as "150000.00", not a number: JSON numbers lose tiyn to rounding.';

export interface MoneyOptions {
  /** Largest accepted amount in tiyn; defaults to MAX_AMOUNT_TIYN. */
  readonly maxTiyn?: bigint;
}

const fractionProblems = (whole: string, fraction: string): string[] => [
  ...(/\d/.test(whole) ? [] : ['Amount must have digits before the decimal point, e.g. "0.50".']),
  ...(/\d/.test(fraction) ? [] : ['Amount must have digits after the decimal point, or no decimal point.']),
  ...(fraction.replace(/\D/g, '').length > 2 ? ['Amount must have at most 2 decimal places (tiyn).'] : []),
];

/** Names each way the text departs from "digits[.dd]", so the caller can fix all of them at once. */
const syntaxProblems = (text: string): string[] => {
  const problems: string[] = [];
  const flag = (found: boolean, message: string): void => {
    if (found) problems.push(message);
  };
  flag(/\s/.test(text), 'Amount must not contain spaces.');
  flag(SIGN.test(text), 'Amount must not have a sign; give a positive amount like "150000.00".');
  flag(/\d[eE][+-]?\d/.test(text), 'Amount must not use exponent notation; write all digits.');
  flag(text.includes(','), 'Amount must use a dot as the decimal separator, not a comma.');
  // Sign and exponent are already named above; don't report their characters twice.
  const rest = text.replace(SIGN, '').replace(EXPONENT, '$1');
  flag(/[^\d\s.,]/.test(rest), 'Amount may contain only digits and one decimal point.');
  const parts = text.split('.');
  flag(parts.length > 2, 'Amount must have at most one decimal point.');
  if (parts.length === 2) problems.push(...fractionProblems(parts[0], parts[1]));
  flag(/^0\d/.test(parts[0]), 'Amount must not have leading zeros.');
  // The gate that matters; the checks above only explain a refusal.
  flag(problems.length === 0 && !CANONICAL.test(text), 'Amount must look like "150000" or "150000.00".');
  return problems;
};

const rangeProblems = (tiyn: bigint, maxTiyn: bigint): string[] => {
  if (tiyn <= 0n) return ['Amount must be greater than zero.'];
  if (tiyn > maxTiyn) return [`Amount must be at most ${formatMoney(maxTiyn)} KZT.`];
  return [];
};

/** Reads a decimal KZT string such as "150000", "150000.5" or "150000.00" into tiyn. */
export const parseMoney = (input: unknown, options: MoneyOptions = {}): Result<Tiyn> => {
  if (typeof input === 'number') {
    // Say why, so API clients stop sending floats rather than retrying with another float.
    return fail(NOT_A_NUMBER);
  }
  if (typeof input !== 'string') return fail('Amount must be a decimal string such as "150000.00".');
  if (input.length === 0) return fail('Amount is required.');
  if (input.length > MAX_INPUT_LENGTH) return fail(`Amount must be at most ${MAX_INPUT_LENGTH} characters.`);
  const problems = syntaxProblems(input);
  if (problems.length > 0) return fail(...problems);

  const [whole, fraction = ''] = input.split('.');
  const tiyn = BigInt(whole) * TIYN_PER_TENGE + BigInt(fraction.padEnd(2, '0'));
  const outOfRange = rangeProblems(tiyn, options.maxTiyn ?? MAX_AMOUNT_TIYN);
  return outOfRange.length > 0 ? fail(...outOfRange) : ok(tiyn as Tiyn);
};

/** An amount already held as tiyn (a stored column, a configured threshold), under the same range rules. */
export const parseTiyn = (input: unknown, options: MoneyOptions = {}): Result<Tiyn> => {
  if (typeof input !== 'bigint') return fail('Amount in tiyn must be a bigint.');
  const outOfRange = rangeProblems(input, options.maxTiyn ?? MAX_AMOUNT_TIYN);
  return outOfRange.length > 0 ? fail(...outOfRange) : ok(input as Tiyn);
};

/** Always two decimals, dot separator, no grouping: `150000.00`. */
export const formatMoney = (tiyn: bigint): string => {
  const sign = tiyn < 0n ? '-' : '';
  const magnitude = tiyn < 0n ? -tiyn : tiyn;
  const fraction = (magnitude % TIYN_PER_TENGE).toString().padStart(2, '0');
  return `${sign}${magnitude / TIYN_PER_TENGE}.${fraction}`;
};

/** A request-DTO schema with a partner- or product-specific ceiling. */
export const createMoneySchema = (options: MoneyOptions = {}) =>
  schemaFromParser((input) => parseMoney(input, options), {
    description: 'Amount in KZT as a decimal string with at most 2 decimals; never a JSON number.',
    examples: ['150000.00'],
  });

export const moneySchema = createMoneySchema();
