import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '@domain/access-level';
import type { ApprovalPolicy, ComplianceHoldStatus, ConfirmationSummary, PaymentCodeView, PaymentContent, PaymentStatus, PaymentTerms } from '@domain/payment';

/** The approval workflow of payment document `paymentId`: one per document, for its whole life. */
export const paymentWorkflowId = (paymentId: string) => `payment-${paymentId}`;
/** Scope of the one-time code of one confirmation challenge (OneTimeCodes): the document and the challenge. */
export const paymentCodeScope = (paymentId: string, challengeId: string) => `payment-${paymentId}/${challengeId}`;

/** The document as the record activity writes it; money in whole tiyn as a decimal string. */
export type PaymentDocumentRecord = PaymentContent;

/** Settings fixed when the workflow starts (from the API's configuration): the aggregate's terms and the writes' budget. */
export interface PaymentSettings extends PaymentTerms {
  /**
   * How long a bookkeeping write may keep retrying before its step is refused (and alerted);
   * absent in workflows started before it existed (the default then applies).
   */
  recordRetryMs?: number;
}

/**
 * The draft as stored: ids, its version and the facts a confirmation code is bound to. No secrets.
 * Started when the draft is created, or by the first command after it (update-with-start) if that
 * start failed; from then on the workflow is the only writer of the document.
 */
export interface PaymentWorkflowInput {
  paymentId: string;
  partnerId: string;
  authorId: string;
  createdAt: number;
  version: number;
  document: PaymentDocumentRecord;
  settings: PaymentSettings;
  /**
   * `draft`: started with the draft, which has no confirmation deadline until it is submitted.
   * Absent in workflows started at the first submission (before drafts had a workflow): their
   * draft counts down from the start, as their recorded histories replay it.
   */
  origin?: 'draft';
}

export interface PaymentConfirmationView {
  userId: string;
  version: number;
  at: string;
}

export type PaymentChallengeView = PaymentCodeView;

export interface PaymentView {
  status: PaymentStatus;
  version: number;
  requiredConfirmations: number | null;
  confirmations: PaymentConfirmationView[];
  expiresAt: string | null;
  hold: { status: ComplianceHoldStatus; deadline: string } | null;
  challenges: PaymentChallengeView[];
  /** The revision of the last write that reached PostgreSQL: the row's `revision` equals it. */
  revision: number;
}

export type { ConfirmationSummary };

/** The API's verdict on a code it checked against the stored HMAC; the code never reaches the workflow. */
export interface CodeVerdict {
  actor: Actor;
  challengeId: string;
  correct: boolean;
  /** A right code's confirmation is audited by its write (§1.15); absent in updates sent before. */
  origin?: PaymentRequestOrigin;
}

export type CodeCheckResult = ({ outcome: 'CONFIRMED' } & ConfirmationSummary) | { outcome: 'WRONG'; attemptsLeft: number; locked: boolean };

/**
 * Where a cabinet request came from, for the audit record the step's own write makes (§1.15):
 * a request id and the client's address, nothing secret (payloads are encrypted all the same).
 * Absent from updates sent before steps recorded their requests.
 */
export interface PaymentRequestOrigin {
  requestId: string | null;
  clientAddress: string | null;
}

/** `policyVersion`: the version of the partner's policy `policy` is (for the audit record only). */
export const submitPaymentUpdate = defineUpdate<
  ConfirmationSummary,
  [{ actor: Actor; policy: ApprovalPolicy; origin?: PaymentRequestOrigin; policyVersion?: number }]
>('submit');
export const editPaymentUpdate = defineUpdate<
  { status: PaymentStatus; version: number },
  [{ actor: Actor; document: PaymentDocumentRecord; baseVersion?: number; origin?: PaymentRequestOrigin }]
>('edit');
export const returnPaymentUpdate = defineUpdate<{ status: PaymentStatus; version: number }, [{ actor: Actor; reason: string; origin?: PaymentRequestOrigin }]>(
  'return',
);
export const cancelPaymentUpdate = defineUpdate<{ status: PaymentStatus }, [{ actor: Actor; origin?: PaymentRequestOrigin }]>('cancel');
/** Sends a code bound to the current version to the actor's phone (§1.13). */
export const requestConfirmationUpdate = defineUpdate<{ challengeId: string; expiresAt: string }, [{ actor: Actor; origin?: PaymentRequestOrigin }]>(
  'requestConfirmation',
);
export const checkConfirmationCodeUpdate = defineUpdate<CodeCheckResult, [CodeVerdict]>('checkConfirmationCode');
/** A bank operator's compliance decision on a held payment. */
export const complianceDecisionUpdate = defineUpdate<
  { status: PaymentStatus; hold: ComplianceHoldStatus },
  [{ operatorId: string; decision: 'EXECUTE' | 'REFUSE'; reason?: string; origin?: PaymentRequestOrigin }]
>('complianceDecision');
export const paymentStateQuery = defineQuery<PaymentView>('state');
