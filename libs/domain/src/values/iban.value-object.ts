import { fail, ok, type Result } from '../result';
import type { Brand } from './brand';
import { schemaFromParser } from './schema-from-parser';

/** A Kazakhstan IBAN without spaces, upper-case: `KZ` + 2 check digits + 16 characters. */
export type Iban = Brand<string, 'Iban'>;

export const KZ_IBAN_LENGTH = 20;

/** ISO 13616 remainder: letters count as 10..35; digit by digit so no bigint is needed. */
const mod97 = (alphanumeric: string): number => {
  let remainder = 0;
  for (const char of alphanumeric) {
    const value = parseInt(char, 36);
    remainder = (remainder * (value < 10 ? 10 : 100) + value) % 97;
  }
  return remainder;
};

/** The two check digits that make `country + check + bban` valid. */
export const ibanCheckDigits = (country: string, bban: string): string => {
  if (!/^[A-Z]{2}$/.test(country) || !/^[A-Z0-9]+$/.test(bban)) {
    throw new RangeError('ibanCheckDigits expects an upper-case country code and alphanumeric BBAN');
  }
  return String(98 - mod97(`${bban}${country}00`)).padStart(2, '0');
};

export const parseIban = (input: unknown): Result<Iban> => {
  if (typeof input !== 'string') return fail('IBAN must be a string.');
  const iban = input.replace(/\s+/g, '').toUpperCase();
  if (iban.length === 0) return fail('IBAN is required.');
  const problems: string[] = [];
  if (!iban.startsWith('KZ')) problems.push('IBAN must be a Kazakhstan IBAN starting with "KZ".');
  if (iban.length !== KZ_IBAN_LENGTH) {
    problems.push(`IBAN must be ${KZ_IBAN_LENGTH} characters without spaces; got ${iban.length}.`);
  }
  if (!/^\d{2}$/.test(iban.slice(2, 4))) problems.push('IBAN characters 3 and 4 must be check digits.');
  if (!/^[A-Z0-9]*$/.test(iban.slice(4))) {
    problems.push('IBAN account part may contain only Latin letters and digits.');
  }
  if (problems.length > 0) return fail(...problems);
  if (mod97(`${iban.slice(4)}${iban.slice(0, 4)}`) !== 1) {
    return fail('IBAN check digits do not match; the IBAN is probably mistyped.');
  }
  return ok(iban as Iban);
};

/** Groups of four, as printed on documents: `KZ86 125K ZT50 0410 0100`. */
export const formatIban = (iban: Iban): string => iban.replace(/(.{4})(?=.)/g, '$1 ');

export const ibanSchema = schemaFromParser(parseIban, {
  description: 'Kazakhstan IBAN (20 characters; spaces allowed and removed).',
  examples: ['KZ86125KZT5004100100'],
});
