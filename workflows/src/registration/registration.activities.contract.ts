import type { RegistrationView } from './registration.messages';

/** The I/O the registration workflow orders; implemented in apps/worker. All idempotent. */
export interface RegistrationActivities {
  /** Records the invitation (HMAC of the link token) and e-mails the link (§1.5). */
  sendRegistrationLink(input: { workflowId: string; userId: string; invitationNo: number; expiresAt: string }): Promise<void>;
  /** Stores the HMAC of code `codeNo` and sends it by SMS (§1.4, §1.7). */
  sendRegistrationCode(input: { workflowId: string; userId: string; codeNo: number; expiresAt: string }): Promise<void>;
  /** Mirrors the status into PostgreSQL for lists and lookups by token. */
  recordRegistrationStatus(input: { workflowId: string; status: RegistrationView['status'] }): Promise<void>;
  /** Makes the user ACTIVE with the password the API stored (§1.7, §1.10). */
  activateUser(input: { workflowId: string; userId: string }): Promise<void>;
}
