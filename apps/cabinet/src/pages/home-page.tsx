import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { Schemas } from '../api/schema';
import { useI18n } from '../i18n/i18n';
import { can, useMe } from '../ui/me';
import { Link } from '../ui/router';

/** /me, the accounts and the latest payments. */
export function HomePage() {
  const { t } = useI18n();
  const me = useMe();
  const [accounts, setAccounts] = useState<Schemas['Account'][]>([]);
  const [payments, setPayments] = useState<Schemas['PaymentPage']['items']>([]);
  useEffect(() => {
    if (can(me, 'ACCOUNT_VIEW')) void api.GET('/v1/accounts').then(({ data }) => data && setAccounts(data.items));
    if (can(me, 'PAYMENT_VIEW')) void api.GET('/v1/payments', { params: { query: { limit: 20 } } }).then(({ data }) => data && setPayments(data.items));
  }, [me]);

  return (
    <>
      <section data-testid="me">
        <h1 data-testid="me-name">{me.user.fullName}</h1>
        <p>
          {t('me.partner')}: <span data-testid="me-partner">{me.partner.name}</span> ({t('me.bin')} {me.partner.bin})
        </p>
        <p>
          {t('me.access')}: <span data-testid="me-access">{t(`access.${me.accessLevel}`)}</span> · {t('me.phone')}: {me.user.phoneMasked} · {me.user.login}
        </p>
      </section>
      <section>
        <h2>{t('accounts.title')}</h2>
        <table>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.iban} data-testid="account">
                <td>{a.iban}</td>
                <td>
                  {t('accounts.balance')}: <span data-testid="balance">{a.balance}</span> {a.currency}
                </td>
                <td>
                  {can(me, 'STATEMENT_VIEW') && (
                    <Link to={`/accounts/${a.iban}/statement`} testId={`statement-${a.iban}`}>
                      {t('accounts.statement')}
                    </Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section>
        <h2>{t('payments.title')}</h2>
        {can(me, 'PAYMENT_CREATE') && (
          <Link to="/payments/new" testId="new-payment">
            {t('payments.new')}
          </Link>
        )}
        {payments.length === 0 ? (
          <p>{t('payments.none')}</p>
        ) : (
          <table>
            <tbody>
              {payments.map((p) => (
                <tr key={p.id} data-testid="payment-row">
                  <td>
                    <Link to={`/payments/${p.id}`}>№ {p.number}</Link>
                  </td>
                  <td>{p.amount} KZT</td>
                  <td>{p.beneficiary.name}</td>
                  <td>{t(`status.${p.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
