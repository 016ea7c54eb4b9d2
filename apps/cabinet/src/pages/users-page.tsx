import { useEffect, useState, type FormEvent } from 'react';
import { api, idempotencyKey } from '../api/client';
import { extra, NONE, show, unplaced, type Shown } from '../api/problem';
import type { Schemas } from '../api/schema';
import { useI18n } from '../i18n/i18n';
import type { Key } from '../i18n/ru';
import { CooldownButton } from '../ui/countdown';
import { Field, ProblemMessage } from '../ui/field';
import { can, useMe } from '../ui/me';
import { CodeInput } from '../ui/code-input';

type Request = Pick<Schemas['SubUserRequest'], 'requestId' | 'status' | 'codeExpiresAt'>;
const SETTLED = ['INVITED', 'COMPLETED', 'REJECTED', 'EXPIRED', 'CANCELLED'];

/** §1.8: the partner's users; a full-access user adds a sub-user, confirmed by their own SMS code. */
export function UsersPage() {
  const { t } = useI18n();
  const me = useMe();
  const [users, setUsers] = useState<Schemas['User'][]>([]);
  const load = () => void api.GET('/v1/users').then(({ data }) => data && setUsers(data.items));
  useEffect(load, []);
  return (
    <>
      <section>
        <h1>{t('users.title')}</h1>
        <table>
          <tbody>
            {users.map((u) => (
              <tr key={u.userId} data-testid="user-row">
                <td>{u.fullName}</td>
                <td>{u.login}</td>
                <td>{u.phoneMasked}</td>
                <td>{t(`access.${u.accessLevel}`)}</td>
                <td>{t(`user.${u.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {can(me, 'USER_CREATE') && <NewSubUser onSettled={load} />}
    </>
  );
}

function NewSubUser({ onSettled }: { onSettled(): void }) {
  const { t } = useI18n();
  const [form, setForm] = useState({ fullName: '', email: '', phone: '' });
  const [request, setRequest] = useState<Request | null>(null);
  const [code, setCode] = useState('');
  const [shown, setShown] = useState<Shown>(NONE);
  const [busy, setBusy] = useState(false);
  const [retryAt, setRetryAt] = useState<string | null>(null);

  // After the code, the bank checks the request on its own: follow it until it settles.
  useEffect(() => {
    if (!request || request.status === 'AWAITING_CONFIRMATION' || SETTLED.includes(request.status)) return;
    const timer = setInterval(() => {
      void api.GET('/v1/users/requests/{requestId}', { params: { path: { requestId: request.requestId } } }).then(({ data }) => {
        if (!data) return;
        setRequest(data);
        if (SETTLED.includes(data.status)) onSettled();
      });
    }, 1000);
    return () => clearInterval(timer);
  }, [request?.status]);

  const create = async (e?: FormEvent) => {
    e?.preventDefault();
    setBusy(true);
    const { data, error } = await api.POST('/v1/users', { params: { header: { 'Idempotency-Key': idempotencyKey() } }, body: form });
    setBusy(false);
    if (data) {
      setRequest(data);
      return setShown(NONE);
    }
    const refused = show(error, t('app.unavailable'));
    // The creator's phone just got another code: the 429 says how long to wait.
    const retryAfterMs = extra(refused.problem, 'retryAfterMs');
    if (retryAfterMs !== undefined) setRetryAt(new Date(Date.now() + retryAfterMs).toISOString());
    setShown(refused);
  };
  const confirm = async (e: FormEvent) => {
    e.preventDefault();
    if (!request) return;
    setBusy(true);
    const { data, error } = await api.POST('/v1/users/requests/{requestId}/confirm', { params: { path: { requestId: request.requestId } }, body: { code } });
    setBusy(false);
    if (data) return setRequest({ ...request, status: data.status });
    const refused = show(error, t('app.unavailable'));
    const left = extra(refused.problem, 'attemptsLeft');
    const message = [refused.fields.code ?? refused.message, left === undefined ? '' : t('code.attemptsLeft', { n: left })].join(' ').trim();
    setShown({ ...refused, fields: { code: message }, message: null });
  };

  if (request && request.status !== 'AWAITING_CONFIRMATION') {
    return (
      <section data-testid="sub-user-request" data-status={request.status}>
        <p>{t(`subUser.${request.status}` as Key)}</p>
      </section>
    );
  }
  return (
    <section>
      <h2>{t('users.new')}</h2>
      {request ? (
        <form onSubmit={(e) => void confirm(e)}>
          <p>{t('users.codeToYou')}</p>
          <CodeInput expiresAt={request.codeExpiresAt} code={code} onCode={setCode} error={shown.fields.code} />
          <button type="submit" data-testid="confirm-sub-user" disabled={busy}>
            {t('register.verify')}
          </button>
        </form>
      ) : (
        <form onSubmit={(e) => void create(e)}>
          {(['fullName', 'email', 'phone'] as const).map((name) => (
            <Field
              key={name}
              path={name}
              label={t(`users.${name}`)}
              error={shown.fields[name]}
              value={form[name]}
              onChange={(e) => setForm({ ...form, [name]: e.target.value })}
            />
          ))}
          <CooldownButton availableAt={retryAt} onClick={() => void create()} label={t('users.create')} busy={busy} testId="create-sub-user" />
        </form>
      )}
      <ProblemMessage message={shown.message ?? unplaced(shown, ['fullName', 'email', 'phone', 'code'])} />
    </section>
  );
}
