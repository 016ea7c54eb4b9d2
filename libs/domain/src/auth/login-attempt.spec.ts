import fc from 'fast-check';
import { decideLoginAttempt, loginFailureReason, type LoginAttemptDecision } from './login-attempt';
import { NO_LOGIN_LOCK, type LockPolicy, type LoginLock } from './login-lock';
import type { UserStatus } from '../access-level';

const MIN = 60_000;
const policy: LockPolicy = { maxPasswordFailures: 5, maxCodeFailures: 10, baseLockMs: 15 * MIN, maxLockMs: 24 * 60 * MIN };
const T0 = 1_700_000_000_000;

/** Attempts decided one after another, as the counter row lock orders them. */
const decideInTurn = (attempts: boolean[], start: { status: UserStatus; lock: LoginLock } = { status: 'ACTIVE', lock: NO_LOGIN_LOCK }) => {
  let { status, lock } = start;
  return attempts.map((correct, i) => {
    const d = decideLoginAttempt({ status, lock, kind: 'PASSWORD', correct, now: T0 + i }, policy);
    ({ status, lock } = d);
    return d;
  });
};

describe('a sign-in attempt decided after it was weighed (§1.16)', () => {
  it('ten right passwords decided in turn all sign in, and write nothing to clear counters', () => {
    const decisions = decideInTurn(Array(10).fill(true));
    expect(decisions.map((d) => d.kind)).toEqual(Array(10).fill('SIGNED_IN'));
    for (const d of decisions) expect(d.lock).toBe(NO_LOGIN_LOCK);
  });

  it('twelve wrong ones: five counted, the fifth locks once, seven refused unweighed', () => {
    const decisions = decideInTurn(Array(12).fill(false));
    expect(decisions.map((d) => d.kind)).toEqual([...Array(5).fill('WRONG'), ...Array(7).fill('REFUSED')]);
    expect(decisions.filter((d) => d.kind === 'WRONG' && d.lockedNow)).toHaveLength(1);
    expect(decisions[4]).toMatchObject({ status: 'LOCKED', lock: { passwordFailures: 0, lockCount: 1 } });
    expect(decisions.slice(5).map((d) => loginFailureReason(d as Exclude<LoginAttemptDecision, { kind: 'SIGNED_IN' }>, 'WRONG_PASSWORD'))).toEqual(
      Array(7).fill('LOCKED'),
    );
  });

  it('a right password clears earlier failures; after the lock it is refused like any other', () => {
    const [, , , , ok] = decideInTurn([false, false, false, false, true]);
    expect(ok).toMatchObject({ kind: 'SIGNED_IN', lock: NO_LOGIN_LOCK, status: 'ACTIVE' });
    const afterLock = decideInTurn([false, false, false, false, false, true]);
    expect(afterLock[5]).toMatchObject({ kind: 'REFUSED', refusal: 'LOCKED' });
  });

  it('a lock that ran out ends with the next attempt, right or wrong', () => {
    const locked = { ...NO_LOGIN_LOCK, lockCount: 1, lockedUntil: T0 };
    expect(decideLoginAttempt({ status: 'LOCKED', lock: locked, kind: 'PASSWORD', correct: true, now: T0 }, policy)).toMatchObject({
      kind: 'SIGNED_IN',
      status: 'ACTIVE',
      lock: NO_LOGIN_LOCK,
    });
    expect(decideLoginAttempt({ status: 'LOCKED', lock: locked, kind: 'CODE', correct: false, now: T0 }, policy)).toMatchObject({
      kind: 'WRONG',
      status: 'ACTIVE',
      lock: { codeFailures: 1 },
    });
  });

  it('blocked and unregistered users are refused whatever the secret, and nothing is counted', () => {
    for (const [status, refusal] of [
      ['BLOCKED', 'BLOCKED'],
      ['INVITED', 'NOT_REGISTERED'],
    ] as const) {
      for (const correct of [true, false]) {
        const d = decideLoginAttempt({ status, lock: NO_LOGIN_LOCK, kind: 'PASSWORD', correct, now: T0 }, policy);
        expect(d).toEqual({ kind: 'REFUSED', refusal, lock: NO_LOGIN_LOCK, status });
      }
    }
  });

  it('property: in any interleaving, every right attempt before the limit-th wrong one signs in, and at most `limit` wrong ones are weighed per lock', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 40 }), (attempts) => {
        const decisions = decideInTurn(attempts);
        let wrongInARow = 0;
        let locked = false;
        decisions.forEach((d, i) => {
          if (locked) return expect(d.kind).toBe('REFUSED');
          if (attempts[i]) {
            expect(d.kind).toBe('SIGNED_IN');
            wrongInARow = 0;
          } else {
            expect(d.kind).toBe('WRONG');
            wrongInARow++;
            locked = wrongInARow === policy.maxPasswordFailures;
            expect(d.kind === 'WRONG' && d.lockedNow).toBe(locked);
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});
