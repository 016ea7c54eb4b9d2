import { z } from 'zod';
import { DEFAULT_CUT_OFF, parseCutOff, parseHolidays } from '@domain/payment';
import type { Result } from '@domain/result';
import { parseMoney } from '@domain/values/money.value-object';

const ms = (fallback: number) => z.coerce.number().int().positive().default(fallback);
const DAY_MS = 24 * 3600_000;

/** A setting read by a domain parser, so a bad value stops the API at start with the parser's words. */
const parsed = <T>(fallback: string, parse: (input: unknown) => Result<T>) =>
  z
    .string()
    .default(fallback)
    .transform((value, ctx): T => {
      const result = parse(value);
      if (result.ok) return result.value;
      for (const message of result.errors) ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    });

/**
 * Payment settings (§1.2, §2.4). The API hands them to each approval workflow when it starts,
 * so a running document keeps the lifetimes it started with.
 */
export const paymentsEnvShape = {
  /** An unconfirmed document expires this long after its (latest) submission. */
  PAYMENT_CONFIRMATION_TTL_MS: ms(10 * DAY_MS),
  /** Bank cut-off, Asia/Almaty local time: orders at or after it get the next working day's value date. */
  PAYMENT_CUT_OFF: parsed(DEFAULT_CUT_OFF, parseCutOff),
  /** Non-working days besides weekends, comma-separated YYYY-MM-DD. */
  BANK_HOLIDAYS: parsed('', parseHolidays),
  /** Payments strictly above this many KZT wait for an operator's compliance decision; kept as tiyn. */
  COMPLIANCE_HOLD_THRESHOLD: parsed('50000000.00', (input) => {
    const amount = parseMoney(input);
    return amount.ok ? { ok: true, value: amount.value.toString() } : amount;
  }),
  /** Without a decision in this time the held payment is refused. */
  COMPLIANCE_HOLD_TTL_MS: ms(2 * DAY_MS),
  /**
   * How long a payment's bookkeeping write may keep retrying a transient fault (the database
   * unreachable) before its step is refused, put back and alerted; data errors are refused at once.
   */
  PAYMENT_RECORD_RETRY_MS: ms(3 * 60_000),
  /** How long a stored Idempotency-Key answer is replayed. */
  IDEMPOTENCY_KEY_TTL_MS: ms(DAY_MS),
};
