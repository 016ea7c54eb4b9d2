import type { ApprovalPolicy, ComplianceHoldStatus, PaymentStatus } from '../../../libs/domain/src/payment';
import type { TransitionRecord } from '../shared/audit.activities.contract';
import type { PaymentDocumentRecord } from './payment.messages';

/** One step of the document's timeline: who did what and when (`GET /v1/payments/{id}`). */
export interface TimelineEntry {
  type:
    | 'SUBMITTED'
    | 'EDITED'
    | 'RETURNED'
    | 'CANCELLED'
    | 'CONFIRMATION_REQUESTED'
    | 'CODE_REJECTED'
    | 'CONFIRMED'
    | 'CONFIRMATION_WITHDRAWN'
    | 'SENT_TO_BANK'
    | 'HELD'
    | 'HOLD_RELEASED'
    | 'HOLD_DISCARDED'
    | 'EXECUTED'
    | 'REFUSED'
    | 'EXPIRED';
  actorType: 'USER' | 'OPERATOR' | 'SYSTEM';
  actorId: string | null;
  /** Non-secret, non-personal facts (ids, counts, reasons typed by people). */
  details: Record<string, string | number | boolean | null>;
}

/** The workflow's state of the document as the `payments` row mirrors it. */
export interface PaymentProjection {
  status: PaymentStatus;
  version: number;
  requiredConfirmations: number | null;
  policy: ApprovalPolicy | null;
  submittedAt: string | null;
  expiresAt: string | null;
  valueDate: string;
  hold: { status: ComplianceHoldStatus; deadline: string } | null;
  refusal: { code: string; reason: string } | null;
  executedAt: string | null;
}

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
  voidConfirmations?: { userId: string | null; reason: string };
  events: TimelineEntry[];
  /** The status change this write makes, recorded in the audit trail by the same transaction (§1.15). */
  transition?: TransitionRecord;
  /**
   * Only with `transition`: record it only if the row showed this status before this write — the
   * put-back after a write that ran out of retries, which may or may not have committed.
   */
  transitionIfRowIs?: PaymentStatus;
}

/** The I/O the payment workflow orders; implemented in apps/worker/src/payments. All idempotent. */
export interface PaymentActivities {
  /** Mirrors the workflow's state into PostgreSQL, appends the timeline and audits the transition, in one transaction. */
  recordPayment(record: PaymentRecord): Promise<void>;
  /**
   * Stores the HMAC of the challenge's code and sends it by SMS to the confirming user (§1.13):
   * the text states the amount and the beneficiary of document version `version`.
   */
  sendConfirmationCode(input: {
    paymentId: string;
    challengeId: string;
    userId: string;
    version: number;
    expiresAt: string;
  }): Promise<void>;
}
