import { receiptMail, receiptSms } from './receipt-templates';
import type { ReceiptFacts } from '../receipts/receipt-facts';

const facts: ReceiptFacts = {
  number: 42,
  amount: '150000.00',
  createdAt: new Date('2026-11-24T08:00:00Z'),
  valueDate: '2026-11-24',
  executedAt: new Date('2026-11-24T09:30:00Z'),
  reference: '7b1f7a3e-0000-4000-8000-000000000001',
  payer: { name: 'ТОО «Тест»', bin: '123456789012', iban: 'KZ86125KZT5004100100' },
  beneficiary: { name: 'ТОО «Очень длинное название получателя платежа»', binIin: '060540001498', iban: 'KZ75125KZT2069100100', bic: 'HSBKKZKX', kbe: '17' },
  knp: '710',
  purpose: 'Оплата по договору',
};

describe('receipt texts (§2.5)', () => {
  it('keeps the SMS short: number, amount, beneficiary (shortened) and status', () => {
    expect(receiptSms('ru', facts)).toBe('Платёж №42 на 150000.00 KZT, получатель ТОО «Очень длинное название получателя…: исполнен.');
    expect(receiptSms('kk', facts)).toBe('№42 төлем 150000.00 KZT, алушы ТОО «Очень длинное название получателя…: орындалды.');
  });

  it('names the payment, amount, beneficiary and the bank reference in the e-mail', () => {
    const mail = receiptMail('ru', { fullName: 'Айгерим', r: facts });
    expect(mail.subject).toBe('Подтверждение исполнения платежа №42');
    expect(mail.text).toContain('Сумма: 150000.00 KZT');
    expect(mail.text).toContain('Исполнено: 2026-11-24 14:30 (Алматы)');
    expect(mail.text).toContain(facts.reference);
  });
});
