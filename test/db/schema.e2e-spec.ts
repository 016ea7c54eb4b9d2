import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createPrisma } from '../../libs/infra/src/prisma/prisma.service';
import { applyMigrations, listMigrations, migrationChecksum } from '../../scripts/db/migrate';

/**
 * schema.prisma and the hand-written migrations must agree: every model is written
 * and read back through the generated client on the freshly migrated test database,
 * and the migration table holds what `prisma migrate status` expects.
 */
describe('database schema', () => {
  const prisma = createPrisma(process.env.DATABASE_URL!);
  afterAll(() => prisma.$disconnect());

  it('records every migration once, with Prisma checksums, and a rerun applies nothing', async () => {
    const again = await applyMigrations(process.env.DATABASE_URL!);
    expect(again.applied).toEqual([]);
    const pg = new Client({ connectionString: process.env.DATABASE_URL });
    await pg.connect();
    const { rows } = await pg.query(
      'SELECT migration_name, checksum, applied_steps_count, finished_at FROM "_prisma_migrations" ORDER BY migration_name',
    );
    await pg.end();
    const files = listMigrations();
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    rows.forEach((row, i) => {
      expect(row.checksum).toBe(migrationChecksum(files[i]!.script));
      expect(row.applied_steps_count).toBe(1);
      expect(row.finished_at).toBeInstanceOf(Date);
    });
  });

  it('writes and reads every model through the generated client', async () => {
    const partner = await prisma.partner.create({
      data: { id: randomUUID(), bin: String(Date.now()).padStart(12, '0').slice(-12), name: 'ТОО Schema' },
    });
    const application = await prisma.application.create({
      data: { id: randomUUID(), partnerId: partner.id, workflowId: `onboarding-${randomUUID()}` },
    });
    const account = await prisma.account.create({
      data: { id: randomUUID(), partnerId: partner.id, iban: 'KZ' + String(Date.now()).padStart(18, '0').slice(-18), balanceTiyn: 12345n },
    });
    const user = await prisma.user.create({
      data: {
        id: randomUUID(), partnerId: partner.id, applicationId: application.id, login: `schema-${randomUUID()}@example.kz`,
        fullName: 'Schema User', phone: '+77012345678', accessLevel: 'FULL_ACCESS', origin: 'APPLICATION', language: 'ru',
      },
    });
    await prisma.passwordHistory.create({ data: { userId: user.id, hash: '$argon2id$v=19$m=19456,t=2,p=1$x$y' } });
    await prisma.registration.create({
      data: {
        id: randomUUID(), userId: user.id, invitationNo: 1, workflowId: `registration-${user.id}-1`,
        tokenHash: 'a'.repeat(64), expiresAt: new Date(Date.now() + 1000),
      },
    });
    await prisma.oneTimeCode.create({
      data: { id: randomUUID(), scope: `registration-${user.id}-1`, codeNo: 1, purpose: 'REGISTRATION', codeHash: 'b'.repeat(64), expiresAt: new Date() },
    });
    await prisma.outboundMessage.create({ data: { key: `k-${randomUUID()}`, channel: 'SMS', recipient: '+7 701 *** ** 78', template: 'x' } });

    await prisma.session.create({
      data: { id: randomUUID(), userId: user.id, keyHash: 'c'.repeat(64), method: 'PASSWORD', expiresAt: new Date(Date.now() + 1000) },
    });
    const audit = await prisma.auditRecord.create({
      data: { actorType: 'SYSTEM', action: 'schema.test', outcome: 'SUCCESS', details: { n: 1 }, prevHash: '0'.repeat(64), hash: randomUUID().replace(/-/g, '').padEnd(64, '0') },
    });
    expect((await prisma.auditRecord.findUniqueOrThrow({ where: { id: audit.id } })).details).toEqual({ n: 1 });

    const read = await prisma.user.findUniqueOrThrow({
      where: { id: user.id },
      include: { partner: { include: { accounts: true, applications: true } }, registrations: true, passwordHashes: true, sessions: true },
    });
    expect(read.partner.accounts[0]!.balanceTiyn).toBe(12345n);
    expect(read.partner.applications[0]!.status).toBe('AWAITING_SIGNATURE');
    expect(read.registrations[0]!.status).toBe('INVITED');
    expect(read.passwordHashes).toHaveLength(1);
    expect(read.sessions[0]!.method).toBe('PASSWORD');
    expect(read.language).toBe('ru');
    expect(account.currency).toBe('KZT');
  });

  it('enforces the rules the database owns', async () => {
    const partner = await prisma.partner.create({ data: { id: randomUUID(), bin: '9' + String(Date.now()).slice(-11), name: 'P' } });
    await prisma.application.create({ data: { id: randomUUID(), partnerId: partner.id, workflowId: `w-${randomUUID()}` } });
    // a second open application for the same partner
    await expect(
      prisma.application.create({ data: { id: randomUUID(), partnerId: partner.id, workflowId: `w-${randomUUID()}` } }),
    ).rejects.toThrow();
    // logins are stored lower-cased
    await expect(
      prisma.user.create({
        data: { id: randomUUID(), partnerId: partner.id, login: 'Upper@Example.kz', fullName: 'U', phone: '+77012345678', accessLevel: 'CREATE_AND_VIEW', origin: 'CABINET' },
      }),
    ).rejects.toThrow();
  });
});
