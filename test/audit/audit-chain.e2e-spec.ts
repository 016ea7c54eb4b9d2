import { Client } from 'pg';
import { AuditService } from '../../libs/infra/src/audit/audit.service';
import { verifyAuditChain } from '../../libs/infra/src/audit/audit-verify';
import { createPrisma } from '../../libs/infra/src/prisma/prisma.service';
import { auditRows, ownDatabase } from './support';

/**
 * The database keeps the trail append-only, and the hash chain shows any change
 * made behind its back (§1.15). On a database of this spec's own.
 */
describe('audit trail: append-only and verifiable', () => {
  let db: Awaited<ReturnType<typeof ownDatabase>>;
  let pg: Client;
  let prisma: ReturnType<typeof createPrisma>;
  let audit: AuditService;

  beforeAll(async () => {
    db = await ownDatabase();
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    prisma = createPrisma(db.url, 2);
    audit = new AuditService(prisma);
    for (let i = 0; i < 12; i++) {
      await audit.record({ actorType: 'USER', actorId: `u-${i}`, action: 'test.write', outcome: 'SUCCESS', clientAddress: '127.0.0.1', details: { i, at: new Date(0) } });
    }
  });
  afterAll(async () => {
    await pg.end();
    await prisma.$disconnect();
    await db.drop();
  });

  it('refuses UPDATE, DELETE and TRUNCATE, whoever asks', async () => {
    await expect(pg.query("UPDATE audit_records SET action = 'x' WHERE id = (SELECT min(id) FROM audit_records)")).rejects.toThrow(/append-only: UPDATE/);
    await expect(pg.query('DELETE FROM audit_records WHERE id = (SELECT max(id) FROM audit_records)')).rejects.toThrow(/only the retention purge may delete/);
    await expect(pg.query('TRUNCATE audit_records')).rejects.toThrow(/append-only: TRUNCATE/);
    await expect(prisma.auditRecord.deleteMany({})).rejects.toThrow();
    expect(await auditRows(pg)).toHaveLength(12);
  });

  it('lets even a purge transaction delete only records older than its period, and only the oldest ones', async () => {
    await pg.query('BEGIN');
    try {
      await pg.query("SELECT set_config('audit.retention_purge', 'on', true), set_config('audit.retention_ms', '3600000', true)");
      await expect(pg.query('DELETE FROM audit_records WHERE id = (SELECT min(id) FROM audit_records)')).rejects.toThrow(/younger than the retention period/);
    } finally {
      await pg.query('ROLLBACK');
    }
    await pg.query('BEGIN');
    try {
      // Every record is older than 1 ms, but one from the middle of the chain may still not go.
      await pg.query("SELECT set_config('audit.retention_purge', 'on', true), set_config('audit.retention_ms', '1', true)");
      await expect(pg.query('DELETE FROM audit_records WHERE id = (SELECT max(id) FROM audit_records)')).rejects.toThrow(/only the oldest records/);
    } finally {
      await pg.query('ROLLBACK');
    }
    await pg.query('BEGIN');
    try {
      await pg.query("SELECT set_config('audit.retention_purge', 'on', true), set_config('audit.retention_ms', 'forever', true)");
      await expect(pg.query('DELETE FROM audit_records WHERE id = (SELECT min(id) FROM audit_records)')).rejects.toThrow(/positive number of milliseconds/);
    } finally {
      await pg.query('ROLLBACK');
    }
    expect(await auditRows(pg)).toHaveLength(12);
  });

  it('verifies an intact chain', async () => {
    await expect(verifyAuditChain(pg, 5)).resolves.toMatchObject({ ok: true, checked: 12 });
  });

  it('names the first changed record when the superuser tampers behind the triggers', async () => {
    const rows = await auditRows(pg);
    const victim = rows[7]!;
    await pg.query('BEGIN');
    try {
      // What someone with the database's superuser could do: switch the triggers off and edit.
      await pg.query('SET LOCAL session_replication_role = replica');
      await pg.query("UPDATE audit_records SET details = jsonb_set(details, '{i}', '99') WHERE id = $1", [victim.id]);
      await expect(verifyAuditChain(pg, 5)).resolves.toMatchObject({ ok: false, brokenId: victim.id, checked: 7 });
    } finally {
      await pg.query('ROLLBACK');
    }
    await pg.query('BEGIN');
    try {
      await pg.query('SET LOCAL session_replication_role = replica');
      await pg.query('DELETE FROM audit_records WHERE id = $1', [rows[3]!.id]);
      await expect(verifyAuditChain(pg)).resolves.toMatchObject({ ok: false, brokenId: rows[4]!.id, reason: expect.stringContaining('does not link') });
    } finally {
      await pg.query('ROLLBACK');
    }
    await expect(verifyAuditChain(pg)).resolves.toMatchObject({ ok: true, checked: 12 });
  });
});
