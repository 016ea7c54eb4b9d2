import fc from 'fast-check';
import {
  assertLockPolicy,
  isLoginLocked,
  loginLockDuration,
  NO_LOGIN_LOCK,
  recordLoginFailure,
  recordLoginSuccess,
  type LockPolicy,
  type LoginFailureKind,
  type LoginLock,
} from './login-lock';

const MIN = 60_000;
const policy: LockPolicy = { maxPasswordFailures: 5, maxCodeFailures: 10, baseLockMs: 15 * MIN, maxLockMs: 24 * 60 * MIN };
const T0 = 1_700_000_000_000;

const fail = (lock: LoginLock, kind: LoginFailureKind, times: number, at = T0) => {
  let current = lock;
  let locks = 0;
  for (let i = 0; i < times; i++) {
    const outcome = recordLoginFailure(current, kind, at, policy);
    current = outcome.lock;
    if (outcome.lockedNow) locks++;
  }
  return { lock: current, locks };
};

describe('login lock (§1.16, §2.9)', () => {
  it('the fifth failed password locks the login for 15 minutes', () => {
    const four = fail(NO_LOGIN_LOCK, 'PASSWORD', 4);
    expect(four).toEqual({ lock: { ...NO_LOGIN_LOCK, passwordFailures: 4 }, locks: 0 });
    const fifth = recordLoginFailure(four.lock, 'PASSWORD', T0 + 1, policy);
    expect(fifth.lockedNow).toBe(true);
    expect(fifth.lock).toEqual({ passwordFailures: 0, codeFailures: 0, lockCount: 1, lockedUntil: T0 + 1 + 15 * MIN });
    expect(isLoginLocked(fifth.lock, T0 + 15 * MIN)).toBe(true);
    expect(isLoginLocked(fifth.lock, T0 + 1 + 15 * MIN)).toBe(false);
  });

  it('counts wrong codes separately from passwords, with their own limit', () => {
    const mixed = fail(fail(NO_LOGIN_LOCK, 'PASSWORD', 4).lock, 'CODE', 9);
    expect(mixed).toEqual({ lock: { ...NO_LOGIN_LOCK, passwordFailures: 4, codeFailures: 9 }, locks: 0 });
    const tenth = recordLoginFailure(mixed.lock, 'CODE', T0, policy);
    expect(tenth).toMatchObject({ lockedNow: true, lock: { passwordFailures: 4, codeFailures: 0, lockCount: 1 } });
  });

  it('failures while locked are not counted and do not lengthen the lock', () => {
    const locked = fail(NO_LOGIN_LOCK, 'PASSWORD', 5).lock;
    expect(fail(locked, 'PASSWORD', 20, T0 + MIN)).toEqual({ lock: locked, locks: 0 });
    expect(fail(locked, 'CODE', 20, T0 + MIN)).toEqual({ lock: locked, locks: 0 });
  });

  it('each lock in a row doubles, up to the ceiling; a success forgets them all', () => {
    let lock: LoginLock = NO_LOGIN_LOCK;
    let now = T0;
    const lengths: number[] = [];
    for (let i = 0; i < 9; i++) {
      lock = fail(lock, 'PASSWORD', 5, now).lock;
      lengths.push(lock.lockedUntil! - now);
      now = lock.lockedUntil!;
    }
    expect(lengths.map((ms) => ms / MIN)).toEqual([15, 30, 60, 120, 240, 480, 960, 1440, 1440]);
    expect(recordLoginSuccess()).toEqual(NO_LOGIN_LOCK);
    expect(fail(recordLoginSuccess(), 'PASSWORD', 5, now).lock.lockedUntil! - now).toBe(15 * MIN);
  });

  it('a lock long over does not make the next one longer', () => {
    const first = fail(NO_LOGIN_LOCK, 'PASSWORD', 5).lock;
    const muchLater = first.lockedUntil! + policy.maxLockMs;
    expect(fail(first, 'PASSWORD', 5, muchLater).lock).toMatchObject({ lockCount: 1, lockedUntil: muchLater + 15 * MIN });
  });

  it('property: the lock never exceeds the ceiling and locks only on the limit-th failure in a row', () => {
    const kinds = fc.array(fc.record({ kind: fc.constantFrom<LoginFailureKind>('PASSWORD', 'CODE'), gap: fc.nat(40 * MIN) }), {
      maxLength: 60,
    });
    fc.assert(
      fc.property(kinds, (steps) => {
        let lock: LoginLock = NO_LOGIN_LOCK;
        let now = T0;
        for (const { kind, gap } of steps) {
          now += gap;
          const before = lock;
          const outcome = recordLoginFailure(lock, kind, now, policy);
          lock = outcome.lock;
          if (outcome.lockedNow) {
            expect(lock.lockedUntil! - now).toBeLessThanOrEqual(policy.maxLockMs);
            const count = kind === 'PASSWORD' ? before.passwordFailures : before.codeFailures;
            expect(count + 1).toBe(kind === 'PASSWORD' ? policy.maxPasswordFailures : policy.maxCodeFailures);
          }
          expect(lock.passwordFailures).toBeLessThan(policy.maxPasswordFailures);
          expect(lock.codeFailures).toBeLessThan(policy.maxCodeFailures);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('durations and policy bounds', () => {
    expect(loginLockDuration(1, policy)).toBe(15 * MIN);
    expect(loginLockDuration(1000, policy)).toBe(policy.maxLockMs);
    expect(() => assertLockPolicy({ ...policy, maxPasswordFailures: 0 })).toThrow(RangeError);
    expect(() => assertLockPolicy({ ...policy, maxLockMs: MIN })).toThrow(RangeError);
    expect(assertLockPolicy(policy)).toBe(policy);
  });
});
