import type { KeyObject } from 'node:crypto';
import type { PrismaService } from '../prisma/prisma.service';
import { exportCheckpoint, type ExportOutcome, type SinkLogger } from './audit-checkpoint-sink';
import { RECORD_COLUMNS, recordLeafHash, type AuditRecordRow } from './audit-record-view';
import { AuditTreeRepository, prismaSql } from './audit-tree.repository';
import { appendLeaves, formatCheckpoint, keyId, rangeRoot, signCheckpoint } from './transparency';

/** Taken by the sealer alone (no writer waits on it): two sealers running at once take turns. */
export const AUDIT_SEALER_LOCK = 15_001_101;

export interface SealerKey {
  privateKey: KeyObject;
  /** Signed-note key name, also the checkpoint's origin. */
  name: string;
}

export interface SealResult {
  /** Records that became leaves in this seal. */
  sealed: number;
  treeSize: number;
  /** A new checkpoint was signed. */
  signed: boolean;
  /** The batch was full: more records wait. */
  more: boolean;
}

type UnsealedRow = AuditRecordRow & { tx_id: string };

/**
 * Seals the audit log (§1.15): in one transaction, takes the committed records not yet in the
 * tree, gives them the next leaf indices, stores every complete subtree they complete and signs a
 * checkpoint of the new tree.
 *
 * Which records: those after the last leaf in (tx_id, id) order whose writing transaction is below
 * the statement snapshot's xmin. Every transaction below xmin has ended, so any record it committed
 * is visible and none can appear behind the cursor later: a record committed late (a long
 * transaction that took its id early) holds the records after it back until it commits, and is
 * then sealed once, before them. Writers never wait on the sealer.
 */
export class AuditSealer {
  constructor(
    private readonly prisma: PrismaService,
    private readonly key: SealerKey,
    private readonly batchSize = 5_000,
  ) {}

  seal(): Promise<SealResult> {
    return this.prisma.$transaction(
      async (tx) => {
        await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock($1)', AUDIT_SEALER_LOCK);
        const sql = prismaSql(tx);
        const tree = new AuditTreeRepository(sql);
        const [last, latest] = [await tree.lastLeaf(), await tree.latestCheckpoint()];
        const size = last ? last.leafIndex + 1 : 0;
        // One statement, so the xmin and the rows come from the same snapshot.
        const rows = await sql<UnsealedRow>(
          `SELECT ${RECORD_COLUMNS}, r.tx_id::text AS tx_id FROM audit_records r
            WHERE (r.tx_id, r.id) > ($1::text::xid8, $2::bigint) AND r.tx_id < pg_snapshot_xmin(pg_current_snapshot())
            ORDER BY r.tx_id, r.id LIMIT $3`,
          [last?.txId ?? '0', last?.recordId ?? '0', this.batchSize],
        );
        if (rows.length === 0 && latest?.treeSize === size) return { sealed: 0, treeSize: size, signed: false, more: false };

        const hashes = rows.map(recordLeafHash);
        const nodes: Array<{ l: number; i: number; h: string }> = [];
        const range = appendLeaves(await tree.compactRange(size), hashes, (l, i, h) => nodes.push({ l, i, h: h.toString('hex') }));
        if (rows.length > 0) {
          const leaves = rows.map((r, n) => ({ i: size + n, r: r.id, t: r.tx_id, h: hashes[n]!.toString('hex') }));
          await sql(
            `INSERT INTO audit_leaves (leaf_index, record_id, tx_id, leaf_hash)
             SELECT i, r, t::xid8, decode(h, 'hex') FROM jsonb_to_recordset($1::jsonb) AS x(i bigint, r bigint, t text, h text)`,
            [JSON.stringify(leaves)],
          );
          await sql(
            `INSERT INTO audit_tree_nodes (level, index, hash)
             SELECT l, i, decode(h, 'hex') FROM jsonb_to_recordset($1::jsonb) AS x(l smallint, i bigint, h text)
             ON CONFLICT DO NOTHING`,
            [JSON.stringify(nodes)],
          );
        }
        const root = rangeRoot(range);
        const timestamp = new Date();
        const note = signCheckpoint(
          formatCheckpoint({ origin: this.key.name, treeSize: range.size, rootHash: root, timestamp }),
          this.key.privateKey,
          this.key.name,
        );
        await sql(`INSERT INTO audit_checkpoints (tree_size, root_hash, timestamp, key_id, note) VALUES ($1::bigint, decode($2, 'hex'), $3::timestamptz, $4, $5)`, [
          String(range.size),
          root.toString('hex'),
          timestamp.toISOString(),
          keyId(this.key.name, this.key.privateKey).toString('hex'),
          note,
        ]);
        return { sealed: rows.length, treeSize: range.size, signed: true, more: rows.length === this.batchSize };
      },
      { maxWait: 10_000, timeout: 60_000 },
    );
  }
}

/**
 * Exports the database's newest checkpoint (see audit-checkpoint-sink.ts) under the sealer's lock,
 * so two sealers (a handover, a test) never export out of order.
 */
export function exportLatestCheckpoint(
  prisma: PrismaService,
  dir: string,
  key: { publicKey: KeyObject; name: string },
  log: SinkLogger,
): Promise<ExportOutcome | 'empty'> {
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock($1)', AUDIT_SEALER_LOCK);
      const tree = new AuditTreeRepository(prismaSql(tx));
      const latest = await tree.latestCheckpoint();
      return latest ? exportCheckpoint(dir, latest, tree, key, log) : 'empty';
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
}
