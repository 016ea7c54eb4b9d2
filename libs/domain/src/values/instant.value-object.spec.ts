import fc from 'fast-check';
import { instantSchema, parseInstant } from './instant.value-object';

const DAY_MS = 86_400_000;

describe('query instant (days and instants with offset, years 2000–2100)', () => {
  it('reads a day as its UTC midnight; as an end, the next midnight', () => {
    expect(parseInstant('2026-11-24')).toEqual({ ok: true, value: Date.parse('2026-11-24T00:00:00Z') });
    expect(parseInstant('2026-11-24', 'end')).toEqual({ ok: true, value: Date.parse('2026-11-25T00:00:00Z') });
  });

  it('reads an instant with its offset; as an end, one millisecond later', () => {
    expect(parseInstant('2026-11-24T00:00:00+05:00')).toEqual({ ok: true, value: Date.parse('2026-11-23T19:00:00Z') });
    expect(parseInstant('2026-11-24T10:30Z', 'end')).toEqual({ ok: true, value: Date.parse('2026-11-24T10:30:00.001Z') });
    expect(parseInstant('2026-11-24T10:30:00.5-03:30').ok).toBe(true);
  });

  it.each([
    ['0000-01-01', 'Must be between the years 2000 and 2100 (got 0000).'],
    ['1999-12-31', 'Must be between the years 2000 and 2100 (got 1999).'],
    ['2101-01-01T00:00:00Z', 'Must be between the years 2000 and 2100 (got 2101).'],
    ['9999-12-31', 'Must be between the years 2000 and 2100 (got 9999).'],
    ['2026-02-30', '2026-02-30 is not a calendar date.'],
    ['2026-02-29T00:00:00Z', '2026-02-29 is not a calendar date.'],
    ['2026-11-24T00:00:00', 'Must be a date (YYYY-MM-DD) or an ISO 8601 date-time with offset, e.g. 2026-11-24T00:00:00Z.'],
    ['2026-11-24T24:00:00Z', 'Must be a date (YYYY-MM-DD) or an ISO 8601 date-time with offset, e.g. 2026-11-24T00:00:00Z.'],
    ['+002026-11-24', 'Must be a date (YYYY-MM-DD) or an ISO 8601 date-time with offset, e.g. 2026-11-24T00:00:00Z.'],
    ['1732406400000', 'Must be a date (YYYY-MM-DD) or an ISO 8601 date-time with offset, e.g. 2026-11-24T00:00:00Z.'],
    ['', 'Required: a date (YYYY-MM-DD) or an ISO 8601 date-time with offset, e.g. 2026-11-24T00:00:00Z.'],
  ])('refuses %j: %s', (input, message) => {
    expect(parseInstant(input)).toEqual({ ok: false, errors: [message] });
  });

  it('accepts every real day of the range, and its end is a day later', () => {
    const min = Date.parse('2000-01-01T00:00:00Z');
    const max = Date.parse('2100-12-31T00:00:00Z');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: (max - min) / DAY_MS }), (days) => {
        const day = new Date(min + days * DAY_MS).toISOString().slice(0, 10);
        expect(parseInstant(day)).toEqual({ ok: true, value: min + days * DAY_MS });
        expect(parseInstant(day, 'end')).toEqual({ ok: true, value: min + (days + 1) * DAY_MS });
      }),
    );
  });

  it('never throws and never answers a non-finite number, whatever the string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2}))?$/)), (input) => {
        const parsed = parseInstant(input);
        if (parsed.ok) expect(Number.isFinite(parsed.value)).toBe(true);
      }),
    );
  });

  it('the zod form reports the problem on the field', () => {
    const result = instantSchema('start').optional().safeParse('0000-01-01');
    expect(result.error!.issues.map((i) => i.message)).toEqual(['Must be between the years 2000 and 2100 (got 0000).']);
    expect(instantSchema('end').parse('2026-01-01')).toBe(Date.parse('2026-01-02T00:00:00Z'));
  });
});
