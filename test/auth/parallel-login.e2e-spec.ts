import { createPrisma } from '@infra/prisma/prisma.service';
import { fromAddress } from '../support/addresses';
import { call, startHarness, type Harness } from '../support/harness';
import { MailCatcher } from '../support/mail';
import { bearer, registerPartner, type RegisteredUser } from '../support/users';

/**
 * Parallel sign-ins of one user (§1.16): an attempt is weighed first and decided after, under
 * the user's counter lock, so attempts still in flight never count as failures — ten right
 * passwords at once all open a session — while wrong ones still lock after exactly the limit.
 */
describe('parallel sign-in of one user', () => {
  let h: Harness;
  const mail = new MailCatcher();
  const db = createPrisma(process.env.DATABASE_URL!);
  let users: RegisteredUser[];

  beforeAll(async () => {
    h = await startHarness({ LOGIN_LOCK_MS: '60000' });
    users = (await registerPartner(h, mail, [{}, {}, {}])).users;
  });
  afterAll(async () => {
    await h.close();
    await db.$disconnect();
  });

  const attempt = (user: RegisteredUser, password: string) => call(h, 'POST', '/v1/auth/login', { login: user.login, password }, fromAddress());

  it('10 parallel right passwords, 5 rounds: 50 × 200, 50 sessions, 50 audited sign-ins, counters untouched', async () => {
    const user = users[0]!;
    const statuses: number[] = [];
    const keys = new Set<string>();
    for (let round = 0; round < 5; round++) {
      const results = await Promise.all(Array.from({ length: 10 }, () => attempt(user, user.password)));
      for (const r of results) {
        statuses.push(r.status);
        if (r.status === 200) keys.add(r.body.sessionKey as string);
      }
    }
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(keys.size).toBe(50);
    for (const key of [...keys].slice(0, 10)) expect((await call(h, 'GET', '/v1/me', undefined, bearer(key))).status).toBe(200);
    expect(await db.session.count({ where: { userId: user.userId, revokedAt: null } })).toBe(50);
    expect(await db.auditRecord.count({ where: { actorId: user.userId, action: 'auth.login', outcome: 'SUCCESS' } })).toBe(50);
    expect(await db.auditRecord.count({ where: { actorId: user.userId, action: 'auth.login', outcome: 'FAILURE' } })).toBe(0);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.userId }, include: { loginLock: true } });
    expect(row.status).toBe('ACTIVE');
    expect(row.loginLock ?? { passwordFailures: 0, lockedUntil: null }).toMatchObject({ passwordFailures: 0, lockedUntil: null });
  });

  it('right and wrong passwords at once: every right one signs in, the wrong ones are counted, nothing locks below the limit', async () => {
    const user = users[1]!;
    const passwords = [...Array(6).fill(user.password), ...Array.from({ length: 4 }, (_, i) => `Wrong-guess-${i}!`)];
    const results = await Promise.all(passwords.map((p) => attempt(user, p)));
    expect(results.map((r) => r.status)).toEqual([...Array(6).fill(200), ...Array(4).fill(401)]);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.userId } })).status).toBe('ACTIVE');
  });

  it('12 parallel wrong passwords lock after exactly 5, once, and the right password is then refused alike', async () => {
    const user = users[2]!;
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => attempt(user, `Parallel-guess-${i}!`)));
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(401));
    const reasons = await db.auditRecord.findMany({ where: { actorId: user.userId, action: 'auth.login' }, select: { details: true } });
    const byReason = reasons.reduce<Record<string, number>>((acc, r) => {
      const reason = (r.details as { reason: string }).reason;
      acc[reason] = (acc[reason] ?? 0) + 1;
      return acc;
    }, {});
    expect(byReason).toEqual({ WRONG_PASSWORD: 5, LOCKED: 7 });
    const row = await db.user.findUniqueOrThrow({ where: { id: user.userId }, include: { loginLock: true } });
    expect(row.status).toBe('LOCKED');
    expect(row.loginLock).toMatchObject({ passwordFailures: 0, lockCount: 1 });
    const refused = await attempt(user, user.password);
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual(results[0]!.body);
  });
});

/** The same for sign-in by SMS code (§1.4, §2.9): wrong codes count across challenges, decided after the workflow answered. */
describe('parallel code sign-in of one user', () => {
  let h: Harness;
  const mail = new MailCatcher();
  const db = createPrisma(process.env.DATABASE_URL!);
  let users: RegisteredUser[];

  beforeAll(async () => {
    h = await startHarness({ CODE_RESEND_COOLDOWN_MS: '1', LOGIN_CODE_SEND_LIMIT: '5', LOGIN_CODE_MAX_FAILURES: '3', LOGIN_LOCK_MS: '60000' });
    users = (await registerPartner(h, mail, [{}, {}])).users;
  });
  afterAll(async () => {
    await h.close();
    await db.$disconnect();
  });

  /** Opens `n` challenges one after another; each with the code its SMS carried (the first SMS was the registration code). */
  const challenges = async (user: RegisteredUser, n: number) => {
    const opened: { id: string; code: string }[] = [];
    for (let i = 0; i < n; i++) {
      const res = await call(h, 'POST', '/v1/auth/otp', { login: user.login }, fromAddress());
      expect(res.status).toBe(202);
      opened.push({ id: res.body.challengeId as string, code: await mail.nthSmsCode(user.phone, i + 2) });
    }
    return opened;
  };
  const verify = (challengeId: string, code: string) => call(h, 'POST', `/v1/auth/otp/${challengeId}/verify`, { code }, fromAddress());
  const wrong = (code: string) => (code === '000000' ? '111111' : '000000');

  it('three right codes and two wrong ones at once (limit 3): the right ones all sign in', async () => {
    const user = users[0]!;
    const opened = await challenges(user, 5);
    const results = await Promise.all(opened.map((c, i) => verify(c.id, i < 3 ? c.code : wrong(c.code))));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 401, 401]);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.userId } })).status).toBe('ACTIVE');
  });

  it('five wrong codes at once on five challenges: exactly 3 counted, the login locks once', async () => {
    const user = users[1]!;
    const opened = await challenges(user, 5);
    const results = await Promise.all(opened.map((c) => verify(c.id, wrong(c.code))));
    expect(results.map((r) => r.status)).toEqual(Array(5).fill(401));
    const records = await db.auditRecord.findMany({ where: { actorId: user.userId, action: 'auth.login', outcome: 'FAILURE' }, select: { details: true } });
    const reasons = records.map((r) => (r.details as { reason: string }).reason).sort();
    expect(reasons).toEqual(['LOCKED', 'LOCKED', 'WRONG_CODE', 'WRONG_CODE', 'WRONG_CODE']);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.userId }, include: { loginLock: true } });
    expect(row.status).toBe('LOCKED');
    expect(row.loginLock).toMatchObject({ codeFailures: 0, lockCount: 1 });
  });
});
