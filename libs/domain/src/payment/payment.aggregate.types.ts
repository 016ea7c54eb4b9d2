import type { Actor } from '../access-level';
import type { ChallengeContext } from '../challenge/challenge.types';
import type { DomainError } from '../domain-error';
import type { MachineState } from '../machine-state';
import type { ApprovalPolicy } from './approval-policy';
import type { ComplianceHold, ComplianceHoldStatus } from './compliance-hold';
import type { PaymentDocumentFields } from './payment.schema';
import type { PaymentContext, PaymentStatus } from './payment.types';
import type { BankCalendar } from './value-date';

/**
 * The content of one version of the document, as stored (money as a decimal string of tiyn);
 * codes are bound to its amount and beneficiary (§1.13).
 */
export type PaymentContent = Omit<PaymentDocumentFields, 'amountTiyn'> & { readonly amountTiyn: string };

/** The agreement's numbers for one document, fixed when its flow starts (from configuration). */
export interface PaymentTerms {
  /** How long the confirmers have after a submission (§1.2.1). */
  readonly confirmationTtlMs: number;
  readonly codeTtlMs: number;
  readonly codeMaxAttempts: number;
  readonly codeResendCooldownMs: number;
  /** Above this amount a fully confirmed document waits for a compliance decision (§2.4). */
  readonly holdThresholdTiyn: string;
  readonly holdTtlMs: number;
  readonly calendar: BankCalendar;
}

/** One confirmation code sent to one user for one version (§1.13). */
export interface PaymentCode {
  readonly challengeId: string;
  readonly userId: string;
  readonly version: number;
  readonly state: MachineState<ChallengeContext>;
}

export interface PaymentCodes {
  /** In the order they were sent. */
  readonly entries: ReadonlyArray<PaymentCode>;
  /** When each user was last sent a code for each version, keyed `userId/version` (resend cooldown). */
  readonly lastIssued: Readonly<Record<string, number>>;
  /** Every user ever sent a code for this document, in order. */
  readonly users: ReadonlyArray<string>;
}

export interface BankRefusal {
  readonly code: string;
  readonly reason: string;
}

/** The payment aggregate: everything the agreement says about one document. An immutable value. */
export interface Payment {
  readonly paymentId: string;
  readonly terms: PaymentTerms;
  /** The document machine: status, version, policy snapshot, confirmations. */
  readonly document: MachineState<PaymentContext>;
  readonly content: PaymentContent;
  readonly codes: PaymentCodes;
  /** When an unconfirmed document expires (§1.2.1); null for a draft never submitted (it has no deadline). */
  readonly expiresAt: number | null;
  readonly hold: ComplianceHold | null;
  readonly bankRefusal: BankRefusal | null;
  readonly executedAt: string | null;
  /** The value date fixed when the document reached the bank; before that it follows the clock. */
  readonly sentValueDate: string | null;
  /** Everyone who ever confirmed a version (the flow acts for them, §1.14). */
  readonly confirmers: ReadonlyArray<string>;
}

export type ComplianceDecisionKind = 'EXECUTE' | 'REFUSE';

export type BankAnswer =
  { readonly outcome: 'EXECUTED'; readonly executedAt: string } | { readonly outcome: 'REFUSED'; readonly code: string; readonly reason: string };

/** What may be asked of the aggregate: cabinet commands carry the acting user; times are epoch ms. */
export type PaymentCommand =
  | { readonly type: 'SUBMIT'; readonly actor: Actor; readonly policy: ApprovalPolicy; readonly at: number }
  /** `baseVersion`: the version the edit was made on (absent: whatever the version is now). */
  | { readonly type: 'EDIT'; readonly actor: Actor; readonly content: PaymentContent; readonly baseVersion?: number; readonly at: number }
  | { readonly type: 'RETURN'; readonly actor: Actor; readonly reason: string; readonly at: number }
  | { readonly type: 'CANCEL'; readonly actor: Actor; readonly at: number }
  | { readonly type: 'REQUEST_CODE'; readonly actor: Actor; readonly challengeId: string; readonly at: number }
  | { readonly type: 'CHECK_CODE'; readonly actor: Actor; readonly challengeId: string; readonly correct: boolean; readonly at: number }
  /** §1.14: the user's codes die at once (the withdrawal of their confirmation is its own step). */
  | { readonly type: 'BLOCK_USER'; readonly userId: string }
  | { readonly type: 'WITHDRAW_CONFIRMATION'; readonly userId: string; readonly at: number }
  | { readonly type: 'EXPIRE'; readonly at: number }
  | { readonly type: 'PLACE_HOLD'; readonly at: number }
  | {
      readonly type: 'DECIDE_HOLD';
      readonly operatorId: string;
      readonly decision: ComplianceDecisionKind;
      readonly reason?: string;
      readonly at: number;
    }
  /** After the review: refuse (refused or lapsed) or hand to core banking; an open review stays. */
  | { readonly type: 'SETTLE'; readonly at: number }
  | { readonly type: 'BANK_ANSWERED'; readonly answer: BankAnswer; readonly at: number };

export const PAYMENT_TIMELINE_TYPES = [
  'SUBMITTED',
  'EDITED',
  'RETURNED',
  'CANCELLED',
  'CONFIRMATION_REQUESTED',
  'CODE_REJECTED',
  'CONFIRMED',
  'CONFIRMATION_WITHDRAWN',
  'SENT_TO_BANK',
  'HELD',
  'HOLD_RELEASED',
  'HOLD_DISCARDED',
  'EXECUTED',
  'REFUSED',
  'EXPIRED',
] as const;
export type PaymentTimelineType = (typeof PAYMENT_TIMELINE_TYPES)[number];
export type PaymentActorType = 'USER' | 'OPERATOR' | 'SYSTEM';

/** One step of the document's timeline: who did what and when (`GET /v1/payments/{id}`). */
export interface PaymentTimelineEntry {
  type: PaymentTimelineType;
  actorType: PaymentActorType;
  actorId: string | null;
  /** Non-secret, non-personal facts (ids, counts, reasons typed by people). */
  details: Record<string, string | number | boolean | null>;
}

/** Why confirmations stop counting: all of them (an edit or a return) or one user's (blocked, §1.14). */
export type VoidReason = 'DOCUMENT_CHANGED' | 'RETURNED' | 'USER_BLOCKED';

/** What the workflow carries out for a decision, in this order. */
export type PaymentEffect =
  /** Write the document's new state (and these facts) to its row, timeline and audit trail. */
  | {
      readonly type: 'RECORD';
      readonly events: PaymentTimelineEntry[];
      readonly document?: PaymentContent;
      readonly confirmation?: { readonly userId: string; readonly version: number; readonly challengeId: string };
      readonly voidConfirmations?: { readonly userId: string | null; readonly reason: VoidReason };
    }
  /** Send the code of a challenge by SMS (after the RECORD before it has landed). */
  | {
      readonly type: 'SEND_CODE';
      readonly challengeId: string;
      readonly userId: string;
      readonly version: number;
      readonly expiresAt: string;
    }
  /** The users the flow waits on or acts for changed (searchable ids, §1.14). */
  | { readonly type: 'LIST_USERS'; readonly userIds: string[] }
  /** The amount operators search by changed. */
  | { readonly type: 'INDEX_AMOUNT'; readonly amountTiyn: string }
  /** A wrong code counts even if the step is not recorded: no free guesses. */
  | { readonly type: 'KEEP_CODE_ATTEMPT'; readonly challengeId: string; readonly state: MachineState<ChallengeContext> };

export type PaymentDecision =
  { readonly ok: true; readonly state: Payment; readonly effects: PaymentEffect[] } | { readonly ok: false; readonly error: DomainError };

/** The document as its `payments` row mirrors it. */
export interface PaymentProjection {
  status: PaymentStatus;
  version: number;
  requiredConfirmations: number | null;
  policy: ApprovalPolicy | null;
  submittedAt: string | null;
  expiresAt: string | null;
  valueDate: string;
  hold: { status: ComplianceHoldStatus; deadline: string } | null;
  refusal: BankRefusal | null;
  executedAt: string | null;
}
