/** What the receipt workflow is started with: ids and the channel — no personal data. */
export interface ReceiptInput {
  paymentId: string;
  /** The payer, for the audit trail of the delivery (§1.15). */
  partnerId: string;
  /** The requesting user: the e-mail or phone the document goes to is theirs (§2.5). */
  userId: string;
  channel: 'EMAIL' | 'SMS';
}

/** SENT; CANCELLED when the user was blocked first (§1.14); NOT_SENT when nothing could be sent (see the activity). */
export type ReceiptOutcome = 'SENT' | 'CANCELLED' | 'NOT_SENT';

/**
 * One receipt request per id: `key` is the caller's Idempotency-Key (or a fresh UUID), so
 * a repeated request starts nothing new and nothing goes twice. Per user, so two users'
 * keys never meet.
 */
export const receiptWorkflowId = (paymentId: string, userId: string, key: string) => `receipt-${paymentId}-${userId}-${key}`;
