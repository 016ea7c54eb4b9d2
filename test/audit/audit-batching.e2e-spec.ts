import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DEV_AUDIT_PUBLIC_KEY } from '@infra/audit/audit-keys';
import { AuditService, type AuditEntry } from '@infra/audit/audit.service';
import { verifyAuditLog } from '@infra/audit/audit-verify';
import { createPrisma } from '@infra/prisma/prisma.service';
import { auditRows, ownDatabase, sealAndExport } from './support';

/**
 * Standalone records (`record()`) from concurrent callers in one process share one multi-row
 * INSERT (libs/infra/src/audit/audit.service.ts): a burst neither empties the connection pool nor
 * loses a record; two processes need no coordination at all (no lock, no chain head), the sealer
 * orders them; a record the database refuses costs only itself.
 */
describe('audit log: batched standalone records', () => {
  let db: Awaited<ReturnType<typeof ownDatabase>>;
  let pg: Client;
  const prismas: ReturnType<typeof createPrisma>[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'audit-batching-'));

  beforeAll(async () => {
    db = await ownDatabase();
    pg = new Client({ connectionString: db.url });
    await pg.connect();
  });
  afterAll(async () => {
    await pg.end();
    await Promise.all(prismas.map((p) => p.$disconnect()));
    await db.drop();
  });

  const service = () => {
    // Two connections per "process": the burst below is 75 times that.
    const prisma = createPrisma(db.url, 2);
    prismas.push(prisma);
    return new AuditService(prisma);
  };
  const entry = (i: number, over: Partial<AuditEntry> = {}): AuditEntry => ({
    actorType: 'SYSTEM',
    action: 'test.burst',
    outcome: 'SUCCESS',
    targetId: `n-${i}`,
    details: { i },
    ...over,
  });

  it('300 concurrent records from two processes: every one written once and sealed once; a refused one fails alone', async () => {
    const [a, b] = [service(), service()];
    const results = await Promise.allSettled([
      ...Array.from({ length: 150 }, (_, i) => a.record(entry(i))),
      // PostgreSQL cannot store a NUL in text: this record is refused, its batch-mates are not.
      a.record(entry(-1, { action: 'test.\u0000burst' })),
      ...Array.from({ length: 150 }, (_, i) => b.record(entry(150 + i))),
      // Retried activities: the same dedup key, within one batch and across processes, is one record.
      a.record(entry(0, { targetId: 'retried', dedupKey: 'same-key' })),
      a.record(entry(0, { targetId: 'retried', dedupKey: 'same-key' })),
      b.record(entry(0, { targetId: 'retried', dedupKey: 'same-key' })),
    ]);
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    expect(results[150]!.status).toBe('rejected');

    const rows = await auditRows(pg, "action = 'test.burst'");
    const written = rows.filter((r) => r.target_id?.startsWith('n-')).map((r) => r.target_id);
    expect(new Set(written).size).toBe(300);
    expect(written).toHaveLength(300);
    expect((await pg.query("SELECT count(*)::int AS n FROM audit_records WHERE dedup_key = 'same-key'")).rows[0].n).toBe(1);

    await expect(sealAndExport(prismas[0]!, dir)).resolves.toBe('exported');
    expect((await pg.query('SELECT count(*)::int AS n, count(DISTINCT record_id)::int AS d, max(leaf_index)::int AS top FROM audit_leaves')).rows[0]).toEqual({
      n: 301,
      d: 301,
      top: 300,
    });
    await expect(verifyAuditLog(pg, dir, DEV_AUDIT_PUBLIC_KEY)).resolves.toMatchObject({ ok: true, treeSize: 301, checked: 301 });
  });
});
