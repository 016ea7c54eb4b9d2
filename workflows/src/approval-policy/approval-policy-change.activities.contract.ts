import type { ApprovalPolicy } from '@domain/payment';

/** The I/O of a policy change; implemented in apps/worker/src/payments. Idempotent. */
export interface ApprovalPolicyActivities {
  /** Stores the HMAC of the change's code and sends it by SMS to the requesting user (§1.13). */
  sendPolicyChangeCode(input: { changeId: string; userId: string; policy: ApprovalPolicy; expiresAt: string }): Promise<void>;
  /** Makes `policy` the partner's approval policy and audits it; applying the same change twice changes nothing. */
  applyApprovalPolicy(input: { changeId: string; partnerId: string; userId: string; policy: ApprovalPolicy }): Promise<{ version: number }>;
}
