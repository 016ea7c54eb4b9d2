import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { NONE, show, type Shown } from '../api/problem';
import type { Schemas } from '../api/schema';
import { useI18n } from '../i18n/i18n';
import { Field, ProblemMessage } from '../ui/field';

const today = (): string => new Date().toISOString().slice(0, 10);
const FORMATS = { csv: 'text/csv', pdf: 'application/pdf' } as const;

/** §2.6: the statement for a period, on screen (JSON) or as a file (CSV, PDF) by `Accept`. */
export function StatementPage({ iban }: { iban: string }) {
  const { t } = useI18n();
  const [period, setPeriod] = useState({ from: today(), to: today() });
  const [statement, setStatement] = useState<Schemas['Statement'] | null>(null);
  const [shown, setShown] = useState<Shown>(NONE);
  const params = { path: { iban }, query: period };

  const load = async () => {
    const { data, error } = await api.GET('/v1/accounts/{iban}/statement', { params });
    // Without an Accept header the API answers JSON; the other media types are for downloads.
    const json = typeof data === 'object' ? data : null;
    setStatement(json);
    setShown(json ? NONE : show(error, t('app.unavailable')));
  };
  useEffect(() => void load(), [iban]);

  const download = async (format: keyof typeof FORMATS) => {
    const { data, error, response } = await api.GET('/v1/accounts/{iban}/statement', { params, headers: { accept: FORMATS[format] }, parseAs: 'blob' });
    if (!data) return setShown(show(error, t('app.unavailable')));
    const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? `statement.${format}`;
    const url = URL.createObjectURL(data);
    const a = Object.assign(document.createElement('a'), { href: url, download: name });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void load();
  };
  return (
    <section data-testid="statement">
      <h1>{t('statement.title', { iban })}</h1>
      <form onSubmit={submit}>
        <Field
          path="from"
          label={t('statement.from')}
          type="date"
          error={shown.fields.from}
          value={period.from}
          onChange={(e) => setPeriod({ ...period, from: e.target.value })}
        />
        <Field
          path="to"
          label={t('statement.to')}
          type="date"
          error={shown.fields.to}
          value={period.to}
          onChange={(e) => setPeriod({ ...period, to: e.target.value })}
        />
        <button type="submit" data-testid="show-statement">
          {t('statement.show')}
        </button>
        <button type="button" data-testid="download-csv" onClick={() => void download('csv')}>
          {t('statement.csv')}
        </button>
        <button type="button" data-testid="download-pdf" onClick={() => void download('pdf')}>
          {t('statement.pdf')}
        </button>
      </form>
      <ProblemMessage message={shown.message} />
      {statement && (
        <>
          <p>
            {t('statement.opening')}: <span data-testid="opening">{statement.openingBalance}</span> · {t('statement.closing')}:{' '}
            <span data-testid="closing">{statement.closingBalance}</span> {statement.currency}
          </p>
          {statement.operations.length === 0 ? (
            <p>{t('statement.none')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th>{t('statement.date')}</th>
                  <th>{t('statement.document')}</th>
                  <th>{t('statement.counterparty')}</th>
                  <th>{t('statement.amount')}</th>
                  <th>{t('statement.purpose')}</th>
                </tr>
              </thead>
              <tbody>
                {statement.operations.map((op) => (
                  <tr key={op.reference} data-testid="operation" data-payment-id={op.paymentId ?? undefined}>
                    <td>{op.postedAt.slice(0, 10)}</td>
                    <td>{op.documentNumber ?? '—'}</td>
                    <td>{op.counterparty?.name ?? '—'}</td>
                    <td>
                      {op.direction === 'DEBIT' ? '−' : '+'}
                      {op.amount} <small>{t(op.direction === 'DEBIT' ? 'statement.debit' : 'statement.credit')}</small>
                    </td>
                    <td>{op.purpose ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
