import { useEffect, useState, type FormEvent } from 'react';
import { api, idempotencyKey } from '../api/client';
import { NONE, show, unplaced, type Shown } from '../api/problem';
import type { Schemas } from '../api/schema';
import { useI18n } from '../i18n/i18n';
import type { Key } from '../i18n/ru';
import { Field, ProblemMessage } from '../ui/field';
import { navigate } from '../ui/router';

type Draft = Schemas['CreatePayment'];
const EMPTY: Draft = { debitIban: '', amount: '', beneficiary: { name: '', binIin: '', iban: '', bic: '', kbe: '' }, knp: '', purpose: '' };

// Field paths exactly as the API names them in problem+json `errors[].path`.
const TOP = ['amount', 'knp', 'purpose'] as const;
const BENEFICIARY = ['name', 'binIin', 'iban', 'bic', 'kbe'] as const;
const PLACED = ['debitIban', ...TOP, ...BENEFICIARY.map((name) => `beneficiary.${name}`)];

/** A draft (§2.4): saved as DRAFT, then submitted from its own page. The API validates every field. */
export function PaymentFormPage() {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [accounts, setAccounts] = useState<string[]>([]);
  const [shown, setShown] = useState<Shown>(NONE);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void api.GET('/v1/accounts').then(({ data }) => {
      const ibans = data?.items.map((a) => a.iban) ?? [];
      setAccounts(ibans);
      setDraft((d) => ({ ...d, debitIban: d.debitIban || (ibans[0] ?? '') }));
    });
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const { data, error } = await api.POST('/v1/payments', { params: { header: { 'Idempotency-Key': idempotencyKey() } }, body: draft });
    setBusy(false);
    if (data) navigate(`/payments/${data.id}`);
    else setShown(show(error, t('app.unavailable')));
  };

  return (
    <section>
      <h1>{t('payment.newTitle')}</h1>
      <form onSubmit={(e) => void submit(e)} data-testid="payment-form">
        <Field path="debitIban" label={t('payment.debitIban')} error={shown.fields.debitIban}>
          <select id="field-debitIban" name="debitIban" value={draft.debitIban} onChange={(e) => setDraft({ ...draft, debitIban: e.target.value })}>
            {accounts.map((iban) => (
              <option key={iban}>{iban}</option>
            ))}
          </select>
        </Field>
        {BENEFICIARY.map((name) => (
          <Field
            key={name}
            path={`beneficiary.${name}`}
            label={t(`payment.beneficiary.${name}` as Key)}
            error={shown.fields[`beneficiary.${name}`]}
            value={draft.beneficiary[name]}
            onChange={(e) => setDraft({ ...draft, beneficiary: { ...draft.beneficiary, [name]: e.target.value } })}
          />
        ))}
        {TOP.map((name) => (
          <Field
            key={name}
            path={name}
            label={t(`payment.${name}`)}
            error={shown.fields[name]}
            value={draft[name]}
            onChange={(e) => setDraft({ ...draft, [name]: e.target.value })}
          />
        ))}
        <button type="submit" data-testid="create-payment" disabled={busy}>
          {t('payment.create')}
        </button>
        <ProblemMessage message={shown.message ?? unplaced(shown, PLACED)} />
      </form>
    </section>
  );
}
