// The "max" metadata is needed: only it tells Kazakh mobile ranges from landlines
// that share the +7 7 prefix (e.g. Almaty +7 727).
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { fail, ok, type Result } from '../result';
import type { Brand } from './brand';
import { schemaFromParser } from './schema-from-parser';

/** A Kazakhstan mobile number in E.164, e.g. `+77012345678`: where SMS codes go (§1.4, §1.13). */
export type Phone = Brand<string, 'Phone'>;

const MAX_INPUT_LENGTH = 32;
// Only the separators people actually type; this checks spelling, not validity.
const ALLOWED_CHARACTERS = /^\+?[\d\s().-]+$/;

const notKazakh = (country: string | undefined): string =>
  country === 'RU'
    ? 'Phone number is Russian (+7 9xx); a Kazakhstan mobile number is required.'
    : 'Phone number must be a Kazakhstan mobile number (+7 7xx xxx xx xx).';

export const parsePhone = (input: unknown): Result<Phone> => {
  if (typeof input !== 'string') return fail('Phone number must be a string.');
  const text = input.trim();
  if (text.length === 0) return fail('Phone number is required.');
  if (text.length > MAX_INPUT_LENGTH) {
    return fail(`Phone number must be at most ${MAX_INPUT_LENGTH} characters.`);
  }
  if (!ALLOWED_CHARACTERS.test(text)) {
    return fail('Phone number may contain only digits, spaces, brackets, hyphens, dots and a leading "+".');
  }
  // Without "+", the number is read as dialled inside Kazakhstan (8 701 ..., 701 ...).
  const parsed = parsePhoneNumberFromString(text, 'KZ');
  if (!parsed) return fail('Phone number is not a recognisable phone number.');
  if (parsed.country !== 'KZ') return fail(notKazakh(parsed.country));
  if (!parsed.isValid()) {
    return fail('Phone number is not a valid Kazakhstan number; check the operator code and digit count.');
  }
  const type = parsed.getType();
  if (type !== 'MOBILE') {
    const what = type === 'FIXED_LINE' ? 'a landline' : 'not a mobile number';
    return fail(`Phone number is ${what}; a mobile number is required to receive SMS codes (§1.4).`);
  }
  return ok(parsed.number as Phone);
};

/** Digits only, without "+", as SMS gateways expect: `77012345678`. */
export const phoneDigits = (phone: Phone): string => phone.replace(/\D/g, '');

/** For messages and logs: operator code and last two digits, e.g. `+7 701 *** ** 78`. */
export const maskPhone = (phone: Phone): string => {
  const digits = phoneDigits(phone);
  return `+${digits.slice(0, 1)} ${digits.slice(1, 4)} *** ** ${digits.slice(-2)}`;
};

export const phoneSchema = schemaFromParser(parsePhone, {
  description: 'Kazakhstan mobile phone in any common spelling; normalised to E.164.',
  examples: ['+7 701 234 56 78'],
});
