import { randomInt, randomUUID } from 'node:crypto';
import { createPrisma } from '@infra/prisma/prisma.service';
import { loginChallengeStateQuery, loginChallengeWorkflowId } from '@workflows/login-challenge/login-challenge.messages';
import { fromAddress } from '../support/addresses';
import { call, eventually, startHarness, type Harness } from '../support/harness';
import { MailCatcher } from '../support/mail';
import { bearer, registerPartner, type RegisteredUser } from '../support/users';
import { expectNoCode } from '../support/secrets';

const smsBox = (phone: string) => `${phone.replace(/\D/g, '')}@sms.localhost`;
const other = (code: string) => (code === '000000' ? '111111' : '000000');

/** Sign-in by SMS code (§1.4, §1.16, §2.9): challenge workflow, no enumeration, guess and send limits. */
describe('sign-in by SMS code', () => {
  let h: Harness;
  let shortLived: Harness;
  const mail = new MailCatcher();
  const db = createPrisma(process.env.DATABASE_URL!);
  let users: RegisteredUser[];

  beforeAll(async () => {
    const limits = { CODE_RESEND_COOLDOWN_MS: '1', LOGIN_CODE_SEND_LIMIT: '3', LOGIN_CODE_MAX_FAILURES: '7' };
    h = await startHarness(limits);
    shortLived = await startHarness({ ...limits, CODE_TTL_MS: '1500' });
    users = (await registerPartner(h, mail, [{}, {}, {}, {}, {}])).users;
  });
  afterAll(async () => {
    await Promise.all([h.close(), shortLived.close()]);
    await db.$disconnect();
  });

  const otp = (login: string, harness = h) => call(harness, 'POST', '/v1/auth/otp', { login }, fromAddress());
  const verify = (challengeId: string, code: string, harness = h) => call(harness, 'POST', `/v1/auth/otp/${challengeId}/verify`, { code }, fromAddress());
  /** The n-th SMS to the user's phone (the first was the registration code). */
  const nthCode = (user: RegisteredUser, n: number) => mail.smsCode(user.phone, n);

  it('§1.4 sends a code and opens a session recorded as CODE; the challenge history holds no secret', async () => {
    const user = users[0]!;
    const started = await otp(user.login);
    expect(started.status).toBe(202);
    expect(started.body.challengeId).toMatch(/^[0-9a-f-]{36}$/);
    expect(Date.parse(started.body.expiresAt) - Date.now()).toBeGreaterThan(h.env.CODE_TTL_MS - 10_000);
    const code = await nthCode(user, 2);
    const sms = (await mail.waitFor(smsBox(user.phone), 2))[1]!; // oldest first: the registration code, then this one
    expect(sms.text).not.toContain(user.login);

    const ok = await verify(started.body.challengeId, code);
    expect(ok.status).toBe(200);
    expect(ok.body.user).toMatchObject({ userId: user.userId, login: user.login });
    const me = await call(h, 'GET', '/v1/me', undefined, bearer(ok.body.sessionKey));
    expect(me.body.session.method).toBe('CODE');
    const audit = await db.auditRecord.findFirstOrThrow({ where: { actorId: user.userId, action: 'auth.login', outcome: 'SUCCESS' }, orderBy: { id: 'desc' } }); // the sign-in just made
    expect(audit.details).toMatchObject({ method: 'CODE' });

    // the code is spent: the same code again is refused
    expect((await verify(started.body.challengeId, code)).status).toBe(401);
    const handle = h.temporal.workflow.getHandle(loginChallengeWorkflowId(started.body.challengeId));
    await eventually('challenge closed', async () => ((await handle.describe()).status.name === 'COMPLETED' ? true : undefined));
    const history = JSON.stringify(await handle.fetchHistory());
    expectNoCode(history, code);
    for (const secret of [ok.body.sessionKey, user.password]) expect(history).not.toContain(secret);
    expect(history).not.toContain(user.phone);
  });

  it('§1.17 an unknown login gets the same 202, and its challenge fails like a wrong code', async () => {
    const user = users[1]!;
    const known = await otp(user.login);
    const unknown = await otp(`nobody-${randomInt(1e9)}@example.kz`);
    expect(unknown.status).toBe(202);
    expect(Object.keys(unknown.body).sort()).toEqual(Object.keys(known.body).sort());
    expect(Math.abs(Date.parse(unknown.body.expiresAt) - Date.parse(known.body.expiresAt))).toBeLessThan(5_000);
    const code = await nthCode(user, 2);
    const wrongReal = await verify(known.body.challengeId, other(code));
    const wrongDecoy = await verify(unknown.body.challengeId, code);
    const neverIssued = await verify(randomUUID(), code);
    expect(wrongReal.status).toBe(401);
    expect(wrongDecoy.body).toEqual(wrongReal.body);
    expect(neverIssued.body).toEqual(wrongReal.body);
    expect((await verify(known.body.challengeId, code)).status).toBe(200);
  });

  it('wrong codes count per user across all their challenges: opening new challenges buys no more guesses', async () => {
    const user = users[2]!;
    const first = (await otp(user.login)).body.challengeId;
    const code1 = await nthCode(user, 2);
    for (let i = 0; i < 5; i++) expect((await verify(first, other(code1))).status).toBe(401);
    const challenge = await h.temporal.workflow.getHandle(loginChallengeWorkflowId(first)).query(loginChallengeStateQuery);
    expect(challenge).toMatchObject({ status: 'LOCKED', attemptsLeft: 0 });

    const second = (await otp(user.login)).body.challengeId;
    const code2 = await nthCode(user, 3);
    expect((await verify(second, other(code2))).status).toBe(401);
    expect((await verify(second, other(code2))).status).toBe(401); // the 7th wrong code: the login locks
    const row = await db.user.findUniqueOrThrow({ where: { id: user.userId }, include: { loginLock: true } });
    expect(row.status).toBe('LOCKED');
    expect(row.loginLock).toMatchObject({ codeFailures: 0, passwordFailures: 0, lockCount: 1 });
    expect((await verify(second, code2)).status).toBe(401); // right code, but locked
    expect((await call(h, 'POST', '/v1/auth/login', { login: user.login, password: user.password })).status).toBe(401);
    await mail.waitFor(user.login, 2); // the lock notice
  });

  it('code sends are limited per login (known or not alike) → 429, and per phone across flows', async () => {
    const user = users[3]!;
    const nobody = `nobody-${randomInt(1e9)}@example.kz`;
    for (let i = 0; i < 3; i++) {
      expect((await otp(user.login)).status).toBe(202);
      expect((await otp(nobody)).status).toBe(202);
    }
    const [known, unknown] = [await otp(user.login), await otp(nobody)];
    expect([known.status, unknown.status]).toEqual([429, 429]);
    expect(known.body.code).toBe('AUTH.SEND_LIMIT');
    expect(unknown.body.code).toBe('AUTH.SEND_LIMIT');
    expect(Number(known.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await mail.waitFor(smsBox(user.phone), 4)).toHaveLength(4); // 1 registration + 3 sign-in codes, no more

    // per phone: a recovery's codes go to the same phone and share its budget
    const phoneUser = users[4]!;
    expect((await otp(phoneUser.login)).status).toBe(202);
    expect((await call(h, 'POST', '/v1/auth/recovery', { login: phoneUser.login })).status).toBe(202);
    const token = await mail.linkToken(phoneUser.login, 'recover', 2);
    expect((await call(h, 'POST', `/v1/auth/recovery/${token}/code`)).status).toBe(202);
    await eventually('a resend', async () => ((await call(h, 'POST', `/v1/auth/recovery/${token}/code`)).status === 202 ? true : undefined));
    const limited = await otp(phoneUser.login);
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('AUTH.SEND_LIMIT');
  });

  it('§1.11 a code expires by the challenge timer; after that even the right code is refused', async () => {
    const user = users[1]!;
    const started = await otp(user.login, shortLived);
    const code = await mail.smsCode(user.phone, 3);
    const handle = shortLived.temporal.workflow.getHandle(loginChallengeWorkflowId(started.body.challengeId));
    await eventually('challenge expired', async () => ((await handle.query(loginChallengeStateQuery)).status === 'EXPIRED' ? true : undefined));
    expect((await verify(started.body.challengeId, code, shortLived)).status).toBe(401);
  });
});
