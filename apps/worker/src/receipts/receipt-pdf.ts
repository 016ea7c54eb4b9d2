import { almatyTime } from '../messages/local-time';
import { formatIban, type Iban } from '@domain/values/iban.value-object';
import { fields, renderPdf, type PdfFonts } from '@infra/pdf/pdf-document';
import type { Language } from '../messages/templates';
import type { ReceiptFacts } from './receipt-facts';

const LABELS = {
  kk: {
    title: (n: number) => `№${n} төлем тапсырмасы`,
    subtitle: 'Банктің орындалғанын растауы',
    status: 'Мәртебесі',
    executed: 'Орындалды',
    executedAt: 'Орындалған уақыты',
    created: 'Құжат күні',
    valueDate: 'Валюталау күні',
    amount: 'Сомасы',
    payer: 'Төлеуші',
    beneficiary: 'Алушы',
    bin: 'БСН',
    binIin: 'БСН/ЖСН',
    account: 'Шот',
    bic: 'БСК',
    kbe: 'КБе',
    knp: 'ТМК',
    purpose: 'Төлем мақсаты',
    reference: 'Банк референсі',
    note: 'Құжат банктің электрондық жүйесінде жасалды және қолтаңбасыз жарамды.',
  },
  ru: {
    title: (n: number) => `Платёжное поручение №${n}`,
    subtitle: 'Подтверждение исполнения банком',
    status: 'Статус',
    executed: 'Исполнено',
    executedAt: 'Дата и время исполнения',
    created: 'Дата документа',
    valueDate: 'Дата валютирования',
    amount: 'Сумма',
    payer: 'Плательщик',
    beneficiary: 'Получатель',
    bin: 'БИН',
    binIin: 'БИН/ИИН',
    account: 'Счёт',
    bic: 'БИК',
    kbe: 'КБе',
    knp: 'КНП',
    purpose: 'Назначение платежа',
    reference: 'Референс банка',
    note: 'Документ сформирован электронной системой банка и действителен без подписи.',
  },
} as const;

/** The bank's local time, as in the e-mail the document is attached to. */
const when = (d: Date) => almatyTime(d, 'seconds');
const iban = (value: string) => formatIban(value as Iban);

/** The confirming document of an executed payment (§2.5), attached to the receipt e-mail. */
export function receiptPdf(r: ReceiptFacts, lang: Language, fonts: PdfFonts): Promise<Buffer> {
  const t = LABELS[lang];
  return renderPdf(fonts, { title: t.title(r.number), subject: t.subtitle }, (doc) => {
    doc.font('bold').fontSize(14).text(t.title(r.number));
    doc.font('regular').fontSize(10).text(t.subtitle).moveDown(0.8);
    fields(doc, [
      [t.status, t.executed],
      [t.executedAt, when(r.executedAt)],
      [t.created, when(r.createdAt)],
      [t.valueDate, r.valueDate],
      [t.amount, `${r.amount} KZT`],
    ]);
    doc.moveDown(0.6).font('bold').fontSize(11).text(t.payer).moveDown(0.2);
    fields(doc, [
      [t.payer, r.payer.name],
      [t.bin, r.payer.bin],
      [t.account, iban(r.payer.iban)],
    ]);
    doc.moveDown(0.6).font('bold').fontSize(11).text(t.beneficiary).moveDown(0.2);
    fields(doc, [
      [t.beneficiary, r.beneficiary.name],
      [t.binIin, r.beneficiary.binIin],
      [t.account, iban(r.beneficiary.iban)],
      [t.bic, r.beneficiary.bic],
      [t.kbe, r.beneficiary.kbe],
    ]);
    doc.moveDown(0.6);
    fields(doc, [
      [t.knp, r.knp],
      [t.purpose, r.purpose],
      [t.reference, r.reference],
    ]);
    doc.moveDown(1.2).font('regular').fontSize(8).text(t.note);
  });
}
