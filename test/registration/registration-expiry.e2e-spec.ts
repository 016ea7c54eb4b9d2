import { call, eventually, startHarness, type Harness } from '../support/harness';
import { MailCatcher } from '../support/mail';
import { application } from '../support/fixtures';

/**
 * §1.11 lifetimes are configuration; here they are short so the workflow timers
 * fire within the test. Expiry is a Temporal timer, not a check at read time.
 */
describe('registration lifetimes', () => {
  let h: Harness;
  const mail = new MailCatcher();

  beforeAll(async () => {
    h = await startHarness({ CODE_TTL_MS: '1500', CODE_RESEND_COOLDOWN_MS: '200', REGISTRATION_LINK_TTL_MS: '6000' });
  });
  afterAll(() => h.close());

  async function invited() {
    const body = application([{}]);
    const app = await call(h, 'POST', '/v1/operator/applications', body, h.operator);
    await call(h, 'POST', `/v1/operator/applications/${app.body.applicationId}/sign`, undefined, h.operator);
    await call(h, 'POST', `/v1/operator/applications/${app.body.applicationId}/agreement-acceptance`, undefined, h.operator);
    const user = body.users[0]!;
    return { user, token: await mail.linkToken(user.email) };
  }

  const statusOf = (token: string) => call(h, 'GET', `/v1/registrations/${token}`).then((r) => r.body.status as string);

  it('publishes the configured lifetimes (§1.11)', async () => {
    const res = await call(h, 'GET', '/v1/security/parameters');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ codeTtlSeconds: 1.5, codeResendCooldownSeconds: 0.2, registrationLinkTtlSeconds: 6, maxCodeAttempts: 5 });
  });

  it('an expired code is refused; a new code works after the cooldown', async () => {
    const { user, token } = await invited();
    expect((await call(h, 'POST', `/v1/registrations/${token}/code`)).status).toBe(202);
    const code = await mail.smsCode(user.phone);
    await eventually('the code timer to fire', async () => ((await statusOf(token)) === 'INVITED' ? true : undefined));
    const late = await call(h, 'POST', `/v1/registrations/${token}/verify`, { code });
    expect(late.status).toBe(409);
    expect(late.body.state).toBe('INVITED');
    expect((await call(h, 'POST', `/v1/registrations/${token}/code`)).status).toBe(202);
    const fresh = await mail.smsCode(user.phone, 2);
    expect((await call(h, 'POST', `/v1/registrations/${token}/verify`, { code: fresh })).status).toBe(200);
  });

  it('an old code is refused once a newer one was sent', async () => {
    const { user, token } = await invited();
    await call(h, 'POST', `/v1/registrations/${token}/code`);
    const first = await mail.smsCode(user.phone);
    await eventually('cooldown to pass', async () => ((await call(h, 'POST', `/v1/registrations/${token}/code`)).status === 202 ? true : undefined));
    const second = await mail.smsCode(user.phone, 2);
    if (first !== second) {
      const stale = await call(h, 'POST', `/v1/registrations/${token}/verify`, { code: first });
      expect(stale.status).toBe(400); // checked against the newest code: wrong
    }
    expect((await call(h, 'POST', `/v1/registrations/${token}/verify`, { code: second })).status).toBe(200);
  });

  it('the link expires by its timer; the operator re-invites and the new link works', async () => {
    const { user, token } = await invited();
    await eventually('the link to expire', async () => ((await statusOf(token)) === 'EXPIRED' ? true : undefined), 20_000);
    const refused = await call(h, 'POST', `/v1/registrations/${token}/code`);
    expect(refused.status).toBe(409);
    expect(refused.body.state).toBe('EXPIRED');
    const app = await call(h, 'GET', `/v1/operator/applications/${await findApplication(user.email)}`, undefined, h.operator);
    expect(app.body.users[0].registration.status).toBe('EXPIRED');
    const re = await call(h, 'POST', `/v1/operator/users/${app.body.users[0].userId}/reinvite`, undefined, h.operator);
    expect(re.status).toBe(202);
    const second = await mail.linkToken(user.email, 'register', 2);
    expect(await statusOf(second)).toBe('INVITED');
  });

  async function findApplication(email: string): Promise<string> {
    const { PrismaClient } = await import('../../prisma/generated/prisma/client');
    const { PrismaPg } = await import('@prisma/adapter-pg');
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }) });
    try {
      return (await db.user.findUniqueOrThrow({ where: { login: email.toLowerCase() } })).applicationId!;
    } finally {
      await db.$disconnect();
    }
  }
});
