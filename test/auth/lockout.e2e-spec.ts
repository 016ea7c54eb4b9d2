import { randomInt } from 'node:crypto';
import { createPrisma } from '@infra/prisma/prisma.service';
import { uniqueClientAddress as address } from '../support/addresses';
import { call, eventually, startHarness, type Harness } from '../support/harness';
import { MailCatcher } from '../support/mail';
import { bearer, registerPartner, type RegisteredUser } from '../support/users';

const LOCK_MS = 3_000;

/** Brute-force protection of password sign-in (§1.16): the login lock, its notice and its end; the per-address limit. */
describe('login lockout', () => {
  let h: Harness;
  const mail = new MailCatcher();
  const db = createPrisma(process.env.DATABASE_URL!);
  let users: RegisteredUser[];

  beforeAll(async () => {
    h = await startHarness({ LOGIN_LOCK_MS: String(LOCK_MS), LOGIN_ADDRESS_MAX_FAILURES: '8', LOGIN_ADDRESS_WINDOW_MS: '60000' });
    users = (await registerPartner(h, mail, [{}, {}, {}])).users;
  });
  afterAll(async () => {
    await h.close();
    await db.$disconnect();
  });

  const attempt = (user: RegisteredUser, password: string, ip = address()) =>
    call(h, 'POST', '/v1/auth/login', { login: user.login, password }, { 'x-forwarded-for': ip });

  it('5 failed passwords lock the login: told by e-mail and SMS, the right password refused alike, then the lock ends', async () => {
    const user = users[0]!;
    const failures = [];
    for (let i = 0; i < 5; i++) failures.push(await attempt(user, `Wrong-guess-${i}!`));
    expect(failures.map((f) => f.status)).toEqual([401, 401, 401, 401, 401]);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.userId }, include: { loginLock: true } });
    expect(row.status).toBe('LOCKED');
    expect(row.loginLock!.lockedUntil!.getTime()).toBeGreaterThan(Date.now());

    const refused = await attempt(user, user.password);
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual(failures[0]!.body);

    const notice = (await mail.waitFor(user.login, 2))[1]!; // the first mail was the registration link
    expect(notice.subject).toContain('бұғатталды');
    expect(notice.text).not.toContain(user.password);
    await mail.waitFor(`${user.phone.replace(/\D/g, '')}@sms.localhost`, 2); // registration code, then the lock notice

    // The lock's own timer (a workflow) ends it; then the right password works again and clears the counts.
    await eventually(
      'the lock to end',
      async () => ((await db.user.findUniqueOrThrow({ where: { id: user.userId } })).status === 'ACTIVE' ? true : undefined),
      LOCK_MS + 15_000,
    );
    const ok = await attempt(user, user.password);
    expect(ok.status).toBe(200);
    expect((await call(h, 'GET', '/v1/me', undefined, bearer(ok.body.sessionKey))).status).toBe(200);
    expect(await db.loginLock.findUniqueOrThrow({ where: { userId: user.userId } })).toMatchObject({ passwordFailures: 0, lockCount: 0, lockedUntil: null });
    const locked = await db.auditRecord.findFirstOrThrow({
      where: { actorId: user.userId, action: 'auth.login', outcome: 'FAILURE', details: { path: ['lockedUntil'], not: 'null' } },
      orderBy: { id: 'asc' },
    });
    expect(locked.details).toMatchObject({ method: 'PASSWORD', reason: 'WRONG_PASSWORD' });
  });

  it('a successful sign-in resets the count, so failures must come in a row', async () => {
    const user = users[1]!;
    for (let i = 0; i < 4; i++) expect((await attempt(user, 'Wrong-guess-1!')).status).toBe(401);
    expect((await attempt(user, user.password)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await attempt(user, 'Wrong-guess-2!')).status).toBe(401);
    expect((await attempt(user, user.password)).status).toBe(200);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.userId } })).status).toBe('ACTIVE');
  });

  it('a burst of parallel guesses cannot outrun the limit: at most 5 are weighed before the lock', async () => {
    const user = users[2]!;
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => attempt(user, `Parallel-guess-${i}!`)));
    expect(results.every((r) => r.status === 401)).toBe(true);
    const weighed = await db.auditRecord.count({ where: { actorId: user.userId, action: 'auth.login', details: { path: ['reason'], equals: 'WRONG_PASSWORD' } } });
    expect(weighed).toBe(5);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.userId } })).status).toBe('LOCKED');
  });

  it('failures are limited per client address, whatever the login: then 429 with Retry-After for every login', async () => {
    const ip = address();
    const logins = Array.from({ length: 8 }, (_, i) => `nobody-${i}-${randomInt(1e9)}@example.kz`);
    for (const login of logins) {
      expect((await call(h, 'POST', '/v1/auth/login', { login, password: 'whatever' }, { 'x-forwarded-for': ip })).status).toBe(401);
    }
    const limited = await call(h, 'POST', '/v1/auth/login', { login: users[1]!.login, password: users[1]!.password }, { 'x-forwarded-for': ip });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('AUTH.TOO_MANY_FAILURES');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // another address is not affected
    expect((await attempt(users[1]!, users[1]!.password)).status).toBe(200);
  });
});
