import type { NestExpressApplication } from '@nestjs/platform-express';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createApiApp } from '../../apps/api/src/bootstrap';
import { CHECKPOINT_FILE } from '@infra/audit/audit-checkpoint-sink';
import { DEV_AUDIT_PUBLIC_KEY } from '@infra/audit/audit-keys';
import { verifyRecordProof, type InclusionProofJson } from '@infra/audit/audit-proof-verify';
import { viewLeafHash } from '@infra/audit/audit-record-view';
import { verifyAuditLog } from '@infra/audit/audit-verify';
import { loadPublicKey, parseAndVerifyCheckpoint, verifyConsistency, verifyInclusion } from '@infra/audit/transparency';
import { ROOT } from '../../scripts/stack/temporal';
import { AUDIT_SEALER_WORKFLOW_TYPE } from '@workflows/audit/audit-sealer.messages';
import { call, eventually, startHarness, type Harness } from '../support/harness';

const WRITERS = 20;
const ACTIONS_PER_WRITER = 3;
const unhex = (h: string) => Buffer.from(h, 'hex');

/**
 * The verifiable audit log end to end (§1.15): 20 concurrent writers through two API processes
 * append without any lock; the sealer workflow (started by the worker) seals them; every record's
 * inclusion proof from REST verifies against the signed checkpoint; the record count equals the
 * actions taken; consistency proofs link checkpoints; one proof verifies offline from the exported
 * checkpoint alone; and the whole log verifies as `npm run audit:verify` checks it.
 */
describe('audit log: sealer, proofs over REST, offline verification', () => {
  let h: Harness;
  let second: NestExpressApplication;
  let secondUrl: string;
  let pg: Client;
  const run = randomUUID().slice(0, 8);

  beforeAll(async () => {
    h = await startHarness();
    second = await createApiApp(h.env);
    await second.listen(0, '127.0.0.1');
    secondUrl = `http://127.0.0.1:${(second.getHttpServer().address() as { port: number }).port}`;
    pg = new Client({ connectionString: process.env.DATABASE_URL });
    await pg.connect();
  });
  afterAll(async () => {
    await second?.close();
    await h?.close();
    await pg?.end();
  });

  const get = (path: string, headers = h.operator) => call(h, 'GET', `/v1/operator/audit${path}`, undefined, headers);
  const leafOf = async (ids: string[]) =>
    (await pg.query<{ id: string }>('SELECT record_id::text AS id FROM audit_leaves WHERE record_id = ANY($1::bigint[])', [ids])).rows.length;

  it('is run by one workflow with a fixed id per cluster, started by the worker', async () => {
    const sealer = await h.temporal.workflow.getHandle(`audit-sealer-${h.env.TEMPORAL_TASK_QUEUE}`).describe();
    expect(sealer).toMatchObject({ type: AUDIT_SEALER_WORKFLOW_TYPE, status: { name: 'RUNNING' }, taskQueue: h.env.TEMPORAL_TASK_QUEUE });
    // A second worker start finds it running and starts no other (USE_EXISTING).
    await h.restartWorker();
    const again = await h.temporal.workflow.getHandle(`audit-sealer-${h.env.TEMPORAL_TASK_QUEUE}`).describe();
    expect(again.runId).toBe(sealer.runId);
  });

  it('20 concurrent writers on two APIs: every record sealed once, every REST proof verifies, the count equals the actions', async () => {
    const apis = [h.baseUrl, secondUrl];
    const statuses = await Promise.all(
      Array.from({ length: WRITERS }, async (_, w) => {
        const out: number[] = [];
        for (let k = 0; k < ACTIONS_PER_WRITER; k++) {
          // A refused operator call: one record each (the HTTP trail), nothing else written.
          const r = await call(
            { baseUrl: apis[w % 2]! },
            'POST',
            '/v1/operator/applications',
            { partner: {} },
            { ...h.operator, 'x-request-id': `seal-${run}-${w}-${k}` },
          );
          out.push(r.status);
        }
        return out;
      }),
    );
    expect(statuses.flat().every((s) => s === 400)).toBe(true);
    const records = await eventually('every action recorded', async () => {
      const { rows } = await pg.query<{ id: string; request_id: string }>(
        'SELECT id::text AS id, request_id FROM audit_records WHERE request_id LIKE $1 ORDER BY id',
        [`seal-${run}-%`],
      );
      return rows.length >= WRITERS * ACTIONS_PER_WRITER ? rows : undefined;
    });
    expect(records).toHaveLength(WRITERS * ACTIONS_PER_WRITER);
    expect(new Set(records.map((r) => r.request_id)).size).toBe(WRITERS * ACTIONS_PER_WRITER);
    const ids = records.map((r) => r.id);
    await eventually('all sealed by the sealer workflow', async () => ((await leafOf(ids)) === ids.length ? true : undefined), 30_000);

    const key = await get('/public-key');
    expect(key.status).toBe(200);
    expect(key.body).toMatchObject({ keyName: 'bank-flows/audit', algorithm: 'Ed25519', keyId: expect.stringMatching(/^[0-9a-f]{8}$/) });
    const publicKey = loadPublicKey(key.body.publicKey);
    const checkpoint = await eventually('a checkpoint covering them', async () => {
      const cp = await get('/checkpoint');
      const { rows } = await pg.query<{ top: number }>('SELECT max(leaf_index)::int AS top FROM audit_leaves WHERE record_id = ANY($1::bigint[])', [ids]);
      return cp.status === 200 && cp.body.treeSize > rows[0]!.top ? cp.body : undefined;
    });
    expect(checkpoint).toMatchObject({
      rootHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      keyId: key.body.keyId,
      timestamp: expect.any(String),
      signature: expect.any(String),
    });
    const verified = parseAndVerifyCheckpoint(checkpoint.note, publicKey, key.body.keyName);
    expect(verified.rootHash.toString('hex')).toBe(checkpoint.rootHash);

    for (const id of ids) {
      const proof = await get(`/records/${id}/proof?treeSize=${checkpoint.treeSize}`);
      expect(proof.status).toBe(200);
      const body = proof.body as InclusionProofJson;
      expect(body).toMatchObject({ recordId: id, treeSize: checkpoint.treeSize });
      expect(body.auditPath.every((p) => /^[0-9a-f]{64}$/.test(p))).toBe(true);
      expect(viewLeafHash(body.record!).toString('hex')).toBe(body.leafHash);
      expect(verifyInclusion(unhex(body.leafHash), body.leafIndex, body.treeSize, body.auditPath.map(unhex), unhex(checkpoint.rootHash))).toBe(true);
    }
    // Exactly once: one leaf per record, and no record twice among the leaves.
    const dup = await pg.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_leaves WHERE record_id = ANY($1::bigint[])', [ids]);
    expect(dup.rows[0]!.n).toBe(ids.length);

    // The log only grew: the next checkpoint is consistent with this one.
    expect((await call(h, 'POST', '/v1/operator/applications', { partner: {} }, { ...h.operator, 'x-request-id': `seal-${run}-next` })).status).toBe(400);
    const next = await eventually('a newer checkpoint', async () => {
      const cp = await get('/checkpoint');
      return cp.body.treeSize > checkpoint.treeSize ? cp.body : undefined;
    });
    const consistency = await get(`/consistency?from=${checkpoint.treeSize}&to=${next.treeSize}`);
    expect(consistency.status).toBe(200);
    expect(verifyConsistency(checkpoint.treeSize, next.treeSize, consistency.body.proof.map(unhex), unhex(checkpoint.rootHash), unhex(next.rootHash))).toBe(true);
  });

  it('verifies one proof offline from the exported checkpoint alone (npm run audit:verify-proof)', async () => {
    const { rows } = await pg.query<{ id: string }>('SELECT id::text AS id FROM audit_records WHERE request_id = $1', [`seal-${run}-0-0`]);
    const note = await eventually('an exported checkpoint', async () => {
      try {
        return readFileSync(join(h.auditCheckpointDir, CHECKPOINT_FILE), 'utf8');
      } catch {
        return undefined;
      }
    });
    const size = Number(note.split('\n')[1]);
    const proof = await get(`/records/${rows[0]!.id}/proof?treeSize=${size}`);
    expect(proof.status).toBe(200);
    expect(verifyRecordProof(proof.body, note, loadPublicKey(DEV_AUDIT_PUBLIC_KEY))).toEqual({ ok: true, treeSize: size, leafIndex: proof.body.leafIndex });

    const dir = mkdtempSync(join(tmpdir(), 'audit-proof-'));
    writeFileSync(join(dir, 'checkpoint'), note);
    writeFileSync(join(dir, 'proof.json'), JSON.stringify(proof.body));
    const cli = (file: string) => {
      const out = spawnSync(
        process.execPath,
        ['-r', join(ROOT, 'test', 'chaos', 'support', 'swc-register.js'), join(ROOT, 'scripts', 'audit', 'verify-proof.ts'), file, join(dir, 'checkpoint')],
        {
          env: { ...process.env, AUDIT_PUBLIC_KEY: DEV_AUDIT_PUBLIC_KEY },
        },
      );
      return { status: out.status, stdout: out.stdout.toString('utf8') };
    };
    expect(cli(join(dir, 'proof.json'))).toEqual({ status: 0, stdout: expect.stringMatching(/^proof OK: record \d+ is leaf \d+ of the signed tree of \d+/) });
    // A record changed on its way (or in the database): the proof no longer verifies.
    writeFileSync(join(dir, 'forged.json'), JSON.stringify({ ...proof.body, record: { ...proof.body.record, outcome: 'SUCCESS' } }));
    expect(cli(join(dir, 'forged.json'))).toEqual({ status: 1, stdout: expect.stringMatching(/record does not hash to the leaf hash/) });
  });

  it('refuses bad input (400), unknown or unsealed records (404), and callers who are not operators (401)', async () => {
    expect((await get('/records/abc/proof')).status).toBe(400);
    expect((await get('/records/1/proof?treeSize=0')).status).toBe(400);
    expect((await get('/records/1/proof?treeSize=x')).status).toBe(400);
    expect((await get('/records/1/proof?other=1')).status).toBe(400);
    expect((await get('/records/999999999999/proof')).status).toBe(404);
    expect((await get('/consistency?from=5&to=2')).status).toBe(400);
    expect((await get('/consistency?from=1')).status).toBe(400);
    expect((await get(`/consistency?from=1&to=${Number.MAX_SAFE_INTEGER}`)).status).toBe(400);
    for (const path of ['/checkpoint', '/records/1/proof', '/consistency?from=1&to=1', '/public-key']) {
      expect((await get(path, {})).status).toBe(401);
    }
  });

  it('the whole log verifies against the exported checkpoint (npm run audit:verify)', async () => {
    const verdict = await eventually('a verified log', async () => {
      await pg.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      try {
        const v = await verifyAuditLog(pg, h.auditCheckpointDir, DEV_AUDIT_PUBLIC_KEY);
        return v.ok ? v : undefined;
      } finally {
        await pg.query('COMMIT');
      }
    });
    expect(verdict.checked).toBeGreaterThanOrEqual(WRITERS * ACTIONS_PER_WRITER);
  });
});
