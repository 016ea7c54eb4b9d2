import { randomInt } from 'node:crypto';
import { createPrisma } from '@infra/prisma/prisma.service';
import { recoveryStateQuery, recoveryWorkflowId } from '@workflows/recovery/recovery.messages';
import { STRONG_PASSWORD } from '../support/fixtures';
import { call, eventually, startHarness, type Harness } from '../support/harness';
import { MailCatcher } from '../support/mail';
import { bearer, login, registerPartner, type RegisteredUser } from '../support/users';
import { expectNoCode } from '../support/secrets';

const fresh = (n: number) => `Altyn-Dala-${n}-${randomInt(1e6)}!`;

/** §1.10, §1.12: changing and recovering the password. */
describe('password change and recovery', () => {
  let h: Harness;
  const mail = new MailCatcher();
  const db = createPrisma(process.env.DATABASE_URL!);
  let users: RegisteredUser[];

  beforeAll(async () => {
    h = await startHarness({ CODE_RESEND_COOLDOWN_MS: '1' });
    users = (await registerPartner(h, mail, [{}, {}, {}])).users;
  });
  afterAll(async () => {
    await h.close();
    await db.$disconnect();
  });

  const change = (key: string, currentPassword: string, newPassword: string) => call(h, 'POST', '/v1/auth/password', { currentPassword, newPassword }, bearer(key));

  it('§1.12 change: needs the current password, applies the policy and the 5-password history, ends every other session', async () => {
    const user = users[0]!;
    const [mine, other] = [await login(h, user.login, user.password), await login(h, user.login, user.password)];
    const wrong = await change(mine, 'Not-the-password-1!', fresh(0));
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([{ path: 'currentPassword', message: 'wrong password' }]);
    const weak = await change(mine, user.password, 'short');
    expect(weak.status).toBe(400);
    expect(weak.body.errors.length).toBeGreaterThanOrEqual(3);
    expect(weak.body.errors.every((e: { path: string }) => e.path === 'newPassword')).toBe(true);
    expect((await change(mine, user.password, user.password)).body.errors.map((e: { code: string }) => e.code)).toEqual(['PASSWORD.REUSED']);

    let current = user.password;
    const used = [current];
    for (let i = 1; i <= 5; i++) {
      const next = fresh(i);
      expect((await change(mine, current, next)).status).toBe(204);
      current = next;
      used.push(next);
    }
    expect((await call(h, 'GET', '/v1/me', undefined, bearer(other))).status).toBe(401);
    expect((await call(h, 'GET', '/v1/me', undefined, bearer(mine))).status).toBe(200);
    // the last five are refused; the sixth-oldest (the registration password) is allowed again
    for (const old of used.slice(1, 5)) expect((await change(mine, current, old)).body.errors?.[0]?.code).toBe('PASSWORD.REUSED');
    expect((await change(mine, current, used[0]!)).status).toBe(204);
    expect((await call(h, 'POST', '/v1/auth/login', { login: user.login, password: used[5] })).status).toBe(401);
    expect(await login(h, user.login, used[0]!)).toBeTruthy();
    const audit = await db.auditRecord.findFirstOrThrow({
      where: { actorId: user.userId, action: 'auth.password.change', outcome: 'SUCCESS' },
      orderBy: { id: 'asc' }, // the first change: made while a second session was open
    });
    expect(audit.details).toMatchObject({ method: 'PASSWORD', otherSessionsEnded: 1 });
  });

  it('§1.12 recovery: e-mailed link, SMS code, new password; every session ends; no secret in the workflow history', async () => {
    const user = users[1]!;
    const session = await login(h, user.login, user.password);
    const asked = await call(h, 'POST', '/v1/auth/recovery', { login: user.login });
    expect(asked.status).toBe(202);
    const token = await mail.nthLinkToken(user.login, 'recover');
    const [link] = await mail.waitForMatching(user.login, /\/recover\//);
    expect(link!.text).toContain(`http://cabinet.test/recover/${token}`);

    const status = await call(h, 'GET', `/v1/auth/recovery/${token}`);
    expect(status.body).toMatchObject({ status: 'LINK_SENT', phoneMasked: expect.stringContaining('*') });
    expect((await call(h, 'POST', `/v1/auth/recovery/${token}/password`, { password: fresh(9) })).status).toBe(409);
    expect((await call(h, 'POST', `/v1/auth/recovery/${token}/code`)).status).toBe(202);
    const code = await mail.nthSmsCode(user.phone, 2); // registration code, recovery code
    const wrong = await call(h, 'POST', `/v1/auth/recovery/${token}/verify`, { code: code === '000000' ? '111111' : '000000' });
    expect(wrong).toMatchObject({ status: 400, body: { attemptsLeft: 4 } });
    expect(await call(h, 'POST', `/v1/auth/recovery/${token}/verify`, { code })).toMatchObject({ status: 200, body: { status: 'CODE_VERIFIED' } });
    const reused = await call(h, 'POST', `/v1/auth/recovery/${token}/password`, { password: user.password });
    expect(reused.body.errors.map((e: { code: string }) => e.code)).toEqual(['PASSWORD.REUSED']);
    const newPassword = fresh(10);
    const done = await call(h, 'POST', `/v1/auth/recovery/${token}/password`, { password: newPassword });
    expect(done).toMatchObject({ status: 200, body: { status: 'COMPLETED' } });

    expect((await call(h, 'GET', '/v1/me', undefined, bearer(session))).status).toBe(401);
    expect((await call(h, 'POST', '/v1/auth/login', { login: user.login, password: user.password })).status).toBe(401);
    expect(await login(h, user.login, newPassword)).toBeTruthy();
    // the link is single-use
    expect((await call(h, 'POST', `/v1/auth/recovery/${token}/code`)).status).toBe(409);
    const row = await db.passwordRecovery.findFirstOrThrow({ where: { userId: user.userId } });
    expect(row).toMatchObject({ status: 'COMPLETED', pendingPasswordHash: null, workflowId: recoveryWorkflowId(user.userId, 1) });

    const handle = h.temporal.workflow.getHandle(row.workflowId);
    await eventually('recovery closed', async () => ((await handle.describe()).status.name === 'COMPLETED' ? true : undefined));
    const history = JSON.stringify(await handle.fetchHistory());
    expectNoCode(history, code);
    for (const secret of [token, newPassword, user.password, session]) expect(history).not.toContain(secret);
    expect(history).not.toContain(user.login);
  });

  it('§1.17 the same 202 whether or not the login exists; a newer request replaces the open one; a locked login can recover', async () => {
    const unknown = await call(h, 'POST', '/v1/auth/recovery', { login: `nobody-${randomInt(1e9)}@example.kz` });
    const user = users[2]!;
    for (let i = 0; i < 5; i++) await call(h, 'POST', '/v1/auth/login', { login: user.login, password: `Wrong-${i}-Guess!` });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.userId } })).status).toBe('LOCKED');
    const known = await call(h, 'POST', '/v1/auth/recovery', { login: user.login });
    expect(unknown.status).toBe(202);
    expect(known.status).toBe(202);
    expect(known.body).toEqual(unknown.body);
    // The lock notice and the recovery link come from different flows, in no fixed order: pick the links by content.
    const first = await mail.nthLinkToken(user.login, 'recover', 1);
    await eventually('a second request', async () => ((await call(h, 'POST', '/v1/auth/recovery', { login: user.login })).status === 202 ? true : undefined));
    const second = await mail.nthLinkToken(user.login, 'recover', 2);
    expect(second).not.toBe(first);
    expect((await call(h, 'POST', `/v1/auth/recovery/${first}/code`)).status).toBe(409);
    const firstView = await h.temporal.workflow.getHandle(recoveryWorkflowId(user.userId, 1)).query(recoveryStateQuery);
    expect(firstView.status).toBe('CANCELLED');

    expect((await call(h, 'POST', `/v1/auth/recovery/${second}/code`)).status).toBe(202);
    const code = await mail.nthSmsCode(user.phone, 2); // registration code, recovery code (the lock SMS has none)
    expect((await call(h, 'POST', `/v1/auth/recovery/${second}/verify`, { code })).status).toBe(200);
    const newPassword = fresh(11);
    expect((await call(h, 'POST', `/v1/auth/recovery/${second}/password`, { password: newPassword })).status).toBe(200);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.userId } })).status).toBe('ACTIVE');
    expect(await login(h, user.login, newPassword)).toBeTruthy();
    expect(STRONG_PASSWORD).not.toBe(newPassword);
  });

  it('an unknown or malformed recovery token is a 404, never a 500', async () => {
    expect((await call(h, 'GET', '/v1/auth/recovery/short')).status).toBe(404);
    expect((await call(h, 'POST', `/v1/auth/recovery/${'A'.repeat(43)}/code`)).status).toBe(404);
  });
});
