import fc from 'fast-check';
import { randomInt } from 'node:crypto';
import { createPrisma } from '@infra/prisma/prisma.service';
import { PERMISSIONS } from '@domain/permissions';
import { fromAddress } from '../support/addresses';
import { call, startHarness, type Harness, type HttpResult } from '../support/harness';
import { MailCatcher } from '../support/mail';
import { bearer, login, registerPartner, type RegisteredUser } from '../support/users';

/** A client address no other request of the run uses (support/addresses), so per-address limits don't mix. */
const from = () => fromAddress();

/** Sign-in by password, sessions, `/v1/me`, logout and token separation (§1.1, §1.11, §1.16, §1.17). */
describe('password sign-in and sessions', () => {
  let h: Harness;
  const mail = new MailCatcher();
  const db = createPrisma(process.env.DATABASE_URL!);
  let full: RegisteredUser;
  let viewer: RegisteredUser;
  let partnerId: string;

  beforeAll(async () => {
    h = await startHarness();
    const partner = await registerPartner(h, mail, [{ accessLevel: 'FULL_ACCESS' }, { accessLevel: 'CREATE_AND_VIEW' }]);
    [full, viewer] = partner.users as [RegisteredUser, RegisteredUser];
    partnerId = partner.partnerId;
  });
  afterAll(async () => {
    await h.close();
    await db.$disconnect();
  });

  it('§1.16 signs in with login and password; /v1/me shows user, partner, access level and the domain permissions', async () => {
    const res = await call(h, 'POST', '/v1/auth/login', { login: full.login.toUpperCase(), password: full.password }, from());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ user: { userId: full.userId, login: full.login, accessLevel: 'FULL_ACCESS', partnerId } });
    expect(res.body.sessionKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const lifetime = Date.parse(res.body.expiresAt) - Date.now();
    expect(lifetime).toBeGreaterThan(h.env.SESSION_ABSOLUTE_TTL_MS - 60_000);

    const me = await call(h, 'GET', '/v1/me', undefined, bearer(res.body.sessionKey));
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      user: { userId: full.userId, login: full.login, status: 'ACTIVE' },
      partner: { partnerId },
      accessLevel: 'FULL_ACCESS',
      permissions: [...PERMISSIONS],
      session: { method: 'PASSWORD' },
    });
    const viewerMe = await call(h, 'GET', '/v1/me', undefined, bearer(await login(h, viewer.login, viewer.password)));
    expect(viewerMe.body.accessLevel).toBe('CREATE_AND_VIEW');
    expect(viewerMe.body.permissions).not.toContain('PAYMENT_CONFIRM');
    expect(viewerMe.body.permissions).toContain('PAYMENT_CREATE');

    const session = await db.session.findFirstOrThrow({ where: { userId: full.userId }, orderBy: { createdAt: 'desc' } });
    expect(session.method).toBe('PASSWORD');
    expect(session.keyHash).not.toBe(res.body.sessionKey);
    const audit = await db.auditRecord.findFirstOrThrow({ where: { actorId: full.userId, action: 'auth.login', outcome: 'SUCCESS' }, orderBy: { id: 'desc' } }); // the sign-in just made
    expect(audit.details).toEqual({ method: 'PASSWORD' });
  });

  it('§1.11 logout ends the session at once; other sessions of the user live on', async () => {
    const a = await login(h, full.login, full.password);
    const b = await login(h, full.login, full.password);
    const out = await call(h, 'POST', '/v1/auth/logout', undefined, bearer(a));
    expect(out.status).toBe(204);
    expect((await call(h, 'GET', '/v1/me', undefined, bearer(a))).status).toBe(401);
    expect((await call(h, 'POST', '/v1/auth/logout', undefined, bearer(a))).status).toBe(401);
    expect((await call(h, 'GET', '/v1/me', undefined, bearer(b))).status).toBe(200);
    expect(await db.auditRecord.count({ where: { actorId: full.userId, action: 'auth.logout' } })).toBeGreaterThanOrEqual(1);
  });

  it('§1.1 cabinet routes need a session; operator tokens never work there, session keys never work on operator routes', async () => {
    expect((await call(h, 'GET', '/v1/me')).status).toBe(401);
    const withOperator = await call(h, 'GET', '/v1/me', undefined, h.operator);
    expect(withOperator.status).toBe(401);
    expect(withOperator.headers.get('www-authenticate')).toBe('Bearer');
    const key = await login(h, viewer.login, viewer.password);
    const asOperator = await call(h, 'POST', `/v1/operator/users/${viewer.userId}/block`, { reason: 'a cabinet key tries' }, bearer(key));
    expect(asOperator.status).toBe(401);
    expect((await db.user.findUniqueOrThrow({ where: { id: viewer.userId } })).status).toBe('ACTIVE');
    expect((await call(h, 'GET', '/v1/me', undefined, bearer(key))).status).toBe(200);
  });

  it('§1.11 publishes session and login-protection lifetimes', async () => {
    const res = await call(h, 'GET', '/v1/security/parameters');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      sessionIdleTtlSeconds: 900,
      sessionAbsoluteTtlSeconds: 43_200,
      login: { maxPasswordFailures: 5, lockSeconds: 900 },
    });
  });

  it('rejects malformed input with 400, never 500', async () => {
    expect((await call(h, 'POST', '/v1/auth/login', { login: 'not-an-email', password: 'x' }, from())).status).toBe(400);
    expect((await call(h, 'POST', '/v1/auth/login', { login: full.login }, from())).status).toBe(400);
    expect((await call(h, 'POST', '/v1/auth/login', '{"login":', { 'content-type': 'application/json', ...from() })).status).toBe(400);
  });

  /** What the caller can observe of a response, less what differs per request anyway. */
  const observable = (res: HttpResult) => {
    const headers = [...res.headers.entries()].filter(([name]) => !['x-request-id', 'date'].includes(name));
    return { status: res.status, body: res.body, headers };
  };

  it('§1.17 no response tells an unknown login from a wrong password, and both take about as long', async () => {
    const timings = { unknown: [] as number[], wrong: [] as number[] };
    const timed = async (kind: keyof typeof timings, body: unknown, headers: Record<string, string>) => {
      const started = performance.now();
      const res = await call(h, 'POST', '/v1/auth/login', body, headers);
      timings[kind].push(performance.now() - started);
      return res;
    };
    const localPart = fc.stringMatching(/^[a-z][a-z0-9]{2,15}$/);
    const password = fc.string({ minLength: 1, maxLength: 40 }).filter((p) => p !== full.password);
    await fc.assert(
      fc.asyncProperty(localPart, password, async (name, guess) => {
        const headers = from();
        const unknown = await timed('unknown', { login: `${name}-${randomInt(1e9)}@nowhere.example.kz`, password: guess }, headers);
        const wrong = await timed('wrong', { login: full.login, password: guess }, headers);
        expect(unknown.status).toBe(401);
        expect(observable(wrong)).toEqual(observable(unknown));
      }),
      { numRuns: 20 },
    );
    // Loosely: the same order of magnitude (both hash once with argon2id).
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const ratio = median(timings.wrong) / median(timings.unknown);
    expect(ratio).toBeGreaterThan(0.33);
    expect(ratio).toBeLessThan(3);
  });
});
