import type { LedgerDirection, StatementSummary } from '@domain/ledger';

/** One line of a statement (§2.6): an entry of the ledger on the account. */
export interface StatementOperation {
  postedAt: Date;
  /** The ledger posting; unique, quotable to the bank. */
  reference: string;
  kind: 'OPENING' | 'PAYMENT';
  /** The partner's own payment document, on its debits; null otherwise. */
  paymentId: string | null;
  documentNumber: string | null;
  direction: LedgerDirection;
  amountTiyn: bigint;
  balanceAfterTiyn: bigint;
  counterparty: { name: string | null; binIin: string | null; iban: string | null } | null;
  knp: string | null;
  purpose: string | null;
}

export interface Statement {
  iban: string;
  currency: string;
  holder: { name: string; bin: string };
  /** Inclusive bounds as instants. */
  from: Date;
  to: Date;
  summary: StatementSummary;
  operations: StatementOperation[];
}
