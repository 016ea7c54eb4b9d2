import { useState, type FormEvent } from 'react';
import { api, idempotencyKey } from '../api/client';
import { extra, NONE, show, type Shown } from '../api/problem';
import type { Payment } from '../api/schema';
import { useI18n } from '../i18n/i18n';
import { CooldownButton } from '../ui/countdown';
import { ProblemMessage } from '../ui/field';
import { useSecurityParameters } from '../ui/security-parameters';
import { CodeInput } from '../ui/code-input';

/** §1.13: an SMS code bound to this document; the page says what the code confirms before it is typed. */
export function Confirmation({ payment, onConfirmed }: { payment: Payment; onConfirmed(): void }) {
  const { t } = useI18n();
  const params = useSecurityParameters();
  const [challenge, setChallenge] = useState<{ challengeId: string; expiresAt: string; resendAt: string } | null>(null);
  const [code, setCode] = useState('');
  const [shown, setShown] = useState<Shown>(NONE);
  const [busy, setBusy] = useState(false);
  const path = { id: payment.id };

  const request = async () => {
    setBusy(true);
    const { data, error } = await api.POST('/v1/payments/{id}/confirmations', { params: { path, header: { 'Idempotency-Key': idempotencyKey() } } });
    setBusy(false);
    if (data) {
      // The resend cooldown is the bank's published figure (§1.11), counted from now.
      const resendAt = new Date(Date.now() + (params?.codeResendCooldownSeconds ?? 60) * 1000).toISOString();
      setChallenge({ ...data, resendAt });
      setCode('');
      setShown(NONE);
      return;
    }
    const refused = show(error, t('app.unavailable'));
    const retryAfterMs = extra(refused.problem, 'retryAfterMs');
    if (challenge && retryAfterMs !== undefined) setChallenge({ ...challenge, resendAt: new Date(Date.now() + retryAfterMs).toISOString() });
    setShown(refused);
  };

  const verify = async (e: FormEvent) => {
    e.preventDefault();
    if (!challenge) return;
    setBusy(true);
    const { data, error } = await api.POST('/v1/payments/{id}/confirmations/{challengeId}/verify', {
      params: { path: { ...path, challengeId: challenge.challengeId } },
      body: { code },
    });
    setBusy(false);
    if (data) return onConfirmed();
    const refused = show(error, t('app.unavailable'));
    const left = extra(refused.problem, 'attemptsLeft');
    setShown({
      ...refused,
      fields: { code: [refused.fields.code ?? refused.message, left === undefined ? '' : t('code.attemptsLeft', { n: left })].join(' ').trim() },
      message: null,
    });
  };

  const what = t('payment.confirmsWhat', {
    number: payment.number,
    amount: payment.amount,
    name: payment.beneficiary.name,
    iban: payment.beneficiary.iban,
    debit: payment.debitIban,
  });
  if (!challenge) {
    return (
      <div>
        <button type="button" data-testid="confirm-payment" disabled={busy} onClick={() => void request()}>
          {t('payment.confirm')}
        </button>
        <ProblemMessage message={shown.message} />
      </div>
    );
  }
  return (
    <form onSubmit={(e) => void verify(e)} data-testid="confirmation">
      <p className="confirms" data-testid="confirms-what">
        {what}
      </p>
      <CodeInput expiresAt={challenge.expiresAt} code={code} onCode={setCode} error={shown.fields.code} />
      <button type="submit" data-testid="verify" disabled={busy}>
        {t('payment.verify')}
      </button>
      <CooldownButton availableAt={challenge.resendAt} onClick={() => void request()} label={t('code.resend')} busy={busy} />
      <ProblemMessage message={shown.message} />
    </form>
  );
}

/** §2.5: the confirmation document of an executed payment, sent to the signed-in user. */
export function Receipt({ id }: { id: string }) {
  const { t } = useI18n();
  const [sent, setSent] = useState(false);
  const [shown, setShown] = useState<Shown>(NONE);
  const send = async (channel: 'EMAIL' | 'SMS') => {
    const { data, error } = await api.POST('/v1/payments/{id}/receipt', {
      params: { path: { id }, header: { 'Idempotency-Key': idempotencyKey() } },
      body: { channel },
    });
    setSent(Boolean(data));
    setShown(data ? NONE : show(error, t('app.unavailable')));
  };
  return (
    <div>
      <button type="button" data-testid="receipt-email" onClick={() => void send('EMAIL')}>
        {t('receipt.email')}
      </button>
      <button type="button" data-testid="receipt-sms" onClick={() => void send('SMS')}>
        {t('receipt.sms')}
      </button>
      {sent && <p data-testid="receipt-sent">{t('receipt.sent')}</p>}
      <ProblemMessage message={shown.message} />
    </div>
  );
}
