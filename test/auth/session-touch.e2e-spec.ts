import { createPrisma } from '@infra/prisma/prisma.service';
import { call, eventually, startHarness, type Harness } from '../support/harness';
import { MailCatcher } from '../support/mail';
import { bearer, login, registerPartner, type RegisteredUser } from '../support/users';

const IDLE_MS = 2_000;
const TOUCH_MS = 800;

/**
 * §1.11 without a write per read: a session's last use is written at most once per
 * SESSION_TOUCH_INTERVAL_MS, and idle expiry counts from the written time, so a session
 * never outlives its idle timeout (it may end up to one interval sooner).
 */
describe('session last-use granularity', () => {
  let h: Harness;
  const mail = new MailCatcher();
  const db = createPrisma(process.env.DATABASE_URL!);
  let user: RegisteredUser;

  beforeAll(async () => {
    h = await startHarness({ SESSION_IDLE_TTL_MS: String(IDLE_MS), SESSION_TOUCH_INTERVAL_MS: String(TOUCH_MS) });
    [user] = (await registerPartner(h, mail, [{}])).users as [RegisteredUser];
  });
  afterAll(async () => {
    await h.close();
    await db.$disconnect();
  });

  /** The row's last use and its version (xmin changes with every write of the row). */
  const row = async (sessionId: string) => {
    const [r] = await db.$queryRaw<{ last_seen_at: Date; version: string }[]>`
      SELECT "last_seen_at", xmin::text AS "version" FROM "sessions" WHERE "id" = ${sessionId}::uuid`;
    return { lastSeenAt: r!.last_seen_at.getTime(), version: r!.version };
  };
  const me = (key: string) => call(h, 'GET', '/v1/me', undefined, bearer(key));
  const until = (at: number) => eventually(`clock past ${at}`, async () => (Date.now() > at ? true : undefined));

  it('publishes the granularity beside the idle timeout', async () => {
    const params = (await call(h, 'GET', '/v1/security/parameters')).body;
    expect(params).toMatchObject({ sessionIdleTtlSeconds: IDLE_MS / 1000, sessionTouchIntervalSeconds: TOUCH_MS / 1000 });
  });

  it('reads within the interval write nothing; the first read after it writes once', async () => {
    const key = await login(h, user.login, user.password);
    const sessionId = (await db.session.findFirstOrThrow({ where: { userId: user.userId }, orderBy: { createdAt: 'desc' } })).id;
    const opened = await row(sessionId);
    for (let i = 0; i < 5; i++) expect((await me(key)).status).toBe(200);
    // Only meaningful if the reads really came within the interval.
    expect(Date.now() - opened.lastSeenAt).toBeLessThan(TOUCH_MS);
    expect(await row(sessionId)).toEqual(opened);

    await until(opened.lastSeenAt + TOUCH_MS + 20);
    expect((await me(key)).status).toBe(200);
    const touched = await row(sessionId);
    expect(touched.lastSeenAt).toBeGreaterThan(opened.lastSeenAt);
    expect(touched.version).not.toBe(opened.version);
    expect((await me(key)).status).toBe(200);
    expect(await row(sessionId)).toEqual(touched);
  });

  it('idle expiry counts from the written use: never later than the idle timeout, and an expired session stays dead', async () => {
    const key = await login(h, user.login, user.password);
    const sessionId = (await db.session.findFirstOrThrow({ where: { userId: user.userId }, orderBy: { createdAt: 'desc' } })).id;
    const opened = await row(sessionId);
    // Used just before the idle timeout: alive, and the use is written.
    await until(opened.lastSeenAt + IDLE_MS - 400);
    expect((await me(key)).status).toBe(200);
    const written = await row(sessionId);
    expect(written.lastSeenAt).toBeGreaterThan(opened.lastSeenAt);
    // A use within the interval is not written, so it does not stretch the idle timeout.
    await until(written.lastSeenAt + TOUCH_MS / 2);
    expect((await me(key)).status).toBe(200);
    expect(await row(sessionId)).toEqual(written);
    await until(written.lastSeenAt + IDLE_MS + 20);
    expect((await me(key)).status).toBe(401);
    expect((await me(key)).status).toBe(401);
    expect(await row(sessionId)).toEqual(written);
  });

  it('configuration refuses an interval not shorter than the idle timeout', async () => {
    await expect(startHarness({ SESSION_IDLE_TTL_MS: '1000', SESSION_TOUCH_INTERVAL_MS: '1000' })).rejects.toThrow(/SESSION_TOUCH_INTERVAL_MS/);
  });
});
