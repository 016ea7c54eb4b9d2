import { createPrisma } from '@infra/prisma/prisma.service';
import { refuseAuditRecords, sqlText } from '../support/audit-fault';
import { call, startHarness, type Harness } from '../support/harness';
import { MailCatcher } from '../support/mail';
import { bearer, login, registerPartner, type RegisteredUser } from '../support/users';

/** §1.14 with §1.15: a block commits with its audit record, or not at all. */
describe('blocking a user and its audit record are one transaction', () => {
  let h: Harness;
  const mail = new MailCatcher();
  const db = createPrisma(process.env.DATABASE_URL!);
  let user: RegisteredUser;

  beforeAll(async () => {
    h = await startHarness();
    user = (await registerPartner(h, mail, [{}])).users[0]!;
  });
  afterAll(async () => {
    await h.close();
    await db.$disconnect();
  });

  const block = () => call(h, 'POST', `/v1/operator/users/${user.userId}/block`, { reason: 'suspected fraud on the account' }, h.operator);
  const unblock = () => call(h, 'POST', `/v1/operator/users/${user.userId}/unblock`, undefined, h.operator);
  const records = (action: string) => db.auditRecord.count({ where: { action, targetId: user.userId } });

  it('a block whose record the database refuses is not taken: status and sessions stay as they were', async () => {
    const key = await login(h, user.login, user.password);
    const lift = await refuseAuditRecords(db, `NEW.action = 'user.block' AND NEW.target_id = ${sqlText(user.userId)}`);
    try {
      expect((await block()).status).toBe(500);
    } finally {
      await lift();
    }
    expect(await db.user.findUniqueOrThrow({ where: { id: user.userId }, select: { status: true } })).toEqual({ status: 'ACTIVE' });
    expect(await db.session.count({ where: { userId: user.userId, revokedAt: null } })).toBeGreaterThanOrEqual(1);
    expect((await call(h, 'GET', '/v1/me', undefined, bearer(key))).status).toBe(200);
    expect(await records('user.block')).toBe(0);

    // The same block once the record can be written: both land, once.
    expect(await block()).toMatchObject({ status: 200, body: { status: 'BLOCKED' } });
    expect((await call(h, 'GET', '/v1/me', undefined, bearer(key))).status).toBe(401);
    expect(await records('user.block')).toBe(1);
    const audit = await db.auditRecord.findFirstOrThrow({ where: { action: 'user.block', targetId: user.userId } });
    expect(audit).toMatchObject({ actorType: 'OPERATOR', outcome: 'SUCCESS' });
    expect(audit.details).toMatchObject({ previousStatus: 'ACTIVE', sessionsRevoked: 1 });
  });

  it('an unblock whose record the database refuses leaves the user blocked', async () => {
    const lift = await refuseAuditRecords(db, `NEW.action = 'user.unblock' AND NEW.target_id = ${sqlText(user.userId)}`);
    try {
      expect((await unblock()).status).toBe(500);
    } finally {
      await lift();
    }
    expect(await db.user.findUniqueOrThrow({ where: { id: user.userId }, select: { status: true } })).toEqual({ status: 'BLOCKED' });
    expect(await records('user.unblock')).toBe(0);
    expect(await unblock()).toMatchObject({ status: 200, body: { status: 'ACTIVE' } });
    expect(await records('user.unblock')).toBe(1);
  });
});
