import { auditHash, GENESIS_HASH, type AuditContent } from './audit-hash';

/** The action of the record the retention purge appends; its details anchor the chain. */
export const RETENTION_PURGE_ACTION = 'audit.retention.purge';

/** A row as PostgreSQL returns it (snake_case, BIGINT id as a string). */
export interface AuditChainRow {
  id: string;
  occurred_at: Date;
  actor_type: string;
  actor_id: string | null;
  partner_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: string;
  request_id: string | null;
  client_address: string | null;
  details: unknown;
  prev_hash: string;
  hash: string;
}

/** Where the surviving chain starts: genesis, or the last record a purge removed. */
export interface ChainAnchor {
  hash: string;
  /** Records up to this id were removed by retention; none may remain. */
  removedThroughId: string | null;
}

export const GENESIS_ANCHOR: ChainAnchor = { hash: GENESIS_HASH, removedThroughId: null };

export type ChainVerdict =
  | { ok: true; checked: number; anchor: ChainAnchor }
  | { ok: false; checked: number; brokenId: string; reason: string };

export const rowContent = (row: AuditChainRow): AuditContent => ({
  occurredAt: row.occurred_at.toISOString(),
  actorType: row.actor_type,
  actorId: row.actor_id,
  partnerId: row.partner_id,
  action: row.action,
  targetType: row.target_type,
  targetId: row.target_id,
  outcome: row.outcome,
  requestId: row.request_id,
  clientAddress: row.client_address,
  details: row.details,
});

/** Whether a row's stored hash is the hash of its own content and stored link. */
export const rowSealed = (row: AuditChainRow): boolean => auditHash(row.prev_hash, rowContent(row)) === row.hash;

/**
 * Checks rows in id order, each against the one before: the first row must
 * continue from the anchor, every row's prev_hash must be its predecessor's
 * hash, and every hash must be recomputable from the row. Returns the reason
 * the row breaks the chain, or null.
 */
export class ChainWalker {
  private expected: string;
  private first = true;
  checked = 0;

  constructor(private readonly anchor: ChainAnchor) {
    this.expected = anchor.hash;
  }

  check(row: AuditChainRow): string | null {
    if (this.first && this.anchor.removedThroughId !== null && BigInt(row.id) <= BigInt(this.anchor.removedThroughId)) {
      return `record ${row.id} should have been removed by the retention purge through ${this.anchor.removedThroughId}`;
    }
    if (row.prev_hash !== this.expected) {
      return this.first
        ? `record ${row.id} does not continue from the chain's ${this.anchor.removedThroughId ? 'retention anchor' : 'genesis'}`
        : `record ${row.id} does not link to the record before it (a record was changed, removed or inserted)`;
    }
    if (!rowSealed(row)) return `record ${row.id} was changed after it was written (its hash does not match its content)`;
    this.first = false;
    this.expected = row.hash;
    this.checked++;
    return null;
  }
}
