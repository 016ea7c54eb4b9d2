import { PrismaClient } from '../../prisma/generated/prisma/client';
import { PrismaPg } from '@prisma/adapter-pg';
import { call, eventually, startHarness, type Harness } from '../support/harness';
import { MailCatcher } from '../support/mail';
import { application, STRONG_PASSWORD } from '../support/fixtures';

/** Onboarding and registration through REST exactly as a cabinet and an operator would (§1.5–§1.7, §1.10). */
describe('partner onboarding and user registration', () => {
  let h: Harness;
  const mail = new MailCatcher();
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }) });

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.close();
    await db.$disconnect();
  });

  async function onboard(body = application([{ accessLevel: 'FULL_ACCESS' }, { accessLevel: 'CREATE_AND_VIEW', language: 'ru' }])) {
    const created = await call(h, 'POST', '/v1/operator/applications', body, h.operator);
    expect(created.status).toBe(201);
    return { body, ...created.body };
  }

  it('§1.5 either order: acceptance first keeps AWAITING_SIGNATURE, signature then invites every listed user', async () => {
    const app = await onboard();
    expect(app.status).toBe('AWAITING_SIGNATURE');
    const accepted = await call(h, 'POST', `/v1/operator/applications/${app.applicationId}/agreement-acceptance`, undefined, h.operator);
    expect(accepted).toMatchObject({ status: 200, body: { status: 'AWAITING_SIGNATURE' } });
    const again = await call(h, 'POST', `/v1/operator/applications/${app.applicationId}/agreement-acceptance`, undefined, h.operator);
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    const signed = await call(h, 'POST', `/v1/operator/applications/${app.applicationId}/sign`, undefined, h.operator);
    expect(signed).toMatchObject({ status: 200, body: { status: 'INVITING' } });
    for (const user of app.body.users) await mail.linkToken(user.email);
    const ru = (await mail.to(app.body.users[1].email))[0]!;
    expect(ru.subject).toBe('Регистрация в бизнес-кабинете');
    expect((await mail.to(app.body.users[0].email))[0]!.subject).toBe('Бизнес-кабинетке тіркелу');
  });

  it('registers a listed user: link, SMS code, password → ACTIVE with login = e-mail (§1.6, §1.7, §1.10)', async () => {
    const app = await onboard();
    await call(h, 'POST', `/v1/operator/applications/${app.applicationId}/sign`, undefined, h.operator);
    const afterSign = await call(h, 'GET', `/v1/operator/applications/${app.applicationId}`, undefined, h.operator);
    expect(afterSign.body.status).toBe('AWAITING_ACCEPTANCE');
    await call(h, 'POST', `/v1/operator/applications/${app.applicationId}/agreement-acceptance`, undefined, h.operator);
    const user = app.body.users[0];
    const token = await mail.linkToken(user.email);

    const status = await call(h, 'GET', `/v1/registrations/${token}`);
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ status: 'INVITED', expiresAt: expect.any(String) });
    expect(status.body.emailMasked).not.toContain(user.email.split('@')[0]);
    expect(status.body.phoneMasked).toMatch(/\*/);

    const sent = await call(h, 'POST', `/v1/registrations/${token}/code`);
    expect(sent.status).toBe(202);
    expect(Date.parse(sent.body.codeExpiresAt)).toBeGreaterThan(Date.now());
    const code = await mail.smsCode(user.phone);
    const sms = (await mail.to(`${user.phone.replace(/\D/g, '')}@sms.localhost`))[0]!;
    expect(sms.text).not.toContain(user.email);

    const resend = await call(h, 'POST', `/v1/registrations/${token}/code`);
    expect(resend.status).toBe(429);
    expect(resend.headers.get('retry-after')).toBeTruthy();

    const wrong = await call(h, 'POST', `/v1/registrations/${token}/verify`, { code: code === '000000' ? '111111' : '000000' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.attemptsLeft).toBe(4);

    const early = await call(h, 'POST', `/v1/registrations/${token}/password`, { password: STRONG_PASSWORD });
    expect(early.status).toBe(409);

    const ok = await call(h, 'POST', `/v1/registrations/${token}/verify`, { code });
    expect(ok).toMatchObject({ status: 200, body: { status: 'CODE_VERIFIED' } });

    const weak = await call(h, 'POST', `/v1/registrations/${token}/password`, { password: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.errors.length).toBeGreaterThanOrEqual(3);
    expect(weak.body.errors.every((e: { path: string }) => e.path === 'password')).toBe(true);

    const done = await call(h, 'POST', `/v1/registrations/${token}/password`, { password: STRONG_PASSWORD });
    expect(done).toMatchObject({ status: 200, body: { login: user.email.toLowerCase(), status: 'ACTIVE' } });
    const row = await db.user.findUniqueOrThrow({ where: { id: done.body.userId } });
    expect(row.status).toBe('ACTIVE');
    expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await db.passwordHistory.count({ where: { userId: row.id } })).toBe(1);

    // the link is single-use: nothing more can be done with it
    expect((await call(h, 'POST', `/v1/registrations/${token}/code`)).status).toBeGreaterThanOrEqual(404);
    expect((await call(h, 'GET', `/v1/registrations/${token}`)).body.status).toBe('ACTIVE');
  });

  it('two concurrent verifies with the right code: exactly one succeeds', async () => {
    const app = await onboard(application([{}]));
    await call(h, 'POST', `/v1/operator/applications/${app.applicationId}/sign`, undefined, h.operator);
    await call(h, 'POST', `/v1/operator/applications/${app.applicationId}/agreement-acceptance`, undefined, h.operator);
    const user = app.body.users[0];
    const token = await mail.linkToken(user.email);
    await call(h, 'POST', `/v1/registrations/${token}/code`);
    const code = await mail.smsCode(user.phone);
    const results = await Promise.all([1, 2, 3].map(() => call(h, 'POST', `/v1/registrations/${token}/verify`, { code })));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
  });

  it('locks after too many wrong codes; an operator re-invites with a new link and the old one dies', async () => {
    const app = await onboard(application([{}]));
    await call(h, 'POST', `/v1/operator/applications/${app.applicationId}/sign`, undefined, h.operator);
    await call(h, 'POST', `/v1/operator/applications/${app.applicationId}/agreement-acceptance`, undefined, h.operator);
    const user = app.body.users[0];
    const token = await mail.linkToken(user.email);
    await call(h, 'POST', `/v1/registrations/${token}/code`);
    const code = await mail.smsCode(user.phone);
    const wrongCode = code === '999999' ? '888888' : '999999';
    const left: number[] = [];
    for (let i = 0; i < 5; i++) left.push((await call(h, 'POST', `/v1/registrations/${token}/verify`, { code: wrongCode })).body.attemptsLeft);
    expect(left).toEqual([4, 3, 2, 1, 0]);
    const locked = await call(h, 'POST', `/v1/registrations/${token}/verify`, { code });
    expect(locked.status).toBe(409);
    await eventually('LOCKED status', async () => {
      const s = await call(h, 'GET', `/v1/registrations/${token}`);
      return s.body.status === 'LOCKED' ? true : undefined;
    });
    const userId = (await db.user.findUniqueOrThrow({ where: { login: user.email.toLowerCase() } })).id;
    const re = await call(h, 'POST', `/v1/operator/users/${userId}/reinvite`, undefined, h.operator);
    expect(re).toMatchObject({ status: 202, body: { invitationNo: 2 } });
    const newToken = await mail.linkToken(user.email, 'register', 2);
    expect(newToken).not.toBe(token);
    expect((await call(h, 'POST', `/v1/registrations/${token}/code`)).status).toBeGreaterThanOrEqual(400);
    expect((await call(h, 'POST', `/v1/registrations/${newToken}/code`)).status).toBe(202);
  });

  it('a worker restarted in the middle of a registration: the registration completes', async () => {
    const app = await onboard(application([{}]));
    await call(h, 'POST', `/v1/operator/applications/${app.applicationId}/sign`, undefined, h.operator);
    await call(h, 'POST', `/v1/operator/applications/${app.applicationId}/agreement-acceptance`, undefined, h.operator);
    const user = app.body.users[0];
    const token = await mail.linkToken(user.email);
    await call(h, 'POST', `/v1/registrations/${token}/code`);
    await h.restartWorker();
    const code = await mail.smsCode(user.phone);
    expect((await call(h, 'POST', `/v1/registrations/${token}/verify`, { code })).status).toBe(200);
    const done = await call(h, 'POST', `/v1/registrations/${token}/password`, { password: STRONG_PASSWORD });
    expect(done.body.status).toBe('ACTIVE');
    // one code was sent for one request, restart or not
    expect(await mail.to(`${user.phone.replace(/\D/g, '')}@sms.localhost`)).toHaveLength(1);
    await eventually('application COMPLETED', async () => {
      const a = await call(h, 'GET', `/v1/operator/applications/${app.applicationId}`, undefined, h.operator);
      return a.body.status === 'COMPLETED' ? a.body : undefined;
    });
  });
});
