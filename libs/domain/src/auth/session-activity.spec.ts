import fc from 'fast-check';
import {
  assertSessionActivityPolicy,
  defaultTouchIntervalMs,
  isSessionAwake,
  sessionActivityCutoffs,
  sessionNeedsTouch,
  type SessionActivityPolicy,
} from './session-activity';

const policy: SessionActivityPolicy = { idleTtlMs: 15 * 60_000, touchIntervalMs: 60_000 };

describe('session activity (§1.11)', () => {
  it('the interval must be shorter than the idle timeout; the default is a minute or a tenth', () => {
    expect(() => assertSessionActivityPolicy({ idleTtlMs: 1000, touchIntervalMs: 1000 })).toThrow(RangeError);
    expect(() => assertSessionActivityPolicy({ idleTtlMs: 1000, touchIntervalMs: 0 })).toThrow(RangeError);
    expect(assertSessionActivityPolicy(policy)).toBe(policy);
    expect(defaultTouchIntervalMs(15 * 60_000)).toBe(60_000);
    expect(defaultTouchIntervalMs(1_500)).toBe(150);
  });

  it('cutoffs say what the predicates say', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 7 }), fc.integer({ min: 0, max: 10 ** 7 }), (seen, gap) => {
        const now = seen + gap;
        const { idleCutoff, touchCutoff } = sessionActivityCutoffs(now, policy);
        expect(seen > idleCutoff).toBe(isSessionAwake(seen, now, policy));
        expect(seen <= touchCutoff).toBe(sessionNeedsTouch(seen, now, policy));
      }),
    );
  });

  it('property: used at any times, a session never lives longer than the idle timeout after its last use', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 20 * 60_000 }), { maxLength: 50 }), (gaps) => {
        let stored = 0;
        let lastUse = 0;
        let now = 0;
        for (const gap of gaps) {
          now += gap;
          if (!isSessionAwake(stored, now, policy)) {
            expect(now - lastUse).toBeGreaterThan(policy.idleTtlMs - policy.touchIntervalMs);
            return;
          }
          expect(now - lastUse).toBeLessThan(policy.idleTtlMs);
          lastUse = now;
          if (sessionNeedsTouch(stored, now, policy)) stored = now;
          expect(lastUse - stored).toBeLessThan(policy.touchIntervalMs);
        }
      }),
      { numRuns: 300 },
    );
  });
});
