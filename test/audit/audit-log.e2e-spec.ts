import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { auditSigningKey, DEV_AUDIT_PUBLIC_KEY } from '@infra/audit/audit-keys';
import { AUDIT_CHECKPOINT_INCONSISTENT, CHECKPOINT_FILE } from '@infra/audit/audit-checkpoint-sink';
import { AuditService } from '@infra/audit/audit.service';
import { RECORD_COLUMNS, recordLeafHash, type AuditRecordRow } from '@infra/audit/audit-record-view';
import { verifyAuditLog } from '@infra/audit/audit-verify';
import { formatCheckpoint, signCheckpoint } from '@infra/audit/transparency';
import { createPrisma } from '@infra/prisma/prisma.service';
import { auditRows, DEV_KEY_NAME, ownDatabase, sealAndExport, sealOnce } from './support';

/**
 * The audit log is a transparency log (§1.15): the database keeps it append-only, the sealer
 * puts committed records into a Merkle tree and signs checkpoints, the sink exports them, and the
 * verifier names any record changed, removed or hidden behind the database's back. On a database
 * of this spec's own; the sealer runs in-process here (the workflow is covered by audit-sealer).
 */
describe('audit log: append-only, sealed and verifiable', () => {
  let db: Awaited<ReturnType<typeof ownDatabase>>;
  let pg: Client;
  let prisma: ReturnType<typeof createPrisma>;
  let audit: AuditService;
  const dir = mkdtempSync(join(tmpdir(), 'audit-checkpoints-'));
  const leafOf = async (id: string) =>
    (await pg.query<{ i: string }>('SELECT leaf_index::text AS i FROM audit_leaves WHERE record_id = $1', [id])).rows.map((r) => Number(r.i));
  const verify = () => verifyAuditLog(pg, dir, DEV_AUDIT_PUBLIC_KEY);

  beforeAll(async () => {
    db = await ownDatabase();
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    prisma = createPrisma(db.url, 4);
    audit = new AuditService(prisma);
    for (let i = 0; i < 12; i++) {
      await audit.record({
        actorType: 'USER',
        actorId: `u-${i}`,
        action: 'test.write',
        outcome: 'SUCCESS',
        clientAddress: '127.0.0.1',
        details: { i, at: new Date(0) },
      });
    }
    await sealAndExport(prisma, dir);
  });
  afterAll(async () => {
    await pg.end();
    await prisma.$disconnect();
    await db.drop();
  });

  it('seals every record once, signs and exports a checkpoint that verifies', async () => {
    const note = readFileSync(join(dir, CHECKPOINT_FILE), 'utf8');
    expect(note).toMatch(/^bank-flows\/audit\n12\n[A-Za-z0-9+/]{43}=\ntimestamp \S+Z\n\n\u2014 bank-flows\/audit \S+\n$/);
    await expect(verify()).resolves.toMatchObject({ ok: true, treeSize: 12, checked: 12, purged: 0 });
  });

  it('refuses UPDATE, DELETE and TRUNCATE of records and of the tree, whoever asks', async () => {
    await expect(pg.query("UPDATE audit_records SET action = 'x' WHERE id = (SELECT min(id) FROM audit_records)")).rejects.toThrow(/append-only: UPDATE/);
    await expect(pg.query('DELETE FROM audit_records WHERE id = (SELECT max(id) FROM audit_records)')).rejects.toThrow(/only the retention purge may delete/);
    await expect(pg.query('TRUNCATE audit_records')).rejects.toThrow(/append-only: TRUNCATE/);
    await expect(prisma.auditRecord.deleteMany({})).rejects.toThrow();
    for (const table of ['audit_leaves', 'audit_tree_nodes', 'audit_checkpoints']) {
      await expect(pg.query(`DELETE FROM ${table}`)).rejects.toThrow(/insert-only: DELETE/);
      await expect(pg.query(`TRUNCATE ${table}`)).rejects.toThrow(/insert-only: TRUNCATE/);
    }
    await expect(pg.query("UPDATE audit_leaves SET leaf_hash = '\\x00'::bytea || substring(leaf_hash from 2)")).rejects.toThrow(/insert-only: UPDATE/);
    await expect(pg.query('UPDATE audit_tree_nodes SET level = level')).rejects.toThrow(/insert-only: UPDATE/);
    await expect(pg.query("UPDATE audit_checkpoints SET note = ''")).rejects.toThrow(/insert-only: UPDATE/);
    expect(await auditRows(pg)).toHaveLength(12);
  });

  it('lets a purge transaction delete only records older than its period, sealed below the leaf it names', async () => {
    const attempt = async (settings: string, where = 'id = (SELECT min(id) FROM audit_records)') => {
      await pg.query('BEGIN');
      try {
        await pg.query(`SELECT ${settings}`);
        await pg.query(`DELETE FROM audit_records WHERE ${where}`);
      } finally {
        await pg.query('ROLLBACK');
      }
    };
    const purge = "set_config('audit.retention_purge', 'on', true)";
    await expect(attempt(`${purge}, set_config('audit.retention_ms', '3600000', true), set_config('audit.purge_below_leaf', '12', true)`)).rejects.toThrow(
      /younger than the retention period/,
    );
    await expect(attempt(`${purge}, set_config('audit.retention_ms', '1', true), set_config('audit.purge_below_leaf', '0', true)`)).rejects.toThrow(
      /not sealed below the leaf/,
    );
    await expect(attempt(`${purge}, set_config('audit.retention_ms', '1', true)`)).rejects.toThrow(/not sealed below the leaf/);
    await expect(attempt(`${purge}, set_config('audit.retention_ms', 'forever', true)`)).rejects.toThrow(/positive number of milliseconds/);
    expect(await auditRows(pg)).toHaveLength(12);
  });

  it('writes append() in the caller transaction: a rolled-back change leaves no record', async () => {
    await expect(
      prisma.$transaction(async (tx) => {
        await audit.append(tx, { actorType: 'SYSTEM', action: 'test.rolled-back', outcome: 'SUCCESS' });
        throw new Error('the business write failed');
      }),
    ).rejects.toThrow('the business write failed');
    expect(await auditRows(pg, "action = 'test.rolled-back'")).toHaveLength(0);
  });

  it('seals a record committed late (after later records) exactly once, and before them', async () => {
    const late = new Client({ connectionString: db.url });
    await late.connect();
    try {
      await late.query('BEGIN');
      await late.query("INSERT INTO audit_records (actor_type, action, outcome) VALUES ('SYSTEM', 'test.late', 'SUCCESS')");
      await audit.record({ actorType: 'SYSTEM', action: 'test.after-late', outcome: 'SUCCESS' });
      const [after] = await auditRows(pg, "action = 'test.after-late'");
      // Not skipped: the later record waits for the open transaction instead of passing it.
      await expect(sealOnce(prisma)).resolves.toMatchObject({ sealed: 0 });
      expect(await leafOf(after!.id)).toEqual([]);
      await late.query('COMMIT');
      const [lateRow] = await auditRows(pg, "action = 'test.late'");
      expect(Number(lateRow!.id)).toBeLessThan(Number(after!.id));
      await sealAndExport(prisma, dir);
      const leaves = { late: await leafOf(lateRow!.id), after: await leafOf(after!.id) };
      expect(leaves.late).toHaveLength(1);
      expect(leaves.after).toHaveLength(1);
      expect(leaves.late[0]!).toBeLessThan(leaves.after[0]!);
      await sealAndExport(prisma, dir);
      await expect(verify()).resolves.toMatchObject({ ok: true, treeSize: 14, checked: 14 });
    } finally {
      await late.end();
    }
  });

  /** What someone with the database's superuser could do: switch the triggers off and edit. */
  const asSuperuser = async (statement: string, values: unknown[], check: () => Promise<void>) => {
    await pg.query('BEGIN');
    try {
      await pg.query('SET LOCAL session_replication_role = replica');
      await pg.query(statement, values);
      await check();
    } finally {
      await pg.query('ROLLBACK');
    }
  };

  it('names the changed record when the superuser edits one behind the triggers', async () => {
    const victim = (await auditRows(pg, "action = 'test.write'"))[7]!;
    await asSuperuser("UPDATE audit_records SET details = jsonb_set(details, '{i}', '99') WHERE id = $1", [victim.id], async () => {
      await expect(verify()).resolves.toMatchObject({ ok: false, badRecordId: victim.id, checked: 7, reason: expect.stringMatching(/changed after it was sealed/) });
    });
    await expect(verify()).resolves.toMatchObject({ ok: true });
  });

  it('names a deleted record, and notices a leaf hash rewritten to match', async () => {
    const victim = (await auditRows(pg, "action = 'test.write'"))[3]!;
    await asSuperuser('DELETE FROM audit_records WHERE id = $1', [victim.id], async () => {
      await expect(verify()).resolves.toMatchObject({ ok: false, badRecordId: victim.id, reason: expect.stringMatching(/was deleted/) });
    });
    // A changed record with its leaf hash recomputed to match: the leaves no longer give the signed
    // roots; the database's own signed checkpoints narrow it down to the leaves since the last good one.
    const { rows } = await pg.query<AuditRecordRow>(`SELECT ${RECORD_COLUMNS} FROM audit_records r WHERE action = 'test.write' ORDER BY id LIMIT 1`);
    const forged = recordLeafHash({ ...rows[0]!, action: 'test.forged' });
    await asSuperuser(
      `WITH changed AS (UPDATE audit_records SET action = 'test.forged' WHERE id = $1 RETURNING id)
       UPDATE audit_leaves SET leaf_hash = $2 WHERE record_id IN (SELECT id FROM changed)`,
      [rows[0]!.id, forged],
      async () => {
        await expect(verify()).resolves.toMatchObject({
          ok: false,
          badRecordId: rows[0]!.id,
          leafIndex: 0,
          reason: expect.stringMatching(/leaves 0…11 was rewritten/),
        });
      },
    );
  });

  it('exports nothing and alerts when the database tree does not extend the exported checkpoint', async () => {
    const exported = readFileSync(join(dir, CHECKPOINT_FILE), 'utf8');
    // A checkpoint of a bigger tree with another root, signed with the right key: the database
    // history is no longer a prefix of what was exported (history rewritten, or truncated).
    const key = auditSigningKey({});
    const foreign = signCheckpoint(
      formatCheckpoint({ origin: DEV_KEY_NAME, treeSize: 1_000, rootHash: Buffer.alloc(32, 7), timestamp: new Date() }),
      key,
      DEV_KEY_NAME,
    );
    writeFileSync(join(dir, CHECKPOINT_FILE), foreign);
    const alerts: Record<string, unknown>[] = [];
    await audit.record({ actorType: 'SYSTEM', action: 'test.after-foreign', outcome: 'SUCCESS' });
    await expect(sealAndExport(prisma, dir, { error: (fields) => alerts.push(fields) })).resolves.toBe('inconsistent');
    expect(alerts[0]).toMatchObject({ alert: AUDIT_CHECKPOINT_INCONSISTENT, exportedSize: 1_000 });
    expect(readFileSync(join(dir, CHECKPOINT_FILE), 'utf8')).toBe(foreign);
    // An exported note whose root was changed: its signature no longer verifies.
    const root = exported.split('\n')[2]!;
    writeFileSync(join(dir, CHECKPOINT_FILE), exported.replace(`\n${root}\n`, `\n${Buffer.alloc(32, 1).toString('base64')}\n`));
    await expect(sealAndExport(prisma, dir)).resolves.toBe('inconsistent');
    writeFileSync(join(dir, CHECKPOINT_FILE), exported);
    await expect(sealAndExport(prisma, dir)).resolves.toBe('exported');
    await expect(verify()).resolves.toMatchObject({ ok: true, treeSize: 15 });
  });
});
