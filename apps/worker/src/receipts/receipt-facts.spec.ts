import { receiptFacts, type ReceiptSource } from './receipt-facts';

describe('receiptFacts', () => {
  it('shows stored names and purpose as a reader sees them: no bidi overrides, invisible characters or line breaks', () => {
    const source: ReceiptSource = {
      number: 7,
      amountTiyn: 150_000n,
      createdAt: new Date(0),
      valueDate: new Date(0),
      debitIban: 'KZ1',
      knp: '710',
      beneficiaryName: 'ТОО \u202E1234\u202C Береке\u200B',
      beneficiaryBinIin: '1',
      beneficiaryIban: 'KZ2',
      beneficiaryBic: 'B',
      kbe: '17',
      purpose: 'За услуги\nBcc: x',
      partner: { name: 'ТОО\u0000 Жұлдыз', bin: '2' },
    };
    const facts = receiptFacts(source, { id: 'ref-1', recordedAt: new Date(0) });
    expect(facts.beneficiary.name).toBe('ТОО 1234 Береке');
    expect(facts.purpose).toBe('За услуги Bcc: x');
    expect(facts.payer.name).toBe('ТОО Жұлдыз');
  });
});
