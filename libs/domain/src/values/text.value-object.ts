import { fail, ok, type Result } from '../result';
import { schemaFromParser } from './schema-from-parser';

/**
 * The one policy for text a person types (names, purposes, reasons). What a user reads on a
 * screen, in an e-mail or in the confirmation SMS must be what the bank stores and what the
 * code is bound to (§1.13), so text that renders differently from its characters is refused:
 * - controls (C0, DEL, C1) — a NUL cannot be stored by PostgreSQL, a newline forges a line;
 * - format characters (bidi overrides and isolates, zero-width joiners and spaces, BOM, soft
 *   hyphen, tags) and other default-ignorables — they reorder or hide what is shown;
 * - line and paragraph separators, private-use, unassigned and non-characters, lone surrogates;
 * - more than three combining marks on one character ("zalgo" text that covers other lines).
 * These are refused wherever they stand, ends included: trimming would silently accept them.
 * Accepted text is NFC-normalised, every run of space characters becomes one U+0020 and the
 * ends are trimmed; lengths count code points after that.
 */
export interface TextRules {
  /** What the field is called in messages, e.g. "Beneficiary name". */
  readonly label: string;
  readonly max: number;
  /** At least this many characters; 1 unless said. */
  readonly min?: number;
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
const INVISIBLE = /[\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}\p{Cs}\p{Default_Ignorable_Code_Point}]/u;
const SPACES = /\p{Zs}+/gu;
const STACKED_MARKS = /\p{M}{4,}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The text as the bank keeps it, or every rule it breaks (one message each, naming the field). */
export function parseText(input: unknown, rules: TextRules): Result<string> {
  const { label, max, min = 1 } = rules;
  if (typeof input !== 'string') return fail(`${label} must be a string.`);
  // normalize() keeps lone surrogates; they are caught below as \p{Cs}.
  const normalised = input.normalize('NFC');
  const errors: string[] = [];
  const control = CONTROL.exec(normalised);
  if (control) errors.push(`${label} must be one line of printable characters (found control character ${codePoint(control[0])}).`);
  const invisible = INVISIBLE.exec(normalised);
  if (invisible) errors.push(`${label} must not contain invisible or direction-changing characters (found ${codePoint(invisible[0])}).`);
  if (STACKED_MARKS.test(normalised)) errors.push(`${label} must not stack more than three accents on one character.`);
  const text = normalised.replace(SPACES, ' ').trim();
  const length = [...text].length;
  if (length === 0) errors.push(`${label} is required.`);
  else if (length < min) errors.push(`${label} must be at least ${min} characters.`);
  if (length > max) errors.push(`${label} must be at most ${max} characters.`);
  if (length > 0 && !LETTER_OR_DIGIT.test(text)) errors.push(`${label} must contain a letter or a digit.`);
  return errors.length === 0 ? ok(text) : fail(...errors);
}

/** True when `text` is already what parseText keeps (used by workflow validators on their inputs). */
export const isCleanText = (text: unknown, rules: TextRules): boolean => {
  const parsed = parseText(text, rules);
  return parsed.ok && parsed.value === text;
};

/**
 * Stored text made safe to show, for renderers (SMS, e-mail): rows written before this
 * policy may hold anything. Line breaks and other controls become spaces; what the policy
 * calls invisible is dropped, and so are accents beyond the third on one character. Never
 * fails: a message must still go out, showing only what the reader can see.
 */
export const displayText = (input: string): string =>
  input
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/gu, ' ')
    .replace(new RegExp(INVISIBLE.source, 'gu'), '')
    .normalize('NFC')
    .replace(/(\p{M}{3})\p{M}+/gu, '$1')
    .replace(SPACES, ' ')
    .trim();

/** The zod form of parseText: one issue per broken rule, the normalised text as output. */
export const textSchema = (rules: TextRules, examples: readonly string[] = []) =>
  schemaFromParser((input) => parseText(input, rules), {
    description: `${rules.label}: ${rules.min ?? 1}–${rules.max} characters on one line; no control, invisible or direction-changing characters.`,
    examples,
  });

/** Lengths the agreement's documents and forms allow. */
export const TEXT_LIMITS = {
  personName: 200,
  organisationName: 300,
  reason: 500,
} as const;

/** A person's full name (§1.6, §1.8.1). */
export const PERSON_NAME_RULES: TextRules = { label: 'Full name', min: 2, max: TEXT_LIMITS.personName };
/** Why a person returned, refused, rejected or blocked something: shown to others and kept in the audit trail. */
export const REASON_RULES: TextRules = { label: 'Reason', max: TEXT_LIMITS.reason };

export const personNameSchema = textSchema(PERSON_NAME_RULES, ['Айгерім Сәрсенқызы']);
/** An organisation's name (§1.1). */
export const organisationNameSchema = textSchema({ label: 'Name', min: 2, max: TEXT_LIMITS.organisationName }, ['ТОО «Жұлдыз»']);
export const reasonTextSchema = textSchema(REASON_RULES, ['The amount does not match the invoice']);
