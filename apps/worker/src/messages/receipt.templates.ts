/**
 * Texts of a payment's confirming document (§2.5) in the user's language. The SMS is
 * short — number, amount, beneficiary, status — and never carries the login.
 */
import type { ReceiptFacts } from '../receipts/receipt-facts';
import type { Language } from './templates';

const when = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
const short = (text: string, max = 40) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

export const receiptMail = (lang: Language, p: { fullName: string; r: ReceiptFacts }) => {
  const { r } = p;
  return lang === 'ru'
    ? {
        subject: `Подтверждение исполнения платежа №${r.number}`,
        text:
          `Здравствуйте, ${p.fullName}!\n\n` +
          `Банк исполнил платёжное поручение №${r.number}.\n` +
          `Сумма: ${r.amount} KZT\n` +
          `Получатель: ${r.beneficiary.name}, БИН/ИИН ${r.beneficiary.binIin}, счёт ${r.beneficiary.iban}\n` +
          `Назначение платежа: ${r.purpose}\n` +
          `Исполнено: ${when(r.executedAt)}\n` +
          `Референс банка: ${r.reference}\n\n` +
          'Подтверждающий документ — во вложении (PDF).',
      }
    : {
        subject: `№${r.number} төлемнің орындалғанын растау`,
        text:
          `Сәлеметсіз бе, ${p.fullName}!\n\n` +
          `Банк №${r.number} төлем тапсырмасын орындады.\n` +
          `Сомасы: ${r.amount} KZT\n` +
          `Алушы: ${r.beneficiary.name}, БСН/ЖСН ${r.beneficiary.binIin}, шот ${r.beneficiary.iban}\n` +
          `Төлем мақсаты: ${r.purpose}\n` +
          `Орындалған уақыты: ${when(r.executedAt)}\n` +
          `Банк референсі: ${r.reference}\n\n` +
          'Растайтын құжат тіркемеде (PDF).',
      };
};

export const receiptSms = (lang: Language, r: ReceiptFacts) =>
  lang === 'ru'
    ? `Платёж №${r.number} на ${r.amount} KZT, получатель ${short(r.beneficiary.name)}: исполнен.`
    : `№${r.number} төлем ${r.amount} KZT, алушы ${short(r.beneficiary.name)}: орындалды.`;
