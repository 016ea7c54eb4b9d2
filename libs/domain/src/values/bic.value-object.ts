import { fail, ok, type Result } from '../result';
import type { Brand } from './brand';
import { schemaFromParser } from './schema-from-parser';

/** A SWIFT BIC (ISO 9362), upper-case, 8 or 11 characters. */
export type Bic = Brand<string, 'Bic'>;

export const parseBic = (input: unknown): Result<Bic> => {
  if (typeof input !== 'string') return fail('BIC must be a string.');
  const bic = input.trim().toUpperCase();
  if (bic.length === 0) return fail('BIC is required.');
  const problems: string[] = [];
  if (bic.length !== 8 && bic.length !== 11) {
    problems.push(`BIC must be 8 or 11 characters; got ${bic.length}.`);
  }
  if (!/^[A-Z]{4}$/.test(bic.slice(0, 4))) problems.push('BIC characters 1-4 (bank code) must be letters.');
  if (!/^[A-Z]{2}$/.test(bic.slice(4, 6))) {
    problems.push('BIC characters 5-6 (country code) must be letters.');
  }
  if (!/^[A-Z0-9]{2}$/.test(bic.slice(6, 8))) {
    problems.push('BIC characters 7-8 (location code) must be letters or digits.');
  }
  if (!/^[A-Z0-9]*$/.test(bic.slice(8))) {
    problems.push('BIC characters 9-11 (branch code) must be letters or digits.');
  }
  return problems.length > 0 ? fail(...problems) : ok(bic as Bic);
};

export const bicSchema = schemaFromParser(parseBic, {
  description: 'SWIFT BIC of the beneficiary bank, 8 or 11 characters.',
  examples: ['CASPKZKA'],
});
