/** One status change of a flow, for the audit trail (§1.15). Ids and statuses only. */
export interface TransitionRecord {
  workflowId: string;
  /** `onboarding`, `registration`, `payment`, ... (the `Flow` search attribute). */
  flow: string;
  /** The status before; null for the first status a flow records. */
  from: string | null;
  to: string;
  partnerId: string | null;
  /** Who caused it, when the workflow knows; null when the flow moved by itself (a timer, its children). */
  actorId: string | null;
  actorType?: 'USER' | 'OPERATOR' | 'SYSTEM';
  /** The machine event that caused it, e.g. `BANK_SIGNED`, `LINK_EXPIRED`. */
  event: string;
  /** FAILURE: the step was decided but not taken, because its write failed (`code` says how). */
  outcome?: 'FAILURE';
  code?: string;
}

/**
 * Audit activities any workflow may call; implemented in apps/worker/src/audit.
 * Idempotent: a retried activity records its transition once.
 */
export interface AuditActivities {
  recordTransition(input: TransitionRecord): Promise<void>;
}
