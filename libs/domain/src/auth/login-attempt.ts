import type { UserStatus } from '../access-level';
import { recordLoginFailure, recordLoginSuccess, type LockPolicy, type LoginFailureKind, type LoginLock } from './login-lock';
import { countsLoginFailures, loginRefusal, statusWhenLocked, statusWhenUnlocked, type LoginRefusal } from './user-access';

/**
 * One sign-in attempt of a known user (§1.16, §2.9), decided *after* its secret was
 * weighed, from the counters and status as they are at that moment. The caller holds
 * the user's counter row locked while it decides and writes, so attempts of one user
 * are decided one after another: an attempt still being weighed counts for nothing —
 * ten right passwords sent at once all sign in — and wrong ones lock after exactly the
 * limit, because the ones decided after the lock are refused, not weighed again.
 * What the attacker learns from a burst is what the first `limit` decisions say.
 */
export interface LoginAttemptFacts {
  readonly status: UserStatus;
  readonly lock: LoginLock;
  readonly kind: LoginFailureKind;
  /** The secret proved right (a password matching its hash, a code the challenge accepted). */
  readonly correct: boolean;
  readonly now: number;
}

/**
 * `lock` and `status` are what to store; each is the very input when nothing changes,
 * so the caller writes only what did.
 */
export type LoginAttemptDecision =
  | { readonly kind: 'SIGNED_IN'; readonly lock: LoginLock; readonly status: UserStatus }
  | { readonly kind: 'WRONG'; readonly lock: LoginLock; readonly status: UserStatus; readonly lockedNow: boolean }
  | { readonly kind: 'REFUSED'; readonly refusal: LoginRefusal; readonly lock: LoginLock; readonly status: UserStatus };

const isClear = (lock: LoginLock): boolean => lock.passwordFailures === 0 && lock.codeFailures === 0 && lock.lockCount === 0 && lock.lockedUntil === null;

export const decideLoginAttempt = (facts: LoginAttemptFacts, policy: LockPolicy): LoginAttemptDecision => {
  const { lock, kind, correct, now } = facts;
  const refusal = loginRefusal(facts.status, lock, now);
  // A lock that ran out while nobody looked ends here too (its workflow may be late).
  const status = facts.status === 'LOCKED' && refusal === null ? statusWhenUnlocked(facts.status) : facts.status;
  if (refusal) return { kind: 'REFUSED', refusal, lock, status };
  if (correct) return { kind: 'SIGNED_IN', lock: isClear(lock) ? lock : recordLoginSuccess(), status: statusWhenUnlocked(status) };
  if (!countsLoginFailures(status)) return { kind: 'WRONG', lock, status, lockedNow: false };
  const outcome = recordLoginFailure(lock, kind, now, policy);
  return { kind: 'WRONG', lock: outcome.lock, status: outcome.lockedNow ? statusWhenLocked(status) : status, lockedNow: outcome.lockedNow };
};

/** The attempt refused or wrong: the reason a failure is audited with. */
export const loginFailureReason = (decision: Exclude<LoginAttemptDecision, { kind: 'SIGNED_IN' }>, wrongReason: string): string =>
  decision.kind === 'REFUSED' ? decision.refusal : wrongReason;
