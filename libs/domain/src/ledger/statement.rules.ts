import { z } from 'zod';
import { fail, ok, type Result } from '../result';
import { balanceAfter, legTotals, type LedgerDirection } from './ledger.rules';

/** A statement covers at most a year and a day, so one response stays small (§2.2). */
export const MAX_STATEMENT_DAYS = 366;
const DAY_MS = 86_400_000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

const realDate = (day: string): boolean => {
  const at = Date.parse(`${day}T00:00:00Z`);
  return Number.isFinite(at) && new Date(at).toISOString().slice(0, 10) === day;
};

/**
 * One bound of a statement period, as epoch ms. A date (`2026-11-24`) is a whole UTC day;
 * a date-time must carry its offset (`2026-11-24T00:00:00+05:00` for an Astana day). The
 * start is inclusive; the end is returned exclusive: the day after an end date, or one
 * millisecond after an end instant (timestamps are kept to the millisecond).
 */
export const parseStatementBound = (input: unknown, edge: 'start' | 'end'): Result<number> => {
  if (typeof input !== 'string' || input.length === 0) return fail('Required: a date (YYYY-MM-DD) or a date-time with offset.');
  if (DATE.test(input)) {
    if (!realDate(input)) return fail(`${input} is not a calendar date.`);
    const start = Date.parse(`${input}T00:00:00Z`);
    return ok(edge === 'start' ? start : start + DAY_MS);
  }
  const match = DATE_TIME.exec(input);
  if (!match) return fail('Must be a date (YYYY-MM-DD) or an ISO 8601 date-time with offset, e.g. 2026-11-24T00:00:00Z.');
  const at = Date.parse(input);
  if (!realDate(match[1]!) || !Number.isFinite(at)) return fail(`${input} is not a valid date-time.`);
  return ok(edge === 'start' ? at : at + 1);
};

export interface StatementPeriod {
  /** Inclusive start and exclusive end, epoch ms. */
  readonly fromMs: number;
  readonly toExclusiveMs: number;
}

/** `?from=&to=` of a statement request; each problem is reported against its field. */
export const statementQuerySchema = z
  .object({
    from: z.string().meta({ description: 'First day (YYYY-MM-DD, UTC) or instant (ISO 8601 with offset), inclusive.', examples: ['2026-11-01'] }),
    to: z.string().meta({ description: 'Last day (YYYY-MM-DD, UTC) or instant (ISO 8601 with offset), inclusive.', examples: ['2026-11-30'] }),
  })
  .transform((query, ctx): StatementPeriod => {
    const from = parseStatementBound(query.from, 'start');
    const to = parseStatementBound(query.to, 'end');
    if (!from.ok) from.errors.forEach((message) => ctx.addIssue({ code: 'custom', path: ['from'], message }));
    if (!to.ok) to.errors.forEach((message) => ctx.addIssue({ code: 'custom', path: ['to'], message }));
    if (!from.ok || !to.ok) return z.NEVER;
    if (to.value <= from.value) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'The period must end after it starts.' });
      return z.NEVER;
    }
    if (to.value - from.value > MAX_STATEMENT_DAYS * DAY_MS) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: `A statement covers at most ${MAX_STATEMENT_DAYS} days.` });
      return z.NEVER;
    }
    return { fromMs: from.value, toExclusiveMs: to.value };
  });

export interface StatementLine {
  readonly direction: LedgerDirection;
  readonly amountTiyn: bigint;
  readonly balanceAfterTiyn: bigint;
}

export interface StatementSummary {
  readonly openingTiyn: bigint;
  readonly debitTiyn: bigint;
  readonly creditTiyn: bigint;
  readonly closingTiyn: bigint;
}

/**
 * Opening + credits − debits = closing (§2.6), and every line's balance follows from the
 * one before. A statement that does not add up is never issued: it would mean the
 * ledger is damaged, which is an incident, not a document.
 */
export const summarizeStatement = (openingTiyn: bigint, lines: ReadonlyArray<StatementLine>): StatementSummary => {
  let running = openingTiyn;
  lines.forEach((line, i) => {
    const expected = balanceAfter(running, line);
    if (line.balanceAfterTiyn !== expected) {
      throw new RangeError(`statement line ${i}: balance ${line.balanceAfterTiyn} does not follow from ${running} (expected ${expected})`);
    }
    running = expected;
  });
  const { debitTiyn, creditTiyn } = legTotals(lines);
  return { openingTiyn, debitTiyn, creditTiyn, closingTiyn: running };
};
