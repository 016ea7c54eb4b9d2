import { createPrisma } from '@infra/prisma/prisma.service';
import { call, eventually, startHarness, type Harness } from '../support/harness';
import { MailCatcher } from '../support/mail';
import { bearer, login, registerPartner, type RegisteredUser } from '../support/users';

const IDLE_MS = 1_500;

/** §1.11 session lifetimes: the idle timeout ends a session nobody uses; use keeps it alive; the absolute lifetime caps it. */
describe('session lifetimes', () => {
  let h: Harness;
  let capped: Harness;
  const mail = new MailCatcher();
  const db = createPrisma(process.env.DATABASE_URL!);
  let user: RegisteredUser;

  beforeAll(async () => {
    h = await startHarness({ SESSION_IDLE_TTL_MS: String(IDLE_MS) });
    capped = await startHarness({ SESSION_ABSOLUTE_TTL_MS: String(2 * IDLE_MS) });
    [user] = (await registerPartner(h, mail, [{}])).users as [RegisteredUser];
  });
  afterAll(async () => {
    await Promise.all([h.close(), capped.close()]);
    await db.$disconnect();
  });

  /** Waits, without touching the session, until it was last used more than `ms` ago. */
  const idleFor = (sessionKeyOwner: string, ms: number) =>
    eventually(`session idle ${ms} ms`, async () => {
      const s = await db.session.findFirstOrThrow({ where: { userId: user.userId, id: sessionKeyOwner } });
      return Date.now() - s.lastSeenAt.getTime() > ms ? true : undefined;
    });

  const sessionId = async (sessionKey: string) => {
    const me = await call(h, 'GET', '/v1/me', undefined, bearer(sessionKey));
    expect(me.status).toBe(200);
    return (await db.session.findFirstOrThrow({ where: { userId: user.userId }, orderBy: { lastSeenAt: 'desc' } })).id;
  };

  it('publishes the configured idle timeout', async () => {
    expect((await call(h, 'GET', '/v1/security/parameters')).body.sessionIdleTtlSeconds).toBe(IDLE_MS / 1000);
  });

  it('a session used within the idle timeout lives on; left idle longer, the next call is 401', async () => {
    const key = await login(h, user.login, user.password);
    const id = await sessionId(key);
    for (let i = 0; i < 3; i++) {
      await idleFor(id, IDLE_MS * 0.6);
      expect((await call(h, 'GET', '/v1/me', undefined, bearer(key))).status).toBe(200);
    }
    await idleFor(id, IDLE_MS + 100);
    const expired = await call(h, 'GET', '/v1/me', undefined, bearer(key));
    expect(expired.status).toBe(401);
    expect(expired.headers.get('content-type')).toContain('application/problem+json');
    // and it stays dead: an expired session is never revived
    expect((await call(h, 'GET', '/v1/me', undefined, bearer(key))).status).toBe(401);
  });

  it('the absolute lifetime ends even a session in constant use', async () => {
    const res = await call(capped, 'POST', '/v1/auth/login', { login: user.login, password: user.password });
    expect(res.status).toBe(200);
    const expiresAt = Date.parse(res.body.expiresAt);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(2 * IDLE_MS);
    await eventually('absolute expiry', async () => {
      const me = await call(capped, 'GET', '/v1/me', undefined, bearer(res.body.sessionKey));
      return me.status === 401 ? Date.now() : undefined;
    });
    expect(Date.now()).toBeGreaterThanOrEqual(expiresAt - 50);
  });
});
