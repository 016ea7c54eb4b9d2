import type { Statement } from './statement';
import { statementCsv } from './statement-csv';

const base: Statement = {
  iban: 'KZ86125KZT5004100100',
  currency: 'KZT',
  holder: { name: 'ТОО «Тест»', bin: '123456789012' },
  from: new Date('2026-11-01T00:00:00.000Z'),
  to: new Date('2026-11-30T23:59:59.999Z'),
  summary: { openingTiyn: 100_00n, debitTiyn: 1n, creditTiyn: 0n, closingTiyn: 99_99n },
  operations: [],
};

const operation = (over: Partial<Statement['operations'][number]>): Statement['operations'][number] => ({
  postedAt: new Date('2026-11-02T10:00:00.000Z'),
  reference: 'ref-1',
  kind: 'PAYMENT',
  paymentId: null,
  documentNumber: '7',
  direction: 'DEBIT',
  amountTiyn: 1n,
  balanceAfterTiyn: 99_99n,
  counterparty: { name: 'ТОО «Алушы»', binIin: '060540001498', iban: 'KZ75125KZT2069100100' },
  knp: '710',
  purpose: 'Оплата',
  ...over,
});

const lines = (s: Statement) => statementCsv(s).split('\r\n');

describe('statement CSV (§2.6)', () => {
  it('frames the operations with an opening and a closing row carrying the totals', () => {
    expect(lines({ ...base, operations: [operation({})] })).toEqual([
      'row,posted_at,kind,reference,document_number,debit,credit,balance,counterparty_name,counterparty_bin_iin,counterparty_iban,knp,purpose',
      'OPENING_BALANCE,2026-11-01T00:00:00.000Z,,,,,,100.00,,,,,',
      'OPERATION,2026-11-02T10:00:00.000Z,PAYMENT,ref-1,7,0.01,,99.99,ТОО «Алушы»,060540001498,KZ75125KZT2069100100,710,Оплата',
      'CLOSING_BALANCE,2026-11-30T23:59:59.999Z,,,,0.01,0.00,99.99,,,,,',
      '',
    ]);
  });

  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    const row = lines({ ...base, operations: [operation({ purpose: 'a, "b"\nc' })] })[2]!;
    expect(row.endsWith(',710,"a, ""b""\nc"')).toBe(true);
  });

  it('defuses text a spreadsheet would run as a formula, never amounts', () => {
    for (const evil of ['=HYPERLINK("x")', '+7701', '-1', '@SUM(A1)']) {
      const row = lines({ ...base, operations: [operation({ counterparty: { name: evil, binIin: null, iban: null }, purpose: evil })] })[2]!;
      expect(row).not.toMatch(/,[=+\-@]/);
    }
    expect(lines({ ...base, summary: { ...base.summary, openingTiyn: -5n } })[1]).toContain(',-0.05,');
  });
});
