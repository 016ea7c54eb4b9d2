/**
 * SMS of the payment flows (§1.13), in the user's language (Kazakh by default, Russian on
 * request). A confirmation code's SMS states what it confirms — document number, amount,
 * beneficiary and their account — so the user can see a code was asked for something else.
 * The code comes first (phones offer to autofill it); never the login.
 */
import { formatMoney } from '@domain/values/money.value-object';
import type { ApprovalPolicy } from '@domain/payment';
import { smsValue } from './sms-text';
import type { Language } from './templates';

const minutes = (ms: number) => Math.max(1, Math.round(ms / 60_000));
/**
 * Long names are cut so the SMS stays a few segments; the IBAN's end identifies the account.
 * Both pass through smsValue: nothing invisible or direction-changing may move the tail (§1.13).
 */
const shortName = (name: string) => smsValue(name, 40);
const ibanTail = (iban: string) => `…${smsValue(iban, 34).slice(-4)}`;

export interface PaymentSmsFacts {
  code: string;
  ttlMs: number;
  number: number;
  amountTiyn: bigint;
  beneficiaryName: string;
  beneficiaryIban: string;
}

export const paymentConfirmationSms = (lang: Language, p: PaymentSmsFacts) => {
  const amount = `${formatMoney(p.amountTiyn)} KZT`;
  const to = `${shortName(p.beneficiaryName)} ${ibanTail(p.beneficiaryIban)}`;
  return lang === 'ru'
    ? `Код ${p.code} подтверждает платёж №${p.number}: ${amount}, получатель ${to}. Действует ${minutes(p.ttlMs)} мин. Никому не сообщайте.`
    : `${p.code} коды №${p.number} төлемді растайды: ${amount}, алушы ${to}. ${minutes(p.ttlMs)} мин жарамды. Ешкімге айтпаңыз.`;
};

/** The tiers in a few words: "1 from 0.00 KZT; 2 from 1000000.00 KZT". */
const tiers = (policy: ApprovalPolicy, from: string) =>
  policy.rules.length === 0
    ? `1 ${from} 0.00 KZT`
    : [...policy.rules]
        .sort((a, b) => (BigInt(a.minAmountTiyn) < BigInt(b.minAmountTiyn) ? -1 : 1))
        .map((r) => `${r.requiredConfirmations} ${from} ${formatMoney(BigInt(r.minAmountTiyn))} KZT`)
        .join('; ');

export const policyChangeSms = (lang: Language, p: { code: string; ttlMs: number; policy: ApprovalPolicy }) =>
  lang === 'ru'
    ? `Код ${p.code} подтверждает новые правила подтверждения платежей (подтверждений: ${tiers(p.policy, 'от')}). Действует ${minutes(p.ttlMs)} мин. Никому не сообщайте.`
    : `${p.code} коды төлемдерді растаудың жаңа ережесін растайды (растаулар: ${tiers(p.policy, 'бастап')}). ${minutes(p.ttlMs)} мин жарамды. Ешкімге айтпаңыз.`;
