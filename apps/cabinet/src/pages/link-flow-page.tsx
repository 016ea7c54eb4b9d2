import { useEffect, useState, type FormEvent } from 'react';
import { extra, NONE, show, type Shown } from '../api/problem';
import { useI18n } from '../i18n/i18n';
import { CooldownButton, Countdown } from '../ui/countdown';
import { Field, ProblemMessage } from '../ui/field';
import { Link } from '../ui/router';
import { useSecurityParameters } from '../ui/security-parameters';
import type { LinkFlow, View } from './link-flows';
import { PasswordRules } from './password-rules';
import { CodeInput } from '../ui/code-input';

/** The page an e-mailed link opens: /register/<token> (§1.7) or /recover/<token> (§1.12). */
export function LinkFlowPage({ flow }: { flow: LinkFlow }) {
  const { t } = useI18n();
  const [view, setView] = useState<View | null>(null);
  const [shown, setShown] = useState<Shown>(NONE);
  const [login, setLogin] = useState<string | null>(null);

  useEffect(() => {
    void flow.read().then(({ data, error }) => (data ? setView(data) : setShown(show(error, t('link.notFound')))));
  }, [flow]);

  if (login !== null) {
    return (
      <section data-testid="link-done">
        <p>{login ? t('register.done', { login }) : t('recover.done')}</p>
        <Link to={login ? `/login?login=${encodeURIComponent(login)}` : '/login'} testId="to-login">
          {t('register.toLogin')}
        </Link>
      </section>
    );
  }
  if (!view) return <ProblemMessage message={shown.message} />;
  return (
    <section data-testid={flow.kind} data-status={view.step}>
      <h1>{t(flow.kind === 'register' ? 'register.title' : 'recover.title')}</h1>
      <p>{t('link.intro', { email: view.emailMasked, phone: view.phoneMasked })}</p>
      <Countdown at={view.expiresAt} running="link.expiresIn" over="link.status.EXPIRED" testId="link-countdown" />
      {view.step === 'START' || view.step === 'CODE_SENT' ? (
        <CodeStep flow={flow} view={view} onChange={setView} />
      ) : view.step === 'CODE_VERIFIED' ? (
        <PasswordStep flow={flow} onDone={setLogin} />
      ) : (
        <p data-testid="link-ended">{t(`link.status.${view.step}`)}</p>
      )}
    </section>
  );
}

function CodeStep({ flow, view, onChange }: { flow: LinkFlow; view: View; onChange(view: View): void }) {
  const { t } = useI18n();
  const [code, setCode] = useState('');
  const [shown, setShown] = useState<Shown>(NONE);
  const [busy, setBusy] = useState(false);

  const send = async () => {
    setBusy(true);
    const { data, error } = await flow.sendCode();
    setBusy(false);
    if (data) {
      setShown(NONE);
      return onChange({ ...view, step: 'CODE_SENT', ...data });
    }
    const refused = show(error, t('app.unavailable'));
    const retryAfterMs = extra(refused.problem, 'retryAfterMs');
    if (retryAfterMs !== undefined) onChange({ ...view, resendAvailableAt: new Date(Date.now() + retryAfterMs).toISOString() });
    setShown(refused);
  };

  const verify = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const { data, error } = await flow.verify(code);
    setBusy(false);
    if (data) return onChange({ ...view, step: 'CODE_VERIFIED' });
    const refused = show(error, t('app.unavailable'));
    const left = extra(refused.problem, 'attemptsLeft');
    // A wrong code belongs to the code field, with the attempts left as the API counts them.
    const message = [refused.fields.code ?? refused.message, left === undefined ? '' : t('code.attemptsLeft', { n: left })].join(' ').trim();
    setShown({ ...refused, fields: { code: message }, message: null });
    if (refused.problem?.status === 409 || refused.problem?.status === 410 || left === 0) {
      const again = await flow.read();
      if (again.data) onChange(again.data);
    }
  };

  if (view.step === 'START') {
    return (
      <>
        {/* A phone that just got another code waits the cooldown out: the 429 says how long. */}
        <CooldownButton availableAt={view.resendAvailableAt} onClick={() => void send()} label={t('code.send')} busy={busy} testId="send-code" />
        <ProblemMessage message={shown.message} />
      </>
    );
  }
  return (
    <form onSubmit={(e) => void verify(e)}>
      <p>{t('code.sentTo', { phone: view.phoneMasked })}</p>
      <CodeInput expiresAt={view.codeExpiresAt} code={code} onCode={setCode} error={shown.fields.code} />
      <button type="submit" data-testid="verify" disabled={busy}>
        {t('register.verify')}
      </button>
      <CooldownButton availableAt={view.resendAvailableAt} onClick={() => void send()} label={t('code.resend')} busy={busy} />
      <ProblemMessage message={shown.message} />
    </form>
  );
}

function PasswordStep({ flow, onDone }: { flow: LinkFlow; onDone(login: string): void }) {
  const { t } = useI18n();
  const params = useSecurityParameters();
  const [password, setPassword] = useState('');
  const [shown, setShown] = useState<Shown>(NONE);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const { data, error } = await flow.setPassword(password);
    setBusy(false);
    if (data !== undefined) onDone(data);
    else setShown(show(error, t('app.unavailable')));
  };

  return (
    <form onSubmit={(e) => void submit(e)}>
      <h2>{t('register.passwordTitle')}</h2>
      <Field
        path="password"
        label={t('register.password')}
        type="password"
        autoComplete="new-password"
        error={shown.fields.password}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      {params && <PasswordRules policy={params.passwordPolicy} password={password} />}
      <button type="submit" data-testid="set-password" disabled={busy}>
        {t('register.setPassword')}
      </button>
      <ProblemMessage message={shown.message} />
    </form>
  );
}
