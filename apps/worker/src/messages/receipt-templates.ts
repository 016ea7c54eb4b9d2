/**
 * Texts of a payment's confirming document (§2.5) in the user's language. The SMS is
 * short — number, amount, beneficiary, status — and never carries the login; the e-mail
 * escapes every inserted value in its HTML part (`mailBody`).
 */
import { almatyTime } from './local-time';
import type { ReceiptFacts } from '../receipts/receipt-facts';
import { mailBody } from './mail-body';
import { smsValue } from './sms-text';
import type { Language } from './templates';

/** The bank's local time (Asia/Almaty), as every message shows times. */
const when = almatyTime;

export const receiptMail = (lang: Language, p: { fullName: string; r: ReceiptFacts }) => {
  // The organisation is the payer: its name is in the facts.
  const { r } = p;
  return lang === 'ru'
    ? {
        subject: `Подтверждение исполнения платежа №${r.number}`,
        ...mailBody`Здравствуйте, ${p.fullName}!

Банк исполнил платёжное поручение №${r.number} организации ${r.payer.name}.
Сумма: ${r.amount} KZT
Получатель: ${r.beneficiary.name}, БИН/ИИН ${r.beneficiary.binIin}, счёт ${r.beneficiary.iban}
Назначение платежа: ${r.purpose}
Исполнено: ${when(r.executedAt)}
Референс банка: ${r.reference}

Подтверждающий документ — во вложении (PDF).`,
      }
    : {
        subject: `№${r.number} төлемнің орындалғанын растау`,
        ...mailBody`Сәлеметсіз бе, ${p.fullName}!

Банк ${r.payer.name} ұйымының №${r.number} төлем тапсырмасын орындады.
Сомасы: ${r.amount} KZT
Алушы: ${r.beneficiary.name}, БСН/ЖСН ${r.beneficiary.binIin}, шот ${r.beneficiary.iban}
Төлем мақсаты: ${r.purpose}
Орындалған уақыты: ${when(r.executedAt)}
Банк референсі: ${r.reference}

Растайтын құжат тіркемеде (PDF).`,
      };
};

export const receiptSms = (lang: Language, r: ReceiptFacts) =>
  lang === 'ru'
    ? `Платёж №${r.number} на ${r.amount} KZT, получатель ${smsValue(r.beneficiary.name)}: исполнен.`
    : `№${r.number} төлем ${r.amount} KZT, алушы ${smsValue(r.beneficiary.name)}: орындалды.`;
