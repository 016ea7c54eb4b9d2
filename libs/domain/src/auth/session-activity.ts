/**
 * Idle expiry of a cabinet session (§1.11) without a write on every request. A
 * session's last use is recorded at most once per `touchIntervalMs`, so the stored
 * time may lag the true last use by less than that interval. Idle expiry counts from
 * the stored time, so a session never outlives its idle timeout: left alone, it ends
 * between `idleTtlMs − touchIntervalMs` and `idleTtlMs` after its last use — never
 * later. Pure: callers supply the time (epoch ms) and compare with stored times.
 */
export interface SessionActivityPolicy {
  readonly idleTtlMs: number;
  /** The granularity of `last_seen_at`; must be shorter than the idle timeout. */
  readonly touchIntervalMs: number;
}

/** When the caller states none: a minute, or a tenth of a short idle timeout. */
export const defaultTouchIntervalMs = (idleTtlMs: number): number => Math.max(1, Math.min(60_000, Math.floor(idleTtlMs / 10)));

export const assertSessionActivityPolicy = (policy: SessionActivityPolicy): SessionActivityPolicy => {
  const { idleTtlMs, touchIntervalMs } = policy;
  if (!Number.isSafeInteger(idleTtlMs) || idleTtlMs <= 0) throw new RangeError('idleTtlMs must be a positive integer');
  if (!Number.isSafeInteger(touchIntervalMs) || touchIntervalMs <= 0) throw new RangeError('touchIntervalMs must be a positive integer');
  if (touchIntervalMs >= idleTtlMs) throw new RangeError('touchIntervalMs must be shorter than idleTtlMs');
  return policy;
};

/** A session last recorded at `lastSeenAt` is still alive at `now` (before its absolute end and revocation, checked apart). */
export const isSessionAwake = (lastSeenAt: number, now: number, policy: SessionActivityPolicy): boolean => now - lastSeenAt < policy.idleTtlMs;

/** A use at `now` is recorded only when the stored time is at least one interval old. */
export const sessionNeedsTouch = (lastSeenAt: number, now: number, policy: SessionActivityPolicy): boolean => now - lastSeenAt >= policy.touchIntervalMs;

/** The same two rules as bounds on the stored time, for a query: awake iff `last_seen_at > idleCutoff`, touched iff `≤ touchCutoff`. */
export const sessionActivityCutoffs = (now: number, policy: SessionActivityPolicy) => ({
  idleCutoff: now - policy.idleTtlMs,
  touchCutoff: now - policy.touchIntervalMs,
});
