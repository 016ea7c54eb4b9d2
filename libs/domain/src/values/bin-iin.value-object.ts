import { fail, ok, type Result } from '../result';
import type { Brand } from './brand';
import { schemaFromParser } from './schema-from-parser';

/** A Kazakhstan BIN (legal entity) or IIN (individual): 12 digits, the last a check digit. */
export type BinIin = Brand<string, 'BinIin'>;

const FIRST_PASS_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
const SECOND_PASS_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;

const weightedSumMod11 = (digits: readonly number[], weights: readonly number[]): number =>
  weights.reduce((sum, weight, index) => sum + weight * digits[index], 0) % 11;

/**
 * The official check digit for the first 11 digits, or null when both passes
 * give 10: no 12-digit number with that prefix is valid.
 */
export const binIinCheckDigit = (first11: string): number | null => {
  if (!/^\d{11}$/.test(first11)) throw new RangeError('binIinCheckDigit expects exactly 11 digits');
  const digits = [...first11].map(Number);
  const first = weightedSumMod11(digits, FIRST_PASS_WEIGHTS);
  if (first !== 10) return first;
  const second = weightedSumMod11(digits, SECOND_PASS_WEIGHTS);
  return second === 10 ? null : second;
};

export const parseBinIin = (input: unknown): Result<BinIin> => {
  if (typeof input !== 'string') return fail('BIN/IIN must be a string.');
  const value = input.trim();
  if (value.length === 0) return fail('BIN/IIN is required.');
  const problems: string[] = [];
  if (!/^\d*$/.test(value)) problems.push('BIN/IIN may contain only digits.');
  if (value.length !== 12) problems.push(`BIN/IIN must be exactly 12 digits long (got ${value.length}).`);
  if (problems.length > 0) return fail(...problems);

  const expected = binIinCheckDigit(value.slice(0, 11));
  if (expected === null) return fail('BIN/IIN is not valid: no check digit exists for its first 11 digits.');
  if (expected !== Number(value[11])) {
    return fail('BIN/IIN check digit does not match; the number is probably mistyped.');
  }
  return ok(value as BinIin);
};

export const binIinSchema = schemaFromParser(parseBinIin, {
  description: 'Kazakhstan BIN or IIN: 12 digits with the official check digit.',
  examples: ['971240001315'],
});
