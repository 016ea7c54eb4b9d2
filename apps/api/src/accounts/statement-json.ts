import { formatMoney } from '@domain/values/money.value-object';
import type { Statement } from './statement';

/** The statement as JSON: money as decimal strings in KZT, times as ISO 8601 UTC. */
export const statementJson = (s: Statement) => ({
  iban: s.iban,
  currency: s.currency,
  holder: s.holder,
  period: { from: s.from.toISOString(), to: s.to.toISOString() },
  openingBalance: formatMoney(s.summary.openingTiyn),
  totalDebit: formatMoney(s.summary.debitTiyn),
  totalCredit: formatMoney(s.summary.creditTiyn),
  closingBalance: formatMoney(s.summary.closingTiyn),
  operations: s.operations.map((o) => ({
    postedAt: o.postedAt.toISOString(),
    reference: o.reference,
    kind: o.kind,
    paymentId: o.paymentId,
    documentNumber: o.documentNumber,
    direction: o.direction,
    amount: formatMoney(o.amountTiyn),
    balanceAfter: formatMoney(o.balanceAfterTiyn),
    counterparty: o.counterparty,
    knp: o.knp,
    purpose: o.purpose,
  })),
});
