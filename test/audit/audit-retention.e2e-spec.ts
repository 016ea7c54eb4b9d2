import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { DEV_AUDIT_PUBLIC_KEY } from '@infra/audit/audit-keys';
import { verifyAuditLog } from '@infra/audit/audit-verify';
import { TEMPORAL_BIN } from '../../scripts/stack/temporal';
import { AUDIT_RETENTION_SCHEDULE_ID } from '@workflows/audit/audit-retention.messages';
import { call, eventually, startHarness, type Harness } from '../support/harness';
import { auditRows, ownDatabase, waitForAudit } from './support';

const RETENTION_MS = 6000;
const run = promisify(execFile);

/**
 * Retention (§1.15): the scheduled workflow removes the bodies of records older than the period
 * — never a younger one, never an unsealed one — and records the removal; the leaf hashes stay,
 * so the tree, every exported checkpoint and every proof still verify. Run with a 6-second period
 * on a database of this spec's own (and its own sealer and checkpoint directory).
 */
describe('audit log: retention', () => {
  let db: Awaited<ReturnType<typeof ownDatabase>>;
  let h: Harness;
  let pg: Client;

  beforeAll(async () => {
    db = await ownDatabase();
    h = await startHarness({ DATABASE_URL: db.url, AUDIT_RETENTION_MS: String(RETENTION_MS) });
    pg = new Client({ connectionString: db.url });
    await pg.connect();
  });
  afterAll(async () => {
    await h.close();
    await pg.end();
    await db.drop();
  });

  /** A refused operator call: on record, changes nothing else. */
  const refusedCall = (requestId: string) => call(h, 'POST', '/v1/operator/applications', { partner: {} }, { ...h.operator, 'x-request-id': requestId });

  /** The log verifies against a checkpoint that covers every record now in the database. */
  const verifiedWhole = () =>
    eventually('a checkpoint covering every record, verified', async () => {
      const unsealed = await pg.query<{ n: string }>(
        'SELECT count(*)::text AS n FROM audit_records r WHERE NOT EXISTS (SELECT 1 FROM audit_leaves l WHERE l.record_id = r.id)',
      );
      if (unsealed.rows[0]!.n !== '0') return undefined;
      const leaves = Number((await pg.query<{ n: string }>('SELECT count(*)::text AS n FROM audit_leaves')).rows[0]!.n);
      const verdict = await verifyAuditLog(pg, h.auditCheckpointDir, DEV_AUDIT_PUBLIC_KEY);
      return !verdict.ok || verdict.treeSize === leaves ? verdict : undefined;
    });

  it('is scheduled daily by every worker start, idempotently', async () => {
    const schedule = await h.temporal.schedule.getHandle(AUDIT_RETENTION_SCHEDULE_ID).describe();
    expect(schedule.action).toMatchObject({ type: 'startWorkflow', workflowType: 'auditRetentionWorkflow' });
    expect(schedule.spec.calendars).toEqual([expect.objectContaining({ hour: [{ start: 2, end: 2, step: 1 }], minute: [{ start: 30, end: 30, step: 1 }] })]);
    expect(schedule.policies.overlap).toBe('SKIP');
    // A second start finds it and brings it to the same definition (other specs' workers do too,
    // each for its own task queue, so which queue it names now is not asserted).
    await h.restartWorker();
    const again = await h.temporal.schedule.getHandle(AUDIT_RETENTION_SCHEDULE_ID).describe();
    expect(again.action).toMatchObject({ type: 'startWorkflow', workflowType: 'auditRetentionWorkflow' });
    expect(again.spec).toEqual(schedule.spec);
  });

  it('is readable by `temporal schedule describe` as the README writes it, without the codec', async () => {
    // Nothing personal in it (no arguments, no memo, a fixed summary), so it is stored in clear.
    const { stdout } = await run(TEMPORAL_BIN, [
      'schedule',
      'describe',
      '--schedule-id',
      AUDIT_RETENTION_SCHEDULE_ID,
      '--address',
      h.env.TEMPORAL_ADDRESS,
      '--namespace',
      h.env.TEMPORAL_NAMESPACE,
    ]);
    expect(stdout).toContain('Removes audit records older than the retention period');
    expect(stdout).toMatch(/auditRetentionWorkflow/);
  });

  it('removes only old sealed records, keeps their leaves, records the removal, and the log still verifies', async () => {
    for (let i = 0; i < 5; i++) expect((await refusedCall(`retention-old-${i}-xx`)).status).toBe(400);
    const old = await waitForAudit(pg, 'the old records', "request_id LIKE 'retention-old-%'", [], 5);
    const lastOld = old[old.length - 1]!;
    // Wait (by polling the clock, not sleeping blindly) until every old record is past the period.
    await eventually('the old records to age', async () => (Date.now() - lastOld.occurred_at.getTime() > RETENTION_MS + 300 ? true : undefined), 20_000);
    for (let i = 0; i < 3; i++) expect((await refusedCall(`retention-new-${i}-xx`)).status).toBe(400);
    await waitForAudit(pg, 'the young records', "request_id LIKE 'retention-new-%'", [], 3);
    const before = await auditRows(pg);
    const leavesBefore = await verifiedWhole();
    expect(leavesBefore).toMatchObject({ ok: true, checked: before.length, purged: 0 });
    const expired = before.filter((r) => Number(r.id) <= Number(lastOld.id));

    const result = await h.temporal.workflow.execute('auditRetentionWorkflow', {
      taskQueue: h.env.TEMPORAL_TASK_QUEUE,
      workflowId: `audit-retention-manual-${randomUUID()}`,
    });
    expect(result).toMatchObject({ removed: expired.length, batches: 1 });

    const after = await auditRows(pg);
    expect(after.some((r) => Number(r.id) <= Number(lastOld.id))).toBe(false);
    expect(after.filter((r) => r.request_id?.startsWith('retention-new-'))).toHaveLength(3);
    const purge = after.filter((r) => r.action === 'audit.retention.purge');
    expect(purge).toHaveLength(1);
    expect(purge[0]).toMatchObject({
      actor_type: 'SYSTEM',
      details: { removed: expired.length, purgedFromLeaf: 0, purgedBelowLeaf: expired.length, retentionMs: RETENTION_MS },
    });
    // The leaves of the removed records stay: the tree only grew, by the purge's own record.
    await expect(verifiedWhole()).resolves.toMatchObject({ ok: true, treeSize: before.length + 1, checked: after.length, purged: expired.length });

    // Once more: whatever it removes is older than its cutoff, everything younger stays, and
    // a run that removes nothing records nothing.
    const rerun = await h.temporal.workflow.execute('auditRetentionWorkflow', {
      taskQueue: h.env.TEMPORAL_TASK_QUEUE,
      workflowId: `audit-retention-manual-${randomUUID()}`,
    });
    const cutoff = Date.parse(rerun.cutoff!);
    const remaining = await auditRows(pg);
    expect(after.filter((r) => r.occurred_at.getTime() >= cutoff).every((r) => remaining.some((k) => k.id === r.id))).toBe(true);
    expect(after.length - rerun.removed + (rerun.removed > 0 ? 1 : 0)).toBe(remaining.length);
    await expect(verifiedWhole()).resolves.toMatchObject({ ok: true });
  });
});
