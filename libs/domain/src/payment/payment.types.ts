import type { Actor } from '../access-level';
import type { ApprovalPolicy } from './approval-policy';

export interface PaymentInput {
  readonly author: Actor;
  /** Whole tiyn as a decimal string (see approval-policy.ts). */
  readonly amountTiyn: string;
  readonly at: number;
}

/** One full-access user's confirmation (§1.2.1), for one version of the document. */
export interface PaymentConfirmation {
  readonly userId: string;
  readonly version: number;
  readonly at: number;
}

export interface PaymentContext {
  readonly partnerId: string;
  readonly authorId: string;
  readonly amountTiyn: string;
  /** Bumped by every edit and return; codes and confirmations name the version they were for. */
  readonly version: number;
  readonly createdAt: number;
  /** The partner's policy as it was at submission; null in draft. */
  readonly policy: ApprovalPolicy | null;
  /** 0 in draft; set from `policy` at submission. */
  readonly requiredConfirmations: number;
  readonly confirmations: ReadonlyArray<PaymentConfirmation>;
  readonly submittedAt: number | null;
  /** When the last full confirmation sent it to the bank; null while (again) being confirmed. */
  readonly sentAt: number | null;
  /** When the bank handed it to core banking for execution (§2.4); from then on it is never withdrawn. */
  readonly handedToCoreBankingAt: number | null;
  readonly returnReason: string | null;
  readonly bankReason: string | null;
  readonly cancelledBy: string | null;
}

/** Times are epoch ms from the workflow clock; cabinet commands carry the acting user. */
export type PaymentEvent =
  | { readonly type: 'EDIT'; readonly actor: Actor; readonly amountTiyn: string; readonly at: number }
  | { readonly type: 'SUBMIT'; readonly actor: Actor; readonly policy: ApprovalPolicy; readonly at: number }
  | { readonly type: 'CONFIRM'; readonly actor: Actor; readonly version: number; readonly at: number }
  | { readonly type: 'RETURN'; readonly actor: Actor; readonly reason: string; readonly at: number }
  | { readonly type: 'CANCEL'; readonly actor: Actor; readonly at: number }
  | { readonly type: 'WITHDRAW_CONFIRMATION'; readonly userId: string; readonly at: number }
  | { readonly type: 'HANDED_TO_CORE_BANKING'; readonly at: number }
  | { readonly type: 'BANK_EXECUTED'; readonly at: number }
  | { readonly type: 'BANK_REFUSED'; readonly reason: string; readonly at: number }
  | { readonly type: 'EXPIRED'; readonly at: number };

export type PaymentStateValue =
  'draft' | 'awaitingConfirmation' | 'partiallyConfirmed' | 'sentToBank' | 'handedToCoreBanking' | 'executed' | 'refused' | 'cancelled' | 'expired';

export type PaymentStatus = 'DRAFT' | 'AWAITING_CONFIRMATION' | 'PARTIALLY_CONFIRMED' | 'SENT_TO_BANK' | 'EXECUTED' | 'REFUSED' | 'CANCELLED' | 'EXPIRED';
