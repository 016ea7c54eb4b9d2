/**
 * Fixed-window rate limits: at most `limit` events per `windowMs`, and, if set,
 * at least `minIntervalMs` between two events. Used for failed logins per client
 * address and for code and link sends per login and per phone. Pure: callers
 * persist the counter and supply the time (epoch ms).
 */
export interface RateLimit {
  readonly limit: number;
  readonly windowMs: number;
  readonly minIntervalMs?: number;
}

export interface RateWindow {
  readonly windowStartedAt: number;
  readonly count: number;
  readonly lastAt: number | null;
}

export const EMPTY_RATE_WINDOW: RateWindow = Object.freeze({ windowStartedAt: 0, count: 0, lastAt: null });

const current = (window: RateWindow, now: number, limit: RateLimit): RateWindow =>
  now - window.windowStartedAt >= limit.windowMs ? { windowStartedAt: now, count: 0, lastAt: window.lastAt } : window;

/** Null when one more event is allowed now; otherwise how long to wait (ms, ≥ 1). */
export const rateRetryAfter = (window: RateWindow, now: number, limit: RateLimit): number | null => {
  const w = current(window, now, limit);
  const waits: number[] = [];
  if (limit.minIntervalMs && w.lastAt !== null && now - w.lastAt < limit.minIntervalMs) waits.push(w.lastAt + limit.minIntervalMs - now);
  if (w.count >= limit.limit) waits.push(w.windowStartedAt + limit.windowMs - now);
  return waits.length ? Math.max(1, ...waits) : null;
};

/** The counter after one more event at `now`. */
export const countRateEvent = (window: RateWindow, now: number, limit: RateLimit): RateWindow => {
  const w = current(window, now, limit);
  return { windowStartedAt: w.windowStartedAt, count: w.count + 1, lastAt: now };
};
