import { parseStatementBound, statementQuerySchema, summarizeStatement } from './statement.rules';

const issues = (query: unknown) => {
  const result = statementQuerySchema.safeParse(query);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('statement period (§2.6)', () => {
  it('reads whole UTC days, both inclusive', () => {
    expect(statementQuerySchema.parse({ from: '2026-11-01', to: '2026-11-30' })).toEqual({
      fromMs: Date.parse('2026-11-01T00:00:00Z'),
      toExclusiveMs: Date.parse('2026-12-01T00:00:00Z'),
    });
  });

  it('reads instants with an offset; the end instant is included to the millisecond', () => {
    expect(statementQuerySchema.parse({ from: '2026-11-01T00:00:00+05:00', to: '2026-11-01T12:00:00.250Z' })).toEqual({
      fromMs: Date.parse('2026-10-31T19:00:00Z'),
      toExclusiveMs: Date.parse('2026-11-01T12:00:00.251Z'),
    });
  });

  it('reports each bad bound against its own field', () => {
    expect(issues({ from: '2026-02-30', to: 'yesterday' })).toEqual([
      'from: 2026-02-30 is not a calendar date.',
      'to: Must be a date (YYYY-MM-DD) or an ISO 8601 date-time with offset, e.g. 2026-11-24T00:00:00Z.',
    ]);
    expect(issues({ from: '2026-11-01T10:00:00', to: '2026-11-02' })[0]).toMatch(/^from: Must be a date/);
    expect(issues({ to: '2026-11-02' })[0]).toMatch(/^from: /);
    // Issue 12: year 0 made PostgreSQL fail (a 500); every query date is bounded to 2000–2100.
    expect(issues({ from: '0000-01-01', to: '2026-11-02' })).toEqual(['from: Must be between the years 2000 and 2100 (got 0000).']);
  });

  it('refuses a period that ends before it starts or is longer than 366 days', () => {
    expect(issues({ from: '2026-11-02', to: '2026-11-01' })).toEqual(['to: The period must end after it starts.']);
    expect(issues({ from: '2025-01-01', to: '2026-01-01' })).toEqual([]);
    expect(issues({ from: '2025-01-01', to: '2026-01-02' })).toEqual(['to: A statement covers at most 366 days.']);
  });

  it('treats a date end as the next midnight and an instant end as the next millisecond', () => {
    expect(parseStatementBound('2026-12-31', 'end')).toEqual({ ok: true, value: Date.parse('2027-01-01T00:00:00Z') });
    expect(parseStatementBound('2026-12-31T23:59:59.999Z', 'end')).toEqual({ ok: true, value: Date.parse('2027-01-01T00:00:00Z') });
  });
});

describe('statement totals', () => {
  it('adds up: opening + credits − debits = closing', () => {
    const summary = summarizeStatement(1_000n, [
      { direction: 'DEBIT', amountTiyn: 300n, balanceAfterTiyn: 700n },
      { direction: 'CREDIT', amountTiyn: 50n, balanceAfterTiyn: 750n },
    ]);
    expect(summary).toEqual({ openingTiyn: 1_000n, debitTiyn: 300n, creditTiyn: 50n, closingTiyn: 750n });
    expect(summarizeStatement(5n, [])).toEqual({ openingTiyn: 5n, debitTiyn: 0n, creditTiyn: 0n, closingTiyn: 5n });
  });

  it('refuses to issue a statement whose lines do not follow from each other', () => {
    expect(() => summarizeStatement(1_000n, [{ direction: 'DEBIT', amountTiyn: 300n, balanceAfterTiyn: 600n }])).toThrow(
      'statement line 0: balance 600 does not follow from 1000 (expected 700)',
    );
  });
});
