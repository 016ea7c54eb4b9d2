import { useEffect, useState } from 'react';
import { api } from '../api/client';
import { NONE, show, type Shown } from '../api/problem';
import type { Payment } from '../api/schema';
import { useI18n } from '../i18n/i18n';
import { ProblemMessage } from '../ui/field';
import { can, useMe } from '../ui/me';
import { Confirmation, Receipt } from './payment-actions';

const WAITING = ['AWAITING_CONFIRMATION', 'PARTIALLY_CONFIRMED'];

/** One document: submit a draft; confirm with an SMS code bound to it (§1.13); watch it reach the bank. */
export function PaymentPage({ id }: { id: string }) {
  const { t } = useI18n();
  const me = useMe();
  const [payment, setPayment] = useState<Payment | null>(null);
  const [shown, setShown] = useState<Shown>(NONE);
  const [busy, setBusy] = useState(false);
  const path = { params: { path: { id } } };

  const load = async () => {
    const { data, error } = await api.GET('/v1/payments/{id}', path);
    if (data) setPayment(data);
    else setShown(show(error, t('app.unavailable')));
  };
  useEffect(() => void load(), [id]);
  // The bank executes on its own: poll while the document is with the bank.
  useEffect(() => {
    if (payment?.status !== 'SENT_TO_BANK') return;
    const timer = setInterval(() => void load(), 1000);
    return () => clearInterval(timer);
  }, [payment?.status]);

  const submit = async () => {
    setBusy(true);
    const { error } = await api.POST('/v1/payments/{id}/submit', path);
    setBusy(false);
    setShown(error ? show(error, t('app.unavailable')) : NONE);
    await load();
  };

  if (!payment) return <ProblemMessage message={shown.message} />;
  const mayConfirm = WAITING.includes(payment.status) && can(me, 'PAYMENT_CONFIRM') && !payment.confirmations.some((c) => c.userId === me.user.userId);
  return (
    <section data-testid="payment" data-status={payment.status}>
      <h1>{t('payment.title', { number: payment.number })}</h1>
      <p>
        {t('payment.status')}: <strong data-testid="payment-status">{t(`status.${payment.status}`)}</strong>
        {payment.requiredConfirmations !== null && <> · {t('payment.confirmations', { n: payment.confirmations.length, m: payment.requiredConfirmations })}</>}
      </p>
      <table>
        <tbody>
          <tr>
            <th>{t('payment.debitIban')}</th>
            <td>{payment.debitIban}</td>
          </tr>
          <tr>
            <th>{t('payment.amount')}</th>
            <td data-testid="payment-amount">{payment.amount}</td>
          </tr>
          <tr>
            <th>{t('payment.beneficiary.name')}</th>
            <td>{payment.beneficiary.name}</td>
          </tr>
          <tr>
            <th>{t('payment.beneficiary.binIin')}</th>
            <td>{payment.beneficiary.binIin}</td>
          </tr>
          <tr>
            <th>{t('payment.beneficiary.iban')}</th>
            <td>{payment.beneficiary.iban}</td>
          </tr>
          <tr>
            <th>{t('payment.beneficiary.bic')}</th>
            <td>{payment.beneficiary.bic}</td>
          </tr>
          <tr>
            <th>
              {t('payment.knp')} / {t('payment.beneficiary.kbe')}
            </th>
            <td>
              {payment.knp} / {payment.beneficiary.kbe}
            </td>
          </tr>
          <tr>
            <th>{t('payment.purpose')}</th>
            <td>{payment.purpose}</td>
          </tr>
          <tr>
            <th>{t('payment.valueDate')}</th>
            <td>{payment.valueDate}</td>
          </tr>
        </tbody>
      </table>
      {payment.refusal && <p className="problem">{t('payment.refusal', { reason: payment.refusal.reason ?? payment.refusal.code })}</p>}
      {payment.status === 'DRAFT' && can(me, 'PAYMENT_SUBMIT') && (
        <button type="button" data-testid="submit-payment" disabled={busy} onClick={() => void submit()}>
          {t('payment.submit')}
        </button>
      )}
      {mayConfirm && <Confirmation payment={payment} onConfirmed={() => void load()} />}
      {payment.status === 'EXECUTED' && can(me, 'PAYMENT_RECEIPT') && <Receipt id={payment.id} />}
      <ProblemMessage message={shown.message} />
    </section>
  );
}
