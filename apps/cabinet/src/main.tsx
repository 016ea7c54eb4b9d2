import { StrictMode, useMemo } from 'react';
import { createRoot } from 'react-dom/client';
import { api, session, whenUnauthorized } from './api/client';
import { I18nProvider, LanguageSwitch, useI18n } from './i18n/i18n';
import { HomePage } from './pages/home-page';
import { LoginPage } from './pages/login-page';
import { PaymentFormPage } from './pages/payment-form-page';
import { PaymentPage } from './pages/payment-page';
import { LinkFlowPage } from './pages/link-flow-page';
import { recovery, registration } from './pages/link-flows';
import { StatementPage } from './pages/statement-page';
import { UsersPage } from './pages/users-page';
import { PolicyPage } from './pages/policy-page';
import { MeProvider } from './ui/me';
import { Link, navigate, usePath } from './ui/router';

whenUnauthorized(() => navigate('/login'));

/** Pages without a session (the e-mailed link, login) and pages behind one. */
function App() {
  const { t } = useI18n();
  const path = usePath();
  const link = /^\/(register|recover)\/([A-Za-z0-9_-]+)$/.exec(path);
  const flow = useMemo(() => (link ? (link[1] === 'register' ? registration : recovery)(link[2]!) : null), [link?.[0]]);
  const signedIn = session.get() !== null;
  const logout = async () => {
    await api.POST('/v1/auth/logout');
    session.clear();
    navigate('/login');
  };
  return (
    <>
      <header>
        <strong>{t('app.title')}</strong>
        {signedIn && <Link to="/">{t('app.home')}</Link>}
        {signedIn && (
          <Link to="/users" testId="nav-users">
            {t('nav.users')}
          </Link>
        )}
        {signedIn && (
          <Link to="/policy" testId="nav-policy">
            {t('nav.policy')}
          </Link>
        )}
        <span className="spacer" />
        <LanguageSwitch />
        {signedIn && (
          <button type="button" className="link" data-testid="logout" onClick={() => void logout()}>
            {t('app.logout')}
          </button>
        )}
      </header>
      <main>
        {flow ? (
          <LinkFlowPage flow={flow} />
        ) : path === '/login' || !signedIn ? (
          <LoginPage />
        ) : (
          <MeProvider key={session.get()} fallback={<p>{t('app.loading')}</p>}>
            <SignedIn path={path} />
          </MeProvider>
        )}
      </main>
    </>
  );
}

function SignedIn({ path }: { path: string }) {
  const { t } = useI18n();
  const payment = /^\/payments\/([0-9a-f-]{36})$/.exec(path);
  const statement = /^\/accounts\/([A-Z0-9]+)\/statement$/.exec(path);
  if (path === '/') return <HomePage />;
  if (path === '/payments/new') return <PaymentFormPage />;
  if (path === '/users') return <UsersPage />;
  if (path === '/policy') return <PolicyPage />;
  if (payment) return <PaymentPage id={payment[1]!} />;
  if (statement) return <StatementPage iban={statement[1]!} />;
  return <p>{t('app.notFound')}</p>;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <App />
    </I18nProvider>
  </StrictMode>,
);
