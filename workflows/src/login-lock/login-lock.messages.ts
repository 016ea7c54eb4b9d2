/** A login locked after failed attempts (§1.16): whose, and until when (epoch ms). No secrets. */
export interface LoginLockInput {
  userId: string;
  partnerId: string;
  lockedUntil: number;
}

/** One workflow per lock: the lock's end makes the id unique and a repeated start harmless. */
export const loginLockWorkflowId = (userId: string, lockedUntil: number) => `login-lock-${userId}-${lockedUntil}`;
