/**
 * Bank execution, statements and receipts (§2.4–§2.6).
 *
 * Ledger (ledger.rules.ts): double entry. A posting's legs debit and credit accounts —
 * partners' accounts by IBAN, the bank's own by `BankAccountCode` (CLEARING for payments
 * to other banks, OPENING as the counterpart of opening balances). Credits raise and debits
 * lower every balance, so the ledger sums to zero. `postingProblems` / `assertBalancedPosting`:
 * debits == credits, positive amounts, at least two legs.
 *
 * Execution (execution.rules.ts): only a payment in SENT_TO_BANK is executed (`awaitsExecution`);
 * `decideExecution(facts)` → legs, or a refusal recorded
 * for the payment: LEDGER.INVALID_AMOUNT, LEDGER.DEBIT_ACCOUNT_NOT_FOUND (missing or not the
 * payer's), LEDGER.SAME_ACCOUNT, LEDGER.ACCOUNT_BLOCKED (debit account), LEDGER.INSUFFICIENT_FUNDS.
 *
 * Statements (statement.rules.ts): `statementQuerySchema` (`from`, `to`: a UTC day or an
 * instant with offset, both inclusive, at most MAX_STATEMENT_DAYS) → STATEMENT.INVALID_PERIOD
 * as 400 field errors; `summarizeStatement` proves opening + credits − debits = closing.
 *
 * Receipts (receipt.rules.ts): channel EMAIL | SMS; `receiptRefusal` → RECEIPT.PAYMENT_NOT_EXECUTED
 * (CONFLICT) unless the ledger executed the payment. ACCOUNT.NOT_FOUND (NOT_FOUND) for an
 * unknown IBAN or another partner's.
 */
export {
  assertBalancedPosting,
  balanceAfter,
  BankAccountCode,
  ledgerAccountKey,
  legTotals,
  postingProblems,
  type LedgerAccountRef,
  type LedgerDirection,
  type LedgerLeg,
} from './ledger.rules';
export { awaitsExecution, decideExecution, type ExecutionDecision, type ExecutionFacts } from './execution.rules';
export {
  MAX_STATEMENT_DAYS,
  parseStatementBound,
  statementQuerySchema,
  summarizeStatement,
  type StatementLine,
  type StatementPeriod,
  type StatementSummary,
} from './statement.rules';
export { RECEIPT_CHANNELS, receiptRefusal, receiptRequestSchema, type ReceiptChannel } from './receipt.rules';
export { accountNotFound, AccountErrorCode, LedgerRefusalCode, receiptNotExecuted, type LedgerRefusal } from './ledger.errors';
