import { fail, ok, type Result } from '../result';
import type { Brand } from './brand';
import { schemaFromParser } from './schema-from-parser';

/** A login e-mail: trimmed and lower-cased, so logins compare case-insensitively (§1.6, §1.10, §1.17). */
export type Email = Brand<string, 'Email'>;

export const EMAIL_MAX_LENGTH = 254; // RFC 5321 forward-path limit
const LOCAL_MAX_LENGTH = 64;
const LABEL_MAX_LENGTH = 63;

// RFC 5322 dot-atom characters; quoted local parts are not accepted for logins.
const LOCAL_CHARS = /^[a-z0-9!#$%&'*+/=?^_`{|}~.-]+$/;
const LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const TOP_LEVEL = /^(?:[a-z]{2,}|xn--[a-z0-9-]+)$/;
// Spaces and non-ASCII are reported once by parseEmail; strip them here to avoid repeating that.
const visible = (part: string): string => part.replace(/[^\x21-\x7e]/g, '');

const localPartProblems = (local: string): string[] => {
  if (local.length === 0) return ['E-mail must have a name before the "@".'];
  const problems: string[] = [];
  if (local.length > LOCAL_MAX_LENGTH) {
    problems.push(`The part before the "@" must be at most ${LOCAL_MAX_LENGTH} characters.`);
  }
  const chars = visible(local);
  if (chars.length > 0 && !LOCAL_CHARS.test(chars)) {
    problems.push('The part before the "@" contains characters that are not allowed in an e-mail.');
  }
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) {
    problems.push('The part before the "@" must not start or end with a dot or contain two dots in a row.');
  }
  return problems;
};

const domainProblems = (domain: string): string[] => {
  if (domain.length === 0) return ['E-mail must have a domain after the "@".'];
  const labels = domain.split('.');
  if (labels.length < 2) return ['E-mail domain must include a top-level domain, e.g. "example.kz".'];
  const problems: string[] = [];
  if (labels.some((label) => !LABEL.test(visible(label)))) {
    problems.push('E-mail domain may contain only letters, digits and hyphens, in parts between dots.');
  }
  if (labels.some((label) => label.length > LABEL_MAX_LENGTH)) {
    problems.push(`Each part of the e-mail domain must be at most ${LABEL_MAX_LENGTH} characters.`);
  }
  if (!TOP_LEVEL.test(visible(labels[labels.length - 1]))) {
    problems.push('E-mail top-level domain must be at least two letters, e.g. ".kz".');
  }
  return problems;
};

export const parseEmail = (input: unknown): Result<Email> => {
  if (typeof input !== 'string') return fail('E-mail must be a string.');
  const email = input.trim().toLowerCase();
  if (email.length === 0) return fail('E-mail is required.');
  const problems: string[] = [];
  if (email.length > EMAIL_MAX_LENGTH) {
    problems.push(`E-mail must be at most ${EMAIL_MAX_LENGTH} characters.`);
  }
  // Internationalised addresses are refused: mail relays and the bank's records expect ASCII.
  if (/[^\x20-\x7e]/.test(email)) {
    problems.push('E-mail may contain only Latin letters, digits and ASCII symbols.');
  }
  if (/\s/.test(email)) problems.push('E-mail must not contain spaces.');
  const at = email.split('@');
  if (at.length !== 2) {
    problems.push('E-mail must contain exactly one "@".');
  } else {
    problems.push(...localPartProblems(at[0]), ...domainProblems(at[1]));
  }
  return problems.length > 0 ? fail(...problems) : ok(email as Email);
};

/** For messages and logs: keeps the first character and the domain, e.g. `a***@example.kz`. */
export const maskEmail = (email: Email): string => {
  const at = email.lastIndexOf('@');
  return `${email.slice(0, 1)}***${email.slice(at)}`;
};

export const emailSchema = schemaFromParser(parseEmail, {
  description: 'Login e-mail; compared case-insensitively (§1.6, §1.10).',
  examples: ['accountant@example.kz'],
});
