import { formatMoney } from '@domain/values/money.value-object';
import type { Statement } from './statement';

export const STATEMENT_CSV_COLUMNS = [
  'row',
  'posted_at',
  'kind',
  'reference',
  'document_number',
  'debit',
  'credit',
  'balance',
  'counterparty_name',
  'counterparty_bin_iin',
  'counterparty_iban',
  'knp',
  'purpose',
] as const;

/** RFC 4180 field. */
const field = (value: string | null): string => {
  if (value === null || value === '') return '';
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
};

/**
 * Text a partner or a counterparty typed (names, purposes) could start with a formula
 * character that a spreadsheet would run; it gets a leading apostrophe (OWASP's advice on
 * CSV injection). Only such text: amounts and dates are written as they are.
 */
const text = (value: string | null | undefined): string | null => (value ? (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value) : null);

/**
 * The statement as CSV (UTF-8, CRLF, header row): an OPENING_BALANCE row, one OPERATION
 * row per entry with the amount under `debit` or `credit`, and a CLOSING_BALANCE row whose
 * `debit` and `credit` are the period's totals.
 */
export function statementCsv(s: Statement): string {
  const rows: (string | null)[][] = [
    [...STATEMENT_CSV_COLUMNS],
    ['OPENING_BALANCE', s.from.toISOString(), null, null, null, null, null, formatMoney(s.summary.openingTiyn), null, null, null, null, null],
    ...s.operations.map((o) => [
      'OPERATION',
      o.postedAt.toISOString(),
      o.kind,
      o.reference,
      o.documentNumber,
      o.direction === 'DEBIT' ? formatMoney(o.amountTiyn) : null,
      o.direction === 'CREDIT' ? formatMoney(o.amountTiyn) : null,
      formatMoney(o.balanceAfterTiyn),
      text(o.counterparty?.name),
      text(o.counterparty?.binIin),
      text(o.counterparty?.iban),
      text(o.knp),
      text(o.purpose),
    ]),
    [
      'CLOSING_BALANCE',
      s.to.toISOString(),
      null,
      null,
      null,
      formatMoney(s.summary.debitTiyn),
      formatMoney(s.summary.creditTiyn),
      formatMoney(s.summary.closingTiyn),
      null,
      null,
      null,
      null,
      null,
    ],
  ];
  return rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
