import { almatyDate, parseCutOff, parseHolidays, paymentValueDate, type BankCalendar } from '.';

/** Instants written in Almaty local time (UTC+5 since 2024-03-01). */
const almaty = (local: string) => Date.parse(`${local}+05:00`);
const calendar: BankCalendar = { cutOffMinutes: 18 * 60, holidays: [] };

describe('value date (cut-off and working days, Asia/Almaty)', () => {
  it('an order before the cut-off on a working day is executed that day', () => {
    // 2026-11-24 is a Tuesday.
    expect(paymentValueDate(almaty('2026-11-24T09:00:00'), calendar)).toBe('2026-11-24');
    expect(paymentValueDate(almaty('2026-11-24T17:59:59'), calendar)).toBe('2026-11-24');
  });

  it('at or after the cut-off it rolls to the next working day', () => {
    expect(paymentValueDate(almaty('2026-11-24T18:00:00'), calendar)).toBe('2026-11-25');
    expect(paymentValueDate(almaty('2026-11-27T18:30:00'), calendar)).toBe('2026-11-30'); // Friday evening → Monday
  });

  it('weekends and configured holidays roll forward, however many follow each other', () => {
    expect(paymentValueDate(almaty('2026-11-28T10:00:00'), calendar)).toBe('2026-11-30'); // Saturday
    const holidays = { ...calendar, holidays: ['2026-12-16', '2026-12-17'] }; // Independence Day, Wed–Thu
    expect(paymentValueDate(almaty('2026-12-15T19:00:00'), holidays)).toBe('2026-12-18');
    expect(paymentValueDate(almaty('2026-12-16T08:00:00'), holidays)).toBe('2026-12-18');
  });

  it('uses the local day, not the UTC day', () => {
    // 23:30 UTC on Monday is 04:30 on Tuesday in Almaty.
    const at = Date.parse('2026-11-23T23:30:00Z');
    expect(almatyDate(at)).toBe('2026-11-24');
    expect(paymentValueDate(at, calendar)).toBe('2026-11-24');
    // 12:30 UTC is 17:30 local: before the cut-off; 13:00 UTC is 18:00 local: after.
    expect(paymentValueDate(Date.parse('2026-11-24T12:30:00Z'), calendar)).toBe('2026-11-24');
    expect(paymentValueDate(Date.parse('2026-11-24T13:00:00Z'), calendar)).toBe('2026-11-25');
  });

  it('before 2024-03-01 Almaty was UTC+6', () => {
    expect(almatyDate(Date.parse('2024-02-01T18:30:00Z'))).toBe('2024-02-02');
    expect(almatyDate(Date.parse('2024-03-05T18:30:00Z'))).toBe('2024-03-05');
  });

  it('refuses a calendar with no working day instead of looping', () => {
    const days = Array.from({ length: 400 }, (_, i) => new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10));
    expect(() => paymentValueDate(almaty('2026-01-01T10:00:00'), { ...calendar, holidays: days })).toThrow(RangeError);
  });

  it('reads the configured cut-off and holiday list', () => {
    expect(parseCutOff('18:00')).toEqual({ ok: true, value: 1080 });
    expect(parseCutOff('9:00').ok).toBe(false);
    expect(parseCutOff('24:00').ok).toBe(false);
    expect(parseHolidays('')).toEqual({ ok: true, value: [] });
    expect(parseHolidays('2026-01-01, 2026-03-08')).toEqual({ ok: true, value: ['2026-01-01', '2026-03-08'] });
    expect(parseHolidays('2026-02-30,tomorrow')).toEqual({ ok: false, errors: [expect.stringContaining('2026-02-30'), expect.stringContaining('tomorrow')] });
  });
});
