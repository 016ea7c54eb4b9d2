import fc from 'fast-check';
import { countRateEvent, EMPTY_RATE_WINDOW, rateRetryAfter, type RateLimit, type RateWindow } from './rate-window';

const T0 = 1_700_000_000_000;
const HOUR = 3_600_000;

const run = (limit: RateLimit, times: number[]) => {
  let w: RateWindow = EMPTY_RATE_WINDOW;
  return times.map((at) => {
    const wait = rateRetryAfter(w, at, limit);
    if (wait === null) w = countRateEvent(w, at, limit);
    return wait;
  });
};

describe('rate windows', () => {
  it('allows `limit` events per window, then names the wait until the window ends', () => {
    const limit = { limit: 3, windowMs: HOUR };
    expect(run(limit, [T0, T0 + 1, T0 + 2, T0 + 10])).toEqual([null, null, null, HOUR - 10]);
    expect(run(limit, [T0, T0 + 1, T0 + 2, T0 + HOUR])).toEqual([null, null, null, null]);
  });

  it('a minimum interval between events (a resend cooldown)', () => {
    const limit = { limit: 5, windowMs: HOUR, minIntervalMs: 60_000 };
    expect(run(limit, [T0, T0 + 59_000, T0 + 60_000])).toEqual([null, 1_000, null]);
  });

  it('property: never more than `limit` events in any window, and every wait is positive', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(10 * 60_000), { maxLength: 80 }), fc.integer({ min: 1, max: 6 }), (gaps, max) => {
        const limit = { limit: max, windowMs: HOUR };
        let at = T0;
        const times = gaps.map((g) => (at += g));
        const waits = run(limit, times);
        const accepted = times.filter((_, i) => waits[i] === null);
        // fixed windows: at most `limit` in each, so at most 2 × limit in any sliding hour
        for (const t of accepted) expect(accepted.filter((u) => u >= t && u < t + HOUR).length).toBeLessThanOrEqual(2 * max);
        let w: RateWindow = EMPTY_RATE_WINDOW;
        for (const t of accepted) {
          w = countRateEvent(w, t, limit);
          expect(w.count).toBeLessThanOrEqual(max);
        }
        expect(waits.every((x) => x === null || x >= 1)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
