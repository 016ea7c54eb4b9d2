import { domainError, type DomainError } from '../domain-error';

/**
 * Why the bank refused to execute a payment (§2.4). Recorded with the posting and shown
 * to the cabinet as the payment's refusal reason, so the texts speak to the partner.
 */
export const LedgerRefusalCode = {
  INVALID_AMOUNT: 'LEDGER.INVALID_AMOUNT',
  DEBIT_ACCOUNT_NOT_FOUND: 'LEDGER.DEBIT_ACCOUNT_NOT_FOUND',
  SAME_ACCOUNT: 'LEDGER.SAME_ACCOUNT',
  ACCOUNT_BLOCKED: 'LEDGER.ACCOUNT_BLOCKED',
  INSUFFICIENT_FUNDS: 'LEDGER.INSUFFICIENT_FUNDS',
} as const;
export type LedgerRefusalCode = (typeof LedgerRefusalCode)[keyof typeof LedgerRefusalCode];

export interface LedgerRefusal {
  readonly code: LedgerRefusalCode;
  readonly reason: string;
}

/** Refusals of cabinet and operator requests about accounts, statements and receipts. */
export const AccountErrorCode = {
  NOT_FOUND: 'ACCOUNT.NOT_FOUND',
  INVALID_PERIOD: 'STATEMENT.INVALID_PERIOD',
  RECEIPT_NOT_EXECUTED: 'RECEIPT.PAYMENT_NOT_EXECUTED',
} as const;

/** Unknown, or another partner's: the same answer, so IBANs of other partners can't be probed. */
export const accountNotFound = (): DomainError => domainError(AccountErrorCode.NOT_FOUND, 'NOT_FOUND', 'No such account.');

/** §2.5: a confirming document exists only once the bank has executed the payment. */
export const receiptNotExecuted = (status: string): DomainError =>
  domainError(AccountErrorCode.RECEIPT_NOT_EXECUTED, 'CONFLICT', 'A confirming document is issued only for an executed payment.', { state: status });
