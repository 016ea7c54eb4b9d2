/**
 * The core-banking port (§2.4) the payment workflow orders once a payment is fully confirmed.
 * Implemented in apps/worker/src/core-banking against the PostgreSQL ledger.
 */
export interface CoreBankingActivities {
  /** Posts the payment in the ledger at most once (idempotent by paymentId). */
  executePayment(input: { paymentId: string }): Promise<{ outcome: 'EXECUTED'; executedAt: string } | { outcome: 'REFUSED'; code: string; reason: string }>;
}
