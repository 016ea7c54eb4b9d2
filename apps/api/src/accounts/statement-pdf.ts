import { formatIban, type Iban } from '@domain/values/iban.value-object';
import { formatMoney } from '@domain/values/money.value-object';
import { fields, renderPdf, table, type PdfFonts } from '@infra/pdf/pdf-document';
import type { Statement } from './statement';

type Language = 'kk' | 'ru';

const LABELS = {
  kk: {
    title: 'Шот бойынша үзінді көшірме',
    account: 'Шот',
    holder: 'Шот иесі',
    bin: 'БСН',
    period: 'Кезең',
    opening: 'Кезең басындағы қалдық',
    debit: 'Дебет бойынша айналым',
    credit: 'Кредит бойынша айналым',
    closing: 'Кезең соңындағы қалдық',
    generated: 'Жасалған уақыты',
    date: 'Күні',
    doc: 'Құжат №',
    counterparty: 'Контрагент',
    purpose: 'Төлем мақсаты',
    knp: 'ТМК',
    balance: 'Қалдық',
    none: 'Кезеңде операциялар болған жоқ.',
    openingEntry: 'Шот ашылған кездегі қалдық',
  },
  ru: {
    title: 'Выписка по счёту',
    account: 'Счёт',
    holder: 'Владелец счёта',
    bin: 'БИН',
    period: 'Период',
    opening: 'Входящий остаток',
    debit: 'Обороты по дебету',
    credit: 'Обороты по кредиту',
    closing: 'Исходящий остаток',
    generated: 'Сформирована',
    date: 'Дата',
    doc: 'Документ №',
    counterparty: 'Контрагент',
    purpose: 'Назначение платежа',
    knp: 'КНП',
    balance: 'Остаток',
    none: 'За период операций не было.',
    openingEntry: 'Остаток при открытии счёта',
  },
} as const;

const when = (d: Date) => `${d.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
const kzt = (tiyn: bigint) => `${formatMoney(tiyn)} KZT`;

/** The statement as a printable A4 document in the user's language (§2.6). */
export function statementPdf(s: Statement, lang: Language, fonts: PdfFonts, now = new Date()): Promise<Buffer> {
  const t = LABELS[lang];
  return renderPdf(fonts, { title: `${t.title} ${s.iban}`, subject: `${when(s.from)} – ${when(s.to)}` }, (doc) => {
    doc.font('bold').fontSize(14).text(t.title).moveDown(0.5);
    fields(doc, [
      [t.account, `${formatIban(s.iban as Iban)} (${s.currency})`],
      [t.holder, s.holder.name],
      [t.bin, s.holder.bin],
      [t.period, `${when(s.from)} – ${when(s.to)}`],
      [t.opening, kzt(s.summary.openingTiyn)],
      [t.debit, kzt(s.summary.debitTiyn)],
      [t.credit, kzt(s.summary.creditTiyn)],
      [t.closing, kzt(s.summary.closingTiyn)],
      [t.generated, when(now)],
    ]);
    doc.moveDown(0.8);
    if (s.operations.length === 0) {
      doc.font('regular').fontSize(9).text(t.none);
      return;
    }
    table(
      doc,
      [
        // 515 pt: the width of A4 inside 40 pt margins.
        { header: t.date, width: 60 },
        { header: t.doc, width: 34 },
        { header: t.counterparty, width: 112 },
        { header: t.purpose, width: 112 },
        { header: t.knp, width: 24 },
        { header: 'Дебет', width: 56, align: 'right' },
        { header: 'Кредит', width: 56, align: 'right' },
        { header: t.balance, width: 61, align: 'right' },
      ],
      s.operations.map((o) => [
        when(o.postedAt),
        o.documentNumber ?? '',
        o.counterparty ? [o.counterparty.name, o.counterparty.binIin, o.counterparty.iban].filter(Boolean).join('\n') : '',
        o.kind === 'OPENING' ? t.openingEntry : (o.purpose ?? ''),
        o.knp ?? '',
        o.direction === 'DEBIT' ? formatMoney(o.amountTiyn) : '',
        o.direction === 'CREDIT' ? formatMoney(o.amountTiyn) : '',
        formatMoney(o.balanceAfterTiyn),
      ]),
    );
  });
}
