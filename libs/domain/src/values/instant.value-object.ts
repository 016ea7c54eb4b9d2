import { z } from 'zod';
import { fail, ok, type Result } from '../result';

/**
 * The one way a query names a point in time: a day (`2026-11-24`, a whole UTC day) or an
 * ISO 8601 instant that carries its offset (`2026-11-24T00:00:00+05:00` for an Astana day;
 * without an offset the instant would depend on the server's zone). Only real calendar dates,
 * and only years 2000–2100: nothing the bank holds is older, and anything outside is a typo
 * that PostgreSQL could not even compare (year 0 is not a date there).
 */
export const INSTANT_YEARS = { min: 2000, max: 2100 } as const;

/** Which edge of a period a bound is: the end is returned exclusive. */
export type InstantEdge = 'start' | 'end';

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-\d{2}-\d{2}$/;
const DATE_TIME = /^((\d{4})-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,3})?)?(?:Z|[+-](?:0\d|1[0-4]):[0-5]\d)$/;
const FORMAT = 'a date (YYYY-MM-DD) or an ISO 8601 date-time with offset, e.g. 2026-11-24T00:00:00Z';

const realDate = (day: string): boolean => {
  const at = Date.parse(`${day}T00:00:00Z`);
  return Number.isFinite(at) && new Date(at).toISOString().slice(0, 10) === day;
};

const yearProblem = (year: string): string | null =>
  Number(year) < INSTANT_YEARS.min || Number(year) > INSTANT_YEARS.max
    ? `Must be between the years ${INSTANT_YEARS.min} and ${INSTANT_YEARS.max} (got ${year}).`
    : null;

/**
 * One bound, as epoch ms. The start is inclusive; the end is returned exclusive: the day
 * after an end date, or one millisecond after an end instant (timestamps keep milliseconds).
 */
export const parseInstant = (input: unknown, edge: InstantEdge = 'start'): Result<number> => {
  if (typeof input !== 'string' || input.length === 0) return fail(`Required: ${FORMAT}.`);
  const date = DATE.exec(input);
  const dateTime = date ? null : DATE_TIME.exec(input);
  if (!date && !dateTime) return fail(`Must be ${FORMAT}.`);
  const [day, year] = date ? [input, date[1]!] : [dateTime![1]!, dateTime![2]!];
  const outOfRange = yearProblem(year);
  if (outOfRange) return fail(outOfRange);
  if (!realDate(day)) return fail(`${day} is not a calendar date.`);
  const at = Date.parse(date ? `${day}T00:00:00Z` : input);
  if (edge === 'start') return ok(at);
  return ok(date ? at + DAY_MS : at + 1);
};

/**
 * The zod form: an optional query parameter read as epoch ms (see parseInstant); each
 * problem is one issue on the field, so a bad bound is a 400 naming it, never a 500.
 */
export const instantSchema = (edge: InstantEdge = 'start') =>
  z
    .string({ error: `Must be ${FORMAT}.` })
    .meta({ description: `${FORMAT}; years ${INSTANT_YEARS.min}–${INSTANT_YEARS.max}.`, examples: ['2026-11-24', '2026-11-24T00:00:00+05:00'] })
    .transform((value, ctx): number => {
      const parsed = parseInstant(value, edge);
      if (parsed.ok) return parsed.value;
      for (const message of parsed.errors) ctx.addIssue({ code: 'custom', message, input: value });
      return z.NEVER;
    });
