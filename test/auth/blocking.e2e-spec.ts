import { createPrisma } from '@infra/prisma/prisma.service';
import { loginChallengeStateQuery, loginChallengeWorkflowId } from '@workflows/login-challenge/login-challenge.messages';
import { registrationStateQuery, registrationWorkflowId } from '@workflows/registration/registration.messages';
import { recoveryStateQuery, recoveryWorkflowId } from '@workflows/recovery/recovery.messages';
import { application } from '../support/fixtures';
import { call, eventually, startHarness, type Harness } from '../support/harness';
import { MailCatcher } from '../support/mail';
import { bearer, login, registerPartner, type RegisteredUser } from '../support/users';

/** §1.14: the bank blocks a user at once and unblocks them without loss. */
describe('blocking users', () => {
  let h: Harness;
  const mail = new MailCatcher();
  const db = createPrisma(process.env.DATABASE_URL!);
  let users: RegisteredUser[];

  beforeAll(async () => {
    h = await startHarness({ CODE_RESEND_COOLDOWN_MS: '1' });
    users = (await registerPartner(h, mail, [{}, {}])).users;
  });
  afterAll(async () => {
    await h.close();
    await db.$disconnect();
  });

  const block = (userId: string, reason = 'suspected fraud on the account', headers = h.operator) =>
    call(h, 'POST', `/v1/operator/users/${userId}/block`, { reason }, headers);
  const unblock = (userId: string) => call(h, 'POST', `/v1/operator/users/${userId}/unblock`, undefined, h.operator);
  const closed = (workflowId: string, query: Parameters<ReturnType<Harness['temporal']['workflow']['getHandle']>['query']>[0]) =>
    eventually(`${workflowId} cancelled`, async () => {
      const view = (await h.temporal.workflow.getHandle(workflowId).query(query)) as { status: string };
      return view.status === 'CANCELLED' ? view : undefined;
    });

  it('a session in use is refused on the very next call; sign-in answers like a wrong password; unblocking restores access', async () => {
    const user = users[0]!;
    const key = await login(h, user.login, user.password);
    expect((await call(h, 'GET', '/v1/me', undefined, bearer(key))).status).toBe(200);
    const blocked = await block(user.userId);
    expect(blocked).toMatchObject({ status: 200, body: { status: 'BLOCKED' } });
    expect((await call(h, 'GET', '/v1/me', undefined, bearer(key))).status).toBe(401);
    expect(await db.session.count({ where: { userId: user.userId, revokedAt: null } })).toBe(0);

    const refused = await call(h, 'POST', '/v1/auth/login', { login: user.login, password: user.password });
    const wrong = await call(h, 'POST', '/v1/auth/login', { login: users[1]!.login, password: 'Not-Their-Password-1!' });
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual(wrong.body);
    expect((await block(user.userId)).status).toBe(409);

    const audit = await db.auditRecord.findFirstOrThrow({ where: { action: 'user.block', targetId: user.userId }, orderBy: { id: 'asc' } }); // the block (a refused repeat records none)
    expect(audit).toMatchObject({ actorType: 'OPERATOR', actorId: 'operator:desk-1' });
    expect(audit.details).toMatchObject({ reason: 'suspected fraud on the account', previousStatus: 'ACTIVE', sessionsRevoked: 1 });

    expect(await unblock(user.userId)).toMatchObject({ status: 200, body: { status: 'ACTIVE' } });
    expect((await call(h, 'GET', '/v1/me', undefined, bearer(key))).status).toBe(401); // revoked sessions stay ended
    expect(await login(h, user.login, user.password)).toBeTruthy();
    expect((await unblock(user.userId)).status).toBe(409);
    expect(await db.auditRecord.count({ where: { action: 'user.unblock', targetId: user.userId } })).toBe(1);
  });

  it("cancels the blocked user's open sign-in challenge and recovery; their links and codes stop working", async () => {
    const user = users[1]!;
    const challenge = await call(h, 'POST', '/v1/auth/otp', { login: user.login });
    const code = await mail.smsCode(user.phone, 2);
    expect((await call(h, 'POST', '/v1/auth/recovery', { login: user.login })).status).toBe(202);
    const token = await mail.linkToken(user.login, 'recover', 2);
    // wait until the visibility index lists both flows under the user, as the operator's block will look them up
    await eventually('flows visible', async () => {
      let n = 0;
      for await (const _ of h.temporal.workflow.list({ query: `UserIds = "${user.userId}" AND ExecutionStatus = "Running"` })) n++;
      return n >= 2 ? n : undefined;
    });

    expect((await block(user.userId)).body.status).toBe('BLOCKED');
    await closed(loginChallengeWorkflowId(challenge.body.challengeId), loginChallengeStateQuery);
    await closed(recoveryWorkflowId(user.userId, 1), recoveryStateQuery);
    expect((await call(h, 'POST', `/v1/auth/otp/${challenge.body.challengeId}/verify`, { code })).status).toBe(401);
    expect((await call(h, 'POST', `/v1/auth/recovery/${token}/code`)).status).toBe(404);
    // a blocked user gets the same answers as anyone else, and nothing is sent
    expect((await call(h, 'POST', '/v1/auth/otp', { login: user.login })).status).toBe(202);
    expect((await call(h, 'POST', '/v1/auth/recovery', { login: user.login })).status).toBe(202);
    expect(await mail.to(`${user.phone.replace(/\D/g, '')}@sms.localhost`)).toHaveLength(2);
  });

  it('blocking an invited user cancels their registration; unblocking makes them INVITED again, ready to be re-invited', async () => {
    const body = application([{}]);
    const created = await call(h, 'POST', '/v1/operator/applications', body, h.operator);
    await call(h, 'POST', `/v1/operator/applications/${created.body.applicationId}/sign`, undefined, h.operator);
    await call(h, 'POST', `/v1/operator/applications/${created.body.applicationId}/agreement-acceptance`, undefined, h.operator);
    const token = await mail.linkToken(body.users[0]!.email);
    const userId = (await db.user.findUniqueOrThrow({ where: { login: body.users[0]!.email } })).id;
    await eventually('registration visible', async () => {
      for await (const _ of h.temporal.workflow.list({ query: `UserIds = "${userId}" AND ExecutionStatus = "Running"` })) return true;
      return undefined;
    });

    expect((await block(userId)).body.status).toBe('BLOCKED');
    await closed(registrationWorkflowId(userId, 1), registrationStateQuery);
    expect((await call(h, 'POST', `/v1/registrations/${token}/code`)).status).toBeGreaterThanOrEqual(400);
    expect(await unblock(userId)).toMatchObject({ status: 200, body: { status: 'INVITED' } });
    expect((await call(h, 'POST', `/v1/operator/users/${userId}/reinvite`, undefined, h.operator)).status).toBe(202);
  });

  it('operator calls need an operator token; bad input is 400 and an unknown user 404', async () => {
    const key = await login(h, users[0]!.login, users[0]!.password);
    expect((await block(users[0]!.userId, 'a cabinet session tries', bearer(key))).status).toBe(401);
    expect((await block(users[0]!.userId, 'no token at all', {})).status).toBe(401);
    expect((await block(users[0]!.userId, '')).status).toBe(400);
    expect((await call(h, 'POST', '/v1/operator/users/not-a-uuid/block', { reason: 'bad id here' }, h.operator)).status).toBe(400);
    expect((await block('00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await db.user.findUniqueOrThrow({ where: { id: users[0]!.userId } })).status).toBe('ACTIVE');
  });
});
