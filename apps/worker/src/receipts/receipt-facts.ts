import { formatMoney } from '@domain/values/money.value-object';
import { displayText } from '@domain/values/text.value-object';

/** What a payment's confirming document says (§2.5); read from the payment and its ledger posting. */
export interface ReceiptFacts {
  number: number;
  amount: string;
  createdAt: Date;
  valueDate: string;
  executedAt: Date;
  reference: string;
  payer: { name: string; bin: string; iban: string };
  beneficiary: { name: string; binIin: string; iban: string; bic: string; kbe: string };
  knp: string;
  purpose: string;
}

export interface ReceiptSource {
  number: number;
  amountTiyn: bigint;
  createdAt: Date;
  valueDate: Date;
  debitIban: string;
  beneficiaryName: string;
  beneficiaryBinIin: string;
  beneficiaryIban: string;
  beneficiaryBic: string;
  kbe: string;
  knp: string;
  purpose: string;
  partner: { name: string; bin: string };
}

/** Stored names and purpose pass displayText: rows written before the text policy may hold anything (§2.5 documents are read by others). */
export const receiptFacts = (p: ReceiptSource, posting: { id: string; recordedAt: Date }): ReceiptFacts => ({
  number: p.number,
  amount: formatMoney(p.amountTiyn),
  createdAt: p.createdAt,
  valueDate: p.valueDate.toISOString().slice(0, 10),
  executedAt: posting.recordedAt,
  reference: posting.id,
  payer: { name: displayText(p.partner.name), bin: p.partner.bin, iban: p.debitIban },
  beneficiary: { name: displayText(p.beneficiaryName), binIin: p.beneficiaryBinIin, iban: p.beneficiaryIban, bic: p.beneficiaryBic, kbe: p.kbe },
  knp: p.knp,
  purpose: displayText(p.purpose),
});
