import type { UserStatus } from '../access-level';
import { alreadyBlocked, notBlocked } from './auth.errors';
import { isLoginLocked, type LoginLock } from './login-lock';
import type { DomainError } from '../domain-error';

/**
 * Who may sign in, and what blocking (§1.14) and locking do to a user's status.
 * LOCKED is the temporary lock after failed logins; BLOCKED is the bank's decision.
 */
export type LoginRefusal = 'NOT_REGISTERED' | 'BLOCKED' | 'LOCKED';

/** Why this user may not sign in now, or null. Callers answer every refusal the same way (no enumeration). */
export const loginRefusal = (status: UserStatus, lock: LoginLock, now: number): LoginRefusal | null => {
  if (status === 'BLOCKED') return 'BLOCKED';
  if (status === 'INVITED') return 'NOT_REGISTERED';
  return isLoginLocked(lock, now) ? 'LOCKED' : null;
};

/** Failures are counted only for registered users the bank has not blocked: only their logins can be locked. */
export const countsLoginFailures = (status: UserStatus): boolean => status === 'ACTIVE' || status === 'LOCKED';

/** A new lock makes an ACTIVE user LOCKED; other statuses are untouched. */
export const statusWhenLocked = (status: UserStatus): UserStatus => (status === 'ACTIVE' ? 'LOCKED' : status);

/** When the lock ends (or a recovery or success clears it) a LOCKED user is ACTIVE again. */
export const statusWhenUnlocked = (status: UserStatus): UserStatus => (status === 'LOCKED' ? 'ACTIVE' : status);

export type StatusChange = { ok: true; status: UserStatus } | { ok: false; error: DomainError };

/** §1.14: the bank blocks a user in any status; blocking twice is a conflict. */
export const blockUser = (status: UserStatus): StatusChange => (status === 'BLOCKED' ? { ok: false, error: alreadyBlocked() } : { ok: true, status: 'BLOCKED' });

/**
 * Unblocking restores what the user had: INVITED if they never registered,
 * otherwise ACTIVE — or LOCKED while a lock from before is still running.
 */
export const unblockUser = (status: UserStatus, facts: { registered: boolean; lock: LoginLock; now: number }): StatusChange => {
  if (status !== 'BLOCKED') return { ok: false, error: notBlocked(status) };
  if (!facts.registered) return { ok: true, status: 'INVITED' };
  return { ok: true, status: isLoginLocked(facts.lock, facts.now) ? 'LOCKED' : 'ACTIVE' };
};
