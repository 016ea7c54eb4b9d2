import { fail, ok, type Result } from '../result';
import type { Brand } from './brand';
import { schemaFromParser } from './schema-from-parser';

/** KNP: the payment purpose code of the National Bank's classifier, exactly 3 digits. */
export type Knp = Brand<string, 'Knp'>;

export const parseKnp = (input: unknown): Result<Knp> => {
  if (typeof input !== 'string') return fail('KNP must be a string.');
  const knp = input.trim();
  if (knp.length === 0) return fail('KNP is required.');
  // A string, not a number: leading zeros are significant (e.g. "010").
  if (!/^\d{3}$/.test(knp)) return fail('KNP (payment purpose code) must be exactly 3 digits, e.g. "010".');
  return ok(knp as Knp);
};

export const knpSchema = schemaFromParser(parseKnp, {
  description: 'KNP, payment purpose code: exactly 3 digits.',
  examples: ['010'],
});
