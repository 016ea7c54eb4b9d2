import { consistencyProof, inclusionProof, nodesNeeded, rootHash, type CompactRange, type NodeReader } from './transparency';

/** A query runner both `pg` and Prisma fit: every column is selected as text or int, so both return the same. */
export type Sql = <R>(text: string, params?: unknown[]) => Promise<R[]>;

/** What the `pg` adapter needs of a connection: Client, PoolClient and Pool fit. */
export interface Queryable {
  query<R>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
}

export const pgSql =
  (db: Queryable): Sql =>
  async <R>(text: string, params: unknown[] = []) =>
    (await db.query<R>(text, params)).rows;

export const prismaSql =
  (db: { $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T> }): Sql =>
  <R>(text: string, params: unknown[] = []) =>
    db.$queryRawUnsafe<R[]>(text, ...params);

export interface StoredCheckpoint {
  treeSize: number;
  rootHash: Buffer;
  timestamp: Date;
  keyId: string;
  note: string;
}

export interface LastLeaf {
  leafIndex: number;
  recordId: string;
  txId: string;
}

interface CheckpointRow {
  tree_size: string;
  root_hash: string;
  timestamp: Date | string;
  key_id: string;
  note: string;
}

// Columns are cast to text under their own names: ORDER BY must name the table's column (c.tree_size).
const CHECKPOINT_COLUMNS = `tree_size::text AS tree_size, encode(root_hash, 'hex') AS root_hash, timestamp, key_id, note`;

const toCheckpoint = (row: CheckpointRow): StoredCheckpoint => ({
  treeSize: Number(row.tree_size),
  rootHash: Buffer.from(row.root_hash, 'hex'),
  timestamp: new Date(row.timestamp),
  keyId: row.key_id,
  note: row.note,
});

/**
 * The audit tree as stored (audit_leaves, audit_tree_nodes, audit_checkpoints). Proofs read the
 * complete subtrees they need in one query (`nodesNeeded`) and compute the rest (merkle.ts).
 */
export class AuditTreeRepository {
  constructor(private readonly sql: Sql) {}

  async lastLeaf(): Promise<LastLeaf | null> {
    const [row] = await this.sql<{ leaf_index: string; record_id: string; tx_id: string }>(
      `SELECT l.leaf_index::text AS leaf_index, l.record_id::text AS record_id, l.tx_id::text AS tx_id
         FROM audit_leaves l ORDER BY l.leaf_index DESC LIMIT 1`,
    );
    return row ? { leafIndex: Number(row.leaf_index), recordId: row.record_id, txId: row.tx_id } : null;
  }

  async leafOf(recordId: string): Promise<{ leafIndex: number; leafHash: Buffer } | null> {
    const [row] = await this.sql<{ leaf_index: string; leaf_hash: string }>(
      `SELECT leaf_index::text AS leaf_index, encode(leaf_hash, 'hex') AS leaf_hash FROM audit_leaves WHERE record_id = $1::bigint`,
      [recordId],
    );
    return row ? { leafIndex: Number(row.leaf_index), leafHash: Buffer.from(row.leaf_hash, 'hex') } : null;
  }

  async latestCheckpoint(): Promise<StoredCheckpoint | null> {
    const [row] = await this.sql<CheckpointRow>(`SELECT ${CHECKPOINT_COLUMNS} FROM audit_checkpoints c ORDER BY c.tree_size DESC LIMIT 1`);
    return row ? toCheckpoint(row) : null;
  }

  async checkpoint(treeSize: number): Promise<StoredCheckpoint | null> {
    const [row] = await this.sql<CheckpointRow>(`SELECT ${CHECKPOINT_COLUMNS} FROM audit_checkpoints WHERE tree_size = $1::bigint`, [String(treeSize)]);
    return row ? toCheckpoint(row) : null;
  }

  /** The compact range [0, size): one complete subtree per 1 bit of size, largest first. */
  async compactRange(size: number): Promise<CompactRange> {
    const wanted: Array<[number, number]> = [];
    let offset = 0;
    for (let level = Math.floor(Math.log2(Math.max(size, 1))) + 1; level >= 0; level--) {
      const width = 2 ** level;
      if (offset + width <= size) {
        wanted.push([level, offset / width]);
        offset += width;
      }
    }
    const found = await this.nodes(wanted);
    return { size, hashes: wanted.map(([level, index]) => found(level, index)) };
  }

  async inclusionProof(leafIndex: number, treeSize: number): Promise<Buffer[]> {
    return this.compute((read) => inclusionProof(leafIndex, treeSize, read));
  }

  async consistencyProof(oldSize: number, newSize: number): Promise<Buffer[]> {
    return this.compute((read) => consistencyProof(oldSize, newSize, read));
  }

  async rootHash(treeSize: number): Promise<Buffer> {
    return this.compute((read) => rootHash(treeSize, read));
  }

  /** Runs `fn` twice: once to learn which subtrees it reads, then over those fetched in one query. */
  private async compute<T>(fn: (read: NodeReader) => T): Promise<T> {
    return fn(await this.nodes(nodesNeeded(fn)));
  }

  private async nodes(wanted: Array<[number, number]>): Promise<NodeReader> {
    const rows =
      wanted.length === 0
        ? []
        : await this.sql<{ level: number; index: string; hash: string }>(
            `SELECT n.level::int AS level, n.index::text AS index, encode(n.hash, 'hex') AS hash
               FROM audit_tree_nodes n JOIN jsonb_to_recordset($1::jsonb) AS w(l int, i bigint) ON n.level = w.l AND n.index = w.i`,
            [JSON.stringify(wanted.map(([l, i]) => ({ l, i })))],
          );
    const byKey = new Map(rows.map((r) => [`${r.level}:${r.index}`, Buffer.from(r.hash, 'hex')]));
    return (level, index) => {
      const hash = byKey.get(`${level}:${index}`);
      if (!hash) throw new Error(`audit tree node (${level}, ${index}) is missing`);
      return hash;
    };
  }
}
