import { fail, ok, type Result } from '../result';

/**
 * The value date of a payment: the bank's business day on which it is executed.
 * An order given at or after the bank's cut-off time, or on a non-working day,
 * rolls to the next working day (Mon–Fri, minus the configured holidays).
 * Dates are the bank's local calendar, Asia/Almaty.
 */
export interface BankCalendar {
  /** Minutes after local midnight from which orders roll to the next working day (18:00 → 1080). */
  readonly cutOffMinutes: number;
  /** Non-working days as `YYYY-MM-DD`, besides Saturdays and Sundays. */
  readonly holidays: ReadonlyArray<string>;
}

export const DEFAULT_CUT_OFF = '18:00';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Asia/Almaty moved from UTC+6 to UTC+5 at 2024-03-01 00:00 local time; it has no DST. */
const ALMATY_SWITCH = Date.UTC(2024, 1, 29, 18, 0, 0);

/** Asia/Almaty's offset from UTC at instant `at` (epoch ms). */
export const almatyOffsetMs = (at: number): number => (at < ALMATY_SWITCH ? 6 : 5) * HOUR_MS;

const isoDay = (dayNumber: number): string => new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);

/** Local calendar day of `at` in Almaty as `YYYY-MM-DD`. */
export const almatyDate = (at: number): string => isoDay(Math.floor((at + almatyOffsetMs(at)) / DAY_MS));

const isWorkingDay = (dayNumber: number, holidays: ReadonlySet<string>): boolean => {
  const weekday = new Date(dayNumber * DAY_MS).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(isoDay(dayNumber));
};

/** A year of consecutive holidays is a configuration error, not a calendar. */
const MAX_ROLL_DAYS = 366;

/** The value date (`YYYY-MM-DD`) of an order given at `at` (epoch ms). */
export const paymentValueDate = (at: number, calendar: BankCalendar): string => {
  if (!Number.isSafeInteger(at) || at < 0) throw new RangeError('at must be epoch ms.');
  const local = at + almatyOffsetMs(at);
  let day = Math.floor(local / DAY_MS);
  const minutes = Math.floor((local - day * DAY_MS) / 60_000);
  if (minutes >= calendar.cutOffMinutes) day += 1;
  const holidays = new Set(calendar.holidays);
  for (let rolled = 0; !isWorkingDay(day, holidays); rolled += 1) {
    if (rolled >= MAX_ROLL_DAYS) throw new RangeError('No working day within a year: check the holiday list.');
    day += 1;
  }
  return isoDay(day);
};

/** Reads a cut-off time `HH:MM` (24-hour clock) into minutes after midnight. */
export const parseCutOff = (input: unknown): Result<number> => {
  const match = typeof input === 'string' ? /^([01]\d|2[0-3]):([0-5]\d)$/.exec(input.trim()) : null;
  return match ? ok(Number(match[1]) * 60 + Number(match[2])) : fail('Cut-off must be a time HH:MM, e.g. "18:00".');
};

/** `YYYY-MM-DD` naming a real day (no 2026-02-30). */
const isCalendarDate = (text: string): boolean => {
  const ms = Date.parse(`${text}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && Number.isFinite(ms) && new Date(ms).toISOString().slice(0, 10) === text;
};

/** Reads a comma-separated list of `YYYY-MM-DD` holidays; an empty string is no holidays. */
export const parseHolidays = (input: unknown): Result<string[]> => {
  if (typeof input !== 'string') return fail('Holidays must be a comma-separated list of YYYY-MM-DD dates.');
  const days = input
    .split(',')
    .map((d) => d.trim())
    .filter(Boolean);
  const bad = days.filter((d) => !isCalendarDate(d));
  return bad.length > 0 ? fail(...bad.map((d) => `"${d}" is not a calendar date YYYY-MM-DD.`)) : ok(days);
};
