import { registrationWorkflowId } from '@workflows/registration/registration.messages';
import { application } from '../support/fixtures';
import { call, eventually, startHarness, type Harness } from '../support/harness';
import { MailCatcher } from '../support/mail';
import { applicationStatus, completeRegistration, invite, register } from './support/flows';
import { TcpProxy } from './support/tcp-proxy';

const OUTAGE_MS = 20_000;

/**
 * PostgreSQL unreachable for 20 s, as a network partition: a proxy between the
 * service (API and worker) and the server drops every connection and black-holes
 * new ones. Requests that need the database answer 503 problems within a bounded
 * time — not 500, not a hang; activities retry; once the database is reachable
 * again every flow completes.
 */
describe('chaos: PostgreSQL unreachable', () => {
  let h: Harness;
  let proxy: TcpProxy;
  const mail = new MailCatcher();

  beforeAll(async () => {
    const real = new URL(process.env.DATABASE_URL!);
    proxy = new TcpProxy({ host: real.hostname, port: Number(real.port || 5432) });
    const proxied = new URL(real);
    proxied.port = String(await proxy.listen());
    // Short code lifetime: a code sent just before the outage expires during it, so the
    // workflow must record the change while the database is away.
    h = await startHarness({ DATABASE_URL: proxied.toString(), CODE_TTL_MS: '8000', CODE_RESEND_COOLDOWN_MS: '1000' });
  });
  afterAll(async () => {
    await h.close();
    await proxy.close();
  });

  /** A call during the outage: a 503 problem, answered within `withinMs`. */
  async function unavailable(method: string, path: string, body?: unknown, headers?: Record<string, string>, withinMs = 12_000) {
    const started = Date.now();
    const res = await call(h, method, path, body, headers);
    const took = Date.now() - started;
    expect({ path, status: res.status, type: res.headers.get('content-type') }).toEqual({
      path,
      status: 503,
      type: expect.stringContaining('application/problem+json'),
    });
    expect(took).toBeLessThan(withinMs);
    return res;
  }

  it('answers 503 while it is away, retries the activities, and completes every flow once it is back', async () => {
    const first = await invite(h, 1);
    const waiting = await invite(h, 1);
    const token = await mail.linkToken(first.users[0]!.email);
    expect((await call(h, 'POST', `/v1/registrations/${token}/code`)).status).toBe(202);
    const userId = (await call(h, 'GET', `/v1/operator/applications/${first.applicationId}`, undefined, h.operator)).body.users[0].userId;

    proxy.cut();
    const restoreAt = Date.now() + OUTAGE_MS;
    await unavailable('GET', `/v1/registrations/${token}`);
    await unavailable('POST', `/v1/registrations/${token}/verify`, { code: '123456' });
    await unavailable('POST', '/v1/operator/applications', application(), h.operator);
    await unavailable('GET', `/v1/operator/applications/${first.applicationId}`, undefined, h.operator);
    await unavailable('POST', '/v1/auth/login', { login: first.users[0]!.email, password: 'Whatever-2026!' });
    await unavailable('GET', '/ready');
    // The code expires during the outage; recording that fails and is retried.
    const retrying = await eventually(
      'an activity retrying against the database',
      async () => {
        const { raw } = await h.temporal.workflow.getHandle(registrationWorkflowId(userId, 1)).describe();
        const attempt = Math.max(0, ...(raw.pendingActivities ?? []).map((a) => a.attempt ?? 0));
        return attempt >= 2 ? attempt : undefined;
      },
      OUTAGE_MS,
    );
    expect(retrying).toBeGreaterThanOrEqual(2);
    await new Promise((r) => setTimeout(r, Math.max(0, restoreAt - Date.now())));
    proxy.restore();

    await eventually('ready again', async () => ((await call(h, 'GET', '/ready')).status === 200 ? true : undefined), 30_000);
    await eventually(
      'the expiry recorded',
      async () => {
        const s = await call(h, 'GET', `/v1/registrations/${token}`);
        return s.status === 200 && s.body.status === 'INVITED' ? true : undefined;
      },
      45_000,
    );
    expect((await call(h, 'POST', `/v1/registrations/${token}/code`)).status).toBe(202);
    await completeRegistration(h, token, await mail.smsCode(first.users[0]!.phone, 2));
    await register(h, mail, waiting.users[0]!);
    await applicationStatus(h, first.applicationId, 'COMPLETED');
    await applicationStatus(h, waiting.applicationId, 'COMPLETED');
  });
});
