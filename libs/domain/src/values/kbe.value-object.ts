import { fail, ok, type Result } from '../result';
import type { Brand } from './brand';
import { schemaFromParser } from './schema-from-parser';

/** KBE: beneficiary code. First digit residency (1 resident, 2 non-resident), second economic sector 1-9. */
export type Kbe = Brand<string, 'Kbe'>;

export const parseKbe = (input: unknown): Result<Kbe> => {
  if (typeof input !== 'string') return fail('KBE must be a string.');
  const kbe = input.trim();
  if (kbe.length === 0) return fail('KBE is required.');
  const problems: string[] = [];
  if (kbe.length !== 2) problems.push(`KBE must be exactly 2 digits long (got ${kbe.length}).`);
  if (!/^[12]$/.test(kbe.slice(0, 1))) {
    problems.push('KBE first digit (residency) must be 1 (resident) or 2 (non-resident).');
  }
  if (!/^[1-9]$/.test(kbe.slice(1, 2))) problems.push('KBE second digit (economic sector) must be 1-9.');
  return problems.length > 0 ? fail(...problems) : ok(kbe as Kbe);
};

export const kbeSchema = schemaFromParser(parseKbe, {
  description: 'KBE, beneficiary code: residency digit (1 or 2) and economic sector digit (1-9).',
  examples: ['17'],
});
