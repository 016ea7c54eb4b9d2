import type { PaymentProjection, PaymentStatus, PaymentTimelineEntry as TimelineEntry, VoidReason } from '@domain/payment';
import type { TransitionRecord } from '../shared/audit.activities.contract';
import type { PaymentDocumentRecord, PaymentRequestOrigin } from './payment.messages';

/** One step of the document's timeline and the row's mirror of the document: the payment aggregate's (libs/domain). */
export type { PaymentProjection, PaymentTimelineEntry as TimelineEntry } from '@domain/payment';

/**
 * One write of the workflow's state. `revision` grows with every write, so a late retry
 * of an older write never overwrites a newer one; timeline entries are keyed by it.
 */
export interface PaymentRecord {
  paymentId: string;
  revision: number;
  at: string;
  state: PaymentProjection;
  /** The new content of the document, on an edit. */
  document?: PaymentDocumentRecord;
  /** A confirmation to store (§1.2.1). */
  confirmation?: { userId: string; version: number; challengeId: string };
  /** Confirmations no longer counted: all (an edit or a return) or one user's (blocked, §1.14). */
  voidConfirmations?: { userId: string | null; reason: VoidReason };
  events: TimelineEntry[];
  /** The status change this write makes, recorded in the audit trail by the same transaction (§1.15). */
  transition?: TransitionRecord;
  /** The cabinet request this write carries out, recorded in the audit trail by the same transaction (§1.15). */
  command?: PaymentCommandAudit;
  /**
   * Only with `transition`: record it only if the row showed this status before this write — the
   * put-back after a write that ran out of retries, which may or may not have committed.
   */
  transitionIfRowIs?: PaymentStatus;
}

/**
 * A request that a step carried out (`payment.edit`, `payment.submit`, `payment.confirm`,
 * `payment.compliance.release`, …): who, from where, non-secret facts.
 */
export interface PaymentCommandAudit extends PaymentRequestOrigin {
  action: string;
  /** A cabinet user unless said otherwise (records written before operators' decisions were carried say nothing). */
  actorType?: 'USER' | 'OPERATOR';
  actorId: string;
  partnerId: string;
  details: Record<string, string | number | boolean | null>;
}

/** The I/O the payment workflow orders; implemented in apps/worker/src/payments. All idempotent. */
export interface PaymentActivities {
  /** Mirrors the workflow's state into PostgreSQL, appends the timeline and audits the transition, in one transaction. */
  recordPayment(record: PaymentRecord): Promise<void>;
  /**
   * Stores the HMAC of the challenge's code and sends it by SMS to the confirming user (§1.13):
   * the text states the amount and the beneficiary of document version `version`.
   */
  sendConfirmationCode(input: { paymentId: string; challengeId: string; userId: string; version: number; expiresAt: string }): Promise<void>;
}
