/**
 * Brute-force protection of a login (§1.16, §2.9): failed passwords and failed
 * codes are counted per user, separately; reaching either limit locks the login
 * for an interval that doubles with each lock in a row, up to a ceiling. A
 * successful login clears everything. Pure: callers persist the counters and
 * supply the time (epoch ms).
 */
export interface LockPolicy {
  /** Failed passwords in a row that lock the login. */
  readonly maxPasswordFailures: number;
  /**
   * Wrong codes across all of the user's challenges that lock the login: each
   * challenge allows only a few tries, but an attacker could open many.
   */
  readonly maxCodeFailures: number;
  /** The first lock's length; each further lock in a row doubles it. */
  readonly baseLockMs: number;
  /** The longest lock; also how long after a lock ends the next one still counts as "in a row". */
  readonly maxLockMs: number;
}

export interface LoginLock {
  readonly passwordFailures: number;
  readonly codeFailures: number;
  /** Locks in a row since the last successful login. */
  readonly lockCount: number;
  readonly lockedUntil: number | null;
}

export type LoginFailureKind = 'PASSWORD' | 'CODE';

export const NO_LOGIN_LOCK: LoginLock = Object.freeze({ passwordFailures: 0, codeFailures: 0, lockCount: 0, lockedUntil: null });

export const isLoginLocked = (lock: LoginLock, now: number): boolean => lock.lockedUntil !== null && now < lock.lockedUntil;

/** How long the n-th lock in a row lasts (n ≥ 1): base, 2×base, 4×base… capped. */
export const loginLockDuration = (lockNo: number, policy: LockPolicy): number =>
  Math.min(policy.maxLockMs, policy.baseLockMs * 2 ** Math.min(Math.max(lockNo, 1) - 1, 30));

/** The outcome of one failed attempt: the new counters, and whether this attempt locked the login. */
export interface FailureOutcome {
  readonly lock: LoginLock;
  readonly lockedNow: boolean;
}

/**
 * Counts one failure. While locked nothing is counted: the attempt was refused
 * unweighed, so it proves nothing and must not lengthen the lock. Reaching a
 * limit starts a lock and clears that kind's count, so the owner gets the full
 * number of tries once it ends.
 */
export const recordLoginFailure = (lock: LoginLock, kind: LoginFailureKind, now: number, policy: LockPolicy): FailureOutcome => {
  if (isLoginLocked(lock, now)) return { lock, lockedNow: false };
  const passwordFailures = lock.passwordFailures + (kind === 'PASSWORD' ? 1 : 0);
  const codeFailures = lock.codeFailures + (kind === 'CODE' ? 1 : 0);
  const reached = kind === 'PASSWORD' ? passwordFailures >= policy.maxPasswordFailures : codeFailures >= policy.maxCodeFailures;
  if (!reached) return { lock: { ...lock, passwordFailures, codeFailures }, lockedNow: false };
  // A lock long forgotten does not make the next one longer.
  const inARow = lock.lockedUntil !== null && now - lock.lockedUntil < policy.maxLockMs ? lock.lockCount : 0;
  const lockCount = inARow + 1;
  return {
    lock: {
      passwordFailures: kind === 'PASSWORD' ? 0 : passwordFailures,
      codeFailures: kind === 'CODE' ? 0 : codeFailures,
      lockCount,
      lockedUntil: now + loginLockDuration(lockCount, policy),
    },
    lockedNow: true,
  };
};

/** A successful login (or a completed password recovery) clears every count and the lock history. */
export const recordLoginSuccess = (): LoginLock => NO_LOGIN_LOCK;

const positive = (n: number) => Number.isSafeInteger(n) && n > 0;

/** Configuration nonsense is a start-up bug, not a runtime refusal. */
export const assertLockPolicy = (policy: LockPolicy): LockPolicy => {
  if (!positive(policy.maxPasswordFailures) || !positive(policy.maxCodeFailures)) throw new RangeError('failure limits must be positive integers');
  if (!positive(policy.baseLockMs) || !positive(policy.maxLockMs)) throw new RangeError('lock lengths must be positive integers');
  if (policy.maxLockMs < policy.baseLockMs) throw new RangeError('maxLockMs must be at least baseLockMs');
  return policy;
};
