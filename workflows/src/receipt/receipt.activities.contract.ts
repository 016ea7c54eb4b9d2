import type { ReceiptInput } from './receipt.messages';

/** The I/O the receipt workflow orders; implemented in apps/worker. Idempotent. */
export interface ReceiptActivities {
  /**
   * Sends the executed payment's confirming document to the requesting user (§2.5): by
   * e-mail with the PDF attached, or a short SMS. Keyed by the workflow id, so a retry
   * never sends twice.
   */
  sendPaymentReceipt(input: ReceiptInput & { workflowId: string }): Promise<void>;
}
