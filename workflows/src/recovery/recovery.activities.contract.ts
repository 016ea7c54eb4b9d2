import type { RecoveryStatus } from '@domain/auth/recovery';

/** The I/O the recovery workflow orders; implemented in apps/worker. All idempotent. */
export interface RecoveryActivities {
  /** E-mails the recovery link; its token derives from the workflow id and only its HMAC is stored (§1.12). */
  sendRecoveryLink(input: { workflowId: string; userId: string; expiresAt: string }): Promise<void>;
  /** Stores the HMAC of code `codeNo` and sends it by SMS (§1.4). */
  sendRecoveryCode(input: { workflowId: string; userId: string; codeNo: number; expiresAt: string }): Promise<void>;
  /** Mirrors the status into PostgreSQL for lookups by token. */
  recordRecoveryStatus(input: { workflowId: string; status: RecoveryStatus }): Promise<void>;
  /**
   * Makes the pending password the user's, records it in the history, clears the
   * login lock and ends every session of the user — in one transaction.
   */
  completeRecovery(input: { workflowId: string; userId: string }): Promise<void>;
}
