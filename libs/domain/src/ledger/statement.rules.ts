import { z } from 'zod';
import { parseInstant } from '../values/instant.value-object';
import { balanceAfter, legTotals, type LedgerDirection } from './ledger.rules';

/** A statement covers at most a year and a day, so one response stays small (§2.2). */
export const MAX_STATEMENT_DAYS = 366;
const DAY_MS = 86_400_000;

/**
 * One bound of a statement period, as epoch ms: the query instant of every list (a UTC day,
 * or an instant with offset; years 2000–2100). The start is inclusive; the end is returned
 * exclusive: the day after an end date, or one millisecond after an end instant.
 */
export const parseStatementBound = parseInstant;

export interface StatementPeriod {
  /** Inclusive start and exclusive end, epoch ms. */
  readonly fromMs: number;
  readonly toExclusiveMs: number;
}

/** `?from=&to=` of a statement request; each problem is reported against its field. */
export const statementQuerySchema = z
  .object({
    from: z
      .string({ error: 'Required: a date (YYYY-MM-DD) or a date-time with offset.' })
      .meta({ description: 'First day (YYYY-MM-DD, UTC) or instant (ISO 8601 with offset), inclusive; years 2000–2100.', examples: ['2026-11-01'] }),
    to: z
      .string({ error: 'Required: a date (YYYY-MM-DD) or a date-time with offset.' })
      .meta({ description: 'Last day (YYYY-MM-DD, UTC) or instant (ISO 8601 with offset), inclusive; years 2000–2100.', examples: ['2026-11-30'] }),
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
