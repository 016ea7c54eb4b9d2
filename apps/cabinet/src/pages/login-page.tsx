import { useState, type FormEvent, type ReactNode } from 'react';
import { api, session } from '../api/client';
import { NONE, show, type Shown } from '../api/problem';
import { useI18n } from '../i18n/i18n';
import { CooldownButton } from '../ui/countdown';
import { Field, ProblemMessage } from '../ui/field';
import { navigate } from '../ui/router';
import { useSecurityParameters } from '../ui/security-parameters';
import { CodeInput } from '../ui/code-input';

type Mode = 'password' | 'code' | 'recovery';

/**
 * §1.16: sign in by password or by an SMS code, or ask for a recovery link (§1.12). The API
 * answers the same for an unknown login as for a wrong password, so this page does too.
 */
export function LoginPage() {
  const { t } = useI18n();
  const [mode, setMode] = useState<Mode>('password');
  const [login, setLogin] = useState(() => new URLSearchParams(window.location.search).get('login') ?? '');
  const loginField = (error?: string) => (
    <Field path="login" label={t('login.login')} autoComplete="username" error={error} value={login} onChange={(e) => setLogin(e.target.value)} />
  );
  return (
    <section>
      <h1>{t(mode === 'recovery' ? 'recover.title' : 'login.title')}</h1>
      {mode === 'password' && <PasswordLogin login={login} loginField={loginField} />}
      {mode === 'code' && <CodeLogin login={login} loginField={loginField} />}
      {mode === 'recovery' && <RecoveryRequest login={login} loginField={loginField} />}
      <p>
        {(['password', 'code', 'recovery'] as const)
          .filter((m) => m !== mode)
          .map((m) => (
            <button key={m} type="button" className="link" data-testid={`mode-${m}`} onClick={() => setMode(m)} style={{ marginRight: '1rem' }}>
              {t(m === 'password' ? 'login.byPassword' : m === 'code' ? 'login.byCode' : 'recover.ask')}
            </button>
          ))}
      </p>
    </section>
  );
}

interface ModeProps {
  login: string;
  loginField(error?: string): ReactNode;
}

const signedIn = (sessionKey: string) => {
  session.set(sessionKey);
  navigate('/');
};

function PasswordLogin({ login, loginField }: ModeProps) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [shown, setShown] = useState<Shown>(NONE);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const { data, error } = await api.POST('/v1/auth/login', { body: { login, password } });
    setBusy(false);
    if (data) signedIn(data.sessionKey);
    else setShown(show(error, t('app.unavailable')));
  };
  return (
    <form onSubmit={(e) => void submit(e)}>
      {loginField(shown.fields.login)}
      <Field
        path="password"
        label={t('login.password')}
        type="password"
        autoComplete="current-password"
        error={shown.fields.password}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <button type="submit" data-testid="login" disabled={busy}>
        {t('login.submit')}
      </button>
      <ProblemMessage message={shown.message} />
    </form>
  );
}

function CodeLogin({ login, loginField }: ModeProps) {
  const { t } = useI18n();
  const params = useSecurityParameters();
  const [challenge, setChallenge] = useState<{ challengeId: string; expiresAt: string; resendAt: string } | null>(null);
  const [code, setCode] = useState('');
  const [shown, setShown] = useState<Shown>(NONE);
  const [busy, setBusy] = useState(false);

  const request = async (e?: FormEvent) => {
    e?.preventDefault();
    setBusy(true);
    const { data, error } = await api.POST('/v1/auth/otp', { body: { login } });
    setBusy(false);
    if (!data) return setShown(show(error, t('app.unavailable')));
    setShown(NONE);
    setChallenge({ ...data, resendAt: new Date(Date.now() + (params?.codeResendCooldownSeconds ?? 60) * 1000).toISOString() });
  };
  const verify = async (e: FormEvent) => {
    e.preventDefault();
    if (!challenge) return;
    setBusy(true);
    const { data, error } = await api.POST('/v1/auth/otp/{challengeId}/verify', { params: { path: { challengeId: challenge.challengeId } }, body: { code } });
    setBusy(false);
    if (data) return signedIn(data.sessionKey);
    const refused = show(error, t('app.unavailable'));
    setShown({ ...refused, fields: { code: refused.fields.code ?? refused.message ?? '' }, message: null });
  };

  if (!challenge) {
    return (
      <form onSubmit={(e) => void request(e)}>
        {loginField(shown.fields.login)}
        <button type="submit" data-testid="login-send-code" disabled={busy}>
          {t('login.sendCode')}
        </button>
        <ProblemMessage message={shown.message} />
      </form>
    );
  }
  return (
    <form onSubmit={(e) => void verify(e)}>
      <CodeInput expiresAt={challenge.expiresAt} code={code} onCode={setCode} error={shown.fields.code} />
      <button type="submit" data-testid="login-verify" disabled={busy}>
        {t('login.submit')}
      </button>
      <CooldownButton availableAt={challenge.resendAt} onClick={() => void request()} label={t('code.resend')} busy={busy} />
      <ProblemMessage message={shown.message} />
    </form>
  );
}

function RecoveryRequest({ login, loginField }: ModeProps) {
  const { t } = useI18n();
  const [sent, setSent] = useState<number | null>(null);
  const [shown, setShown] = useState<Shown>(NONE);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const { data, error } = await api.POST('/v1/auth/recovery', { body: { login } });
    setBusy(false);
    if (data) setSent(data.linkTtlSeconds);
    else setShown(show(error, t('app.unavailable')));
  };
  if (sent !== null) return <p data-testid="recovery-requested">{t('recover.requested', { hours: Math.round(sent / 3600) })}</p>;
  return (
    <form onSubmit={(e) => void submit(e)}>
      {loginField(shown.fields.login)}
      <button type="submit" data-testid="recovery-request" disabled={busy}>
        {t('recover.request')}
      </button>
      <ProblemMessage message={shown.message} />
    </form>
  );
}
