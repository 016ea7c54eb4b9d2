import type { KeyObject } from 'node:crypto';
import { RECORD_COLUMNS, recordLeafHash, type AuditRecordRow } from './audit-record-view';
import { readExportedCheckpoint } from './audit-checkpoint-sink';
import { RETENTION_PURGE_ACTION } from './audit-retention';
import { pgSql, type Queryable } from './audit-tree.repository';
import { appendLeaves, EMPTY_RANGE, loadPublicKey, parseAndVerifyCheckpoint, rangeRoot, type CompactRange, type VerifiedCheckpoint } from './transparency';

export type { Queryable } from './audit-tree.repository';

export type AuditLogVerdict =
  | { ok: true; treeSize: number; checked: number; purged: number; rootHash: string }
  | { ok: false; treeSize: number; checked: number; badRecordId: string | null; leafIndex: number | null; reason: string };

type LeafRow = { leaf_index: string; record_id: string; leaf_hash: string } & Partial<Record<keyof AuditRecordRow, string | null>>;

/**
 * Checks the whole audit log (§1.15) against the latest checkpoint exported to `checkpointDir`:
 * its signature; every surviving record of the tree against its leaf hash; that only records
 * removed by the retention purge are missing; that no committed record was left out; and that the
 * root recomputed from the leaves is the signed one. Returns the first bad record it finds.
 * Run it in one REPEATABLE READ transaction (the CLI does), so the purge can't move under it.
 * `publicKey` is a KeyObject or its configuration text; `keyName` defaults to the note's origin
 * (the signature still has to verify under `publicKey`, and the key id binds the name).
 */
export async function verifyAuditLog(
  db: Queryable,
  checkpointDir: string,
  publicKey: KeyObject | string,
  keyName?: string,
  pageSize = 5_000,
): Promise<AuditLogVerdict> {
  const bad = (reason: string, extra: { treeSize?: number; checked?: number; badRecordId?: string | null; leafIndex?: number | null } = {}): AuditLogVerdict => ({
    ok: false,
    treeSize: 0,
    checked: 0,
    badRecordId: null,
    leafIndex: null,
    reason,
    ...extra,
  });
  const note = readExportedCheckpoint(checkpointDir);
  if (note === null) return bad(`no exported checkpoint in ${checkpointDir}`);
  let checkpoint: VerifiedCheckpoint;
  let key: KeyObject;
  try {
    key = typeof publicKey === 'string' ? loadPublicKey(publicKey) : publicKey;
    checkpoint = parseAndVerifyCheckpoint(note, key, keyName ?? note.slice(0, note.indexOf('\n')));
  } catch (error) {
    return bad(`the exported checkpoint does not verify: ${(error as Error).message}`);
  }
  const sql = pgSql(db);
  const size = checkpoint.treeSize;
  const [purge] = await sql<{ below: string | null }>(`SELECT max((details->>'purgedBelowLeaf')::bigint)::text AS below FROM audit_records WHERE action = $1`, [
    RETENTION_PURGE_ACTION,
  ]);
  const purgedBelow = Number(purge?.below ?? 0);

  let range: CompactRange = EMPTY_RANGE;
  let checked = 0;
  let purged = 0;
  let lastTx: { txId: string; recordId: string } | null = null;
  // Where a rewritten leaf hash can be narrowed down to: the last of the database's own signed
  // checkpoints that the leaves still reproduce, and the first record after it.
  let lastGood = 0;
  let firstAfterGood: string | null = null;
  while (range.size < size) {
    const from = range.size;
    const rows = await sql<LeafRow & { tx_id: string }>(
      `SELECT l.leaf_index::text AS leaf_index, l.record_id::text AS record_id, l.tx_id::text AS tx_id,
              encode(l.leaf_hash, 'hex') AS leaf_hash, ${RECORD_COLUMNS}
         FROM audit_leaves l LEFT JOIN audit_records r ON r.id = l.record_id
        WHERE l.leaf_index >= $1::bigint AND l.leaf_index < $2::bigint ORDER BY l.leaf_index LIMIT $3`,
      [String(from), String(size), pageSize],
    );
    const signed = await sql<{ tree_size: string; root_hash: string; note: string }>(
      `SELECT c.tree_size::text AS tree_size, encode(c.root_hash, 'hex') AS root_hash, c.note FROM audit_checkpoints c
        WHERE c.tree_size > $1::bigint AND c.tree_size <= $2::bigint ORDER BY c.tree_size`,
      [String(from), String(from + rows.length)],
    );
    for (const row of rows) {
      const index = Number(row.leaf_index);
      const at = { treeSize: size, checked, badRecordId: row.record_id, leafIndex: index };
      if (index !== range.size)
        return bad(`leaf ${range.size} is missing from the database (the tree was truncated)`, { ...at, badRecordId: null, leafIndex: range.size });
      if (row.id === null) {
        if (index >= purgedBelow) return bad(`record ${row.record_id} (leaf ${index}) was deleted; the retention purge did not remove it`, at);
        purged++;
      } else {
        if (!recordLeafHash(row as AuditRecordRow).equals(Buffer.from(row.leaf_hash, 'hex'))) {
          return bad(`record ${row.record_id} (leaf ${index}) was changed after it was sealed`, at);
        }
        checked++;
      }
      firstAfterGood ??= row.record_id;
      range = appendLeaves(range, [Buffer.from(row.leaf_hash, 'hex')]);
      lastTx = { txId: row.tx_id, recordId: row.record_id };
      const cp = signed.find((c) => Number(c.tree_size) === range.size);
      if (!cp) continue;
      if (rangeRoot(range).toString('hex') === cp.root_hash) {
        [lastGood, firstAfterGood] = [range.size, null];
      } else if (signedBy(cp.note, key, checkpoint.origin)) {
        return bad(`a leaf hash among leaves ${lastGood}…${range.size - 1} was rewritten: the database's signed checkpoint of ${range.size} disagrees`, {
          ...at,
          badRecordId: firstAfterGood,
          leafIndex: lastGood,
        });
      } else {
        return bad(`the database's checkpoint of ${range.size} is not signed by the log's key`, { ...at, badRecordId: null, leafIndex: null });
      }
    }
    if (rows.length === 0)
      return bad(`leaf ${range.size} is missing from the database (the tree was truncated)`, { treeSize: size, checked, leafIndex: range.size });
  }
  const root = rangeRoot(range);
  if (!root.equals(checkpoint.rootHash)) {
    return bad(`the leaf hashes of the first ${size} leaves do not give the exported root: a leaf hash was changed in the database`, { treeSize: size, checked });
  }
  if (lastTx) {
    const [left] = await sql<{ id: string }>(
      `SELECT r.id::text AS id FROM audit_records r
        WHERE (r.tx_id, r.id) < ($1::text::xid8, $2::bigint) AND NOT EXISTS (SELECT 1 FROM audit_leaves l WHERE l.record_id = r.id)
        ORDER BY r.tx_id, r.id LIMIT 1`,
      [lastTx.txId, lastTx.recordId],
    );
    if (left)
      return bad(`record ${left.id} is not in the tree although later records are (it was inserted behind the sealer)`, {
        treeSize: size,
        checked,
        badRecordId: left.id,
      });
  }
  return { ok: true, treeSize: size, checked, purged, rootHash: root.toString('hex') };
}

function signedBy(note: string, key: KeyObject, name: string): boolean {
  try {
    parseAndVerifyCheckpoint(note, key, name);
    return true;
  } catch {
    return false;
  }
}
