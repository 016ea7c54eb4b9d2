/** The I/O the login-code challenge orders; implemented in apps/worker. Idempotent. */
export interface LoginChallengeActivities {
  /** Stores the HMAC of the challenge's one code and sends it by SMS to the user's phone (§1.4). */
  sendLoginCode(input: { workflowId: string; userId: string; expiresAt: string }): Promise<void>;
}
