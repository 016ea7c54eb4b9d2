import { randomUUID } from 'node:crypto';
import { createPrisma } from '@infra/prisma/prisma.service';
import { call, startHarness, type Harness } from '../support/harness';
import { MailCatcher } from '../support/mail';
import { bearer, login, registerPartner } from '../support/users';
import { confirm, createRequest, createWithCode, newUser, requestOf, waitForStatus } from './support';

/** Who may add users, and what the API refuses (§1.8, §1.8.2, §1.11). */
describe('sub-user requests: access, isolation and refusals', () => {
  let h: Harness;
  const mail = new MailCatcher();
  const db = createPrisma(process.env.DATABASE_URL!);
  let director: { session: string; phone: string };
  let viewer: { session: string; phone: string };
  let colleague: string;

  beforeAll(async () => {
    h = await startHarness();
    const partner = await registerPartner(h, mail, [{ accessLevel: 'FULL_ACCESS' }, { accessLevel: 'CREATE_AND_VIEW' }, { accessLevel: 'FULL_ACCESS' }]);
    const [d, v, c] = partner.users;
    director = { session: await login(h, d!.login, d!.password), phone: d!.phone };
    viewer = { session: await login(h, v!.login, v!.password), phone: v!.phone };
    colleague = await login(h, c!.login, c!.password);
  });
  afterAll(async () => {
    await h.close();
    await db.$disconnect();
  });

  it('a CREATE_AND_VIEW user may not add users (403), and nothing is recorded', async () => {
    const sub = newUser('by-viewer');
    const res = await createRequest(h, viewer.session, sub);
    expect(res).toMatchObject({ status: 403, body: { code: 'ACCESS.FORBIDDEN' } });
    expect(await db.subUserRequest.count({ where: { email: sub.email } })).toBe(0);
    expect((await call(h, 'GET', '/v1/users', undefined)).status).toBe(401);
  });

  it('the same e-mail requested twice at once: one request survives, the other is a 409', async () => {
    const sub = newUser('twice');
    const results = await Promise.all([
      createRequest(h, director.session, sub),
      createRequest(h, director.session, { ...sub, email: sub.email.toUpperCase(), fullName: 'Someone Else' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([202, 409]);
    expect(results.find((r) => r.status === 409)!.body).toMatchObject({ code: 'SUB_USER_REQUEST.EMAIL_PENDING', field: 'email' });
    expect(await db.subUserRequest.count({ where: { email: sub.email } })).toBe(1);
  });

  it("another partner's request is a 404, never a 403; a malformed id is a 400", async () => {
    const other = await registerPartner(h, mail, [{ accessLevel: 'FULL_ACCESS' }]);
    const stranger = await login(h, other.users[0]!.login, other.users[0]!.password);
    const { requestId, code } = await createWithCode(h, mail, director, newUser('private'));
    expect((await requestOf(h, stranger, requestId)).status).toBe(404);
    expect((await confirm(h, stranger, requestId, code)).status).toBe(404);
    // §1.8.2: the code went to the creator's phone; another full-access user of the same partner can't use it.
    expect((await confirm(h, colleague, requestId, code)).body).toMatchObject({ status: 403, code: 'SUB_USER_REQUEST.NOT_CREATOR' });
    expect((await confirm(h, viewer.session, requestId, code)).body).toMatchObject({ status: 403, code: 'ACCESS.FORBIDDEN' });
    expect((await requestOf(h, director.session, requestId)).body).toMatchObject({ status: 'AWAITING_CONFIRMATION', attemptsLeft: 5 });
    expect((await requestOf(h, director.session, 'not-a-uuid')).status).toBe(400);
    const theirs = (await call(h, 'GET', '/v1/users', undefined, bearer(stranger))).body.items;
    expect(theirs.map((u: { userId: string }) => u.userId)).toEqual([other.users[0]!.userId]);
  });

  it('bad bodies are 400 with one message per field', async () => {
    const res = await createRequest(h, director.session, { fullName: '', email: 'nope', phone: '+7 727 258 00 00', accessLevel: 'ADMIN', extra: 1 });
    expect(res.status).toBe(400);
    const paths = res.body.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['fullName', 'email', 'phone', 'accessLevel']));
    const created = await createRequest(h, director.session, newUser('bad-code'));
    for (const body of [{}, { code: 123456 }, { code: '12345' }]) {
      expect((await call(h, 'POST', `/v1/users/requests/${created.body.requestId}/confirm`, body, bearer(director.session))).status).toBe(400);
    }
  });

  it('too many wrong codes cancel the request (§1.11); the e-mail is free again', async () => {
    const sub = newUser('locked');
    const { requestId, code } = await createWithCode(h, mail, director, sub);
    const wrong = code === '999999' ? '888888' : '999999';
    const left: number[] = [];
    for (let i = 0; i < 5; i++) left.push((await confirm(h, director.session, requestId, wrong)).body.attemptsLeft);
    expect(left).toEqual([4, 3, 2, 1, 0]);
    expect((await confirm(h, director.session, requestId, code)).status).toBe(409);
    const cancelled = await waitForStatus(h, director.session, requestId, 'CANCELLED');
    expect(cancelled.cancelReason).toBe('CODE_LOCKED');
    expect((await createRequest(h, director.session, sub)).status).toBe(202);
  });

  it('Idempotency-Key: a repeated create gets the first answer; one request, one code', async () => {
    const sub = newUser('idempotent');
    const headers = { ...bearer(director.session), 'idempotency-key': randomUUID() };
    const first = await call(h, 'POST', '/v1/users', sub, headers);
    const again = await call(h, 'POST', '/v1/users', sub, headers);
    expect(first.status).toBe(202);
    expect(again).toMatchObject({ status: 202, body: first.body });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect((await call(h, 'POST', '/v1/users', { ...sub, fullName: 'Other Name' }, headers)).status).toBe(422);
    expect(await db.subUserRequest.count({ where: { email: sub.email } })).toBe(1);
  });
});
