/** The I/O of a login lock; implemented in apps/worker. Idempotent. */
export interface LoginLockActivities {
  /** Tells the user by e-mail and SMS that their login is locked, and until when. */
  sendLoginLockedNotice(input: { workflowId: string; userId: string; lockedUntil: string }): Promise<void>;
  /** LOCKED → ACTIVE once no lock runs any more; any other status (BLOCKED, a newer lock) is left alone. */
  endLoginLock(input: { userId: string }): Promise<void>;
}
