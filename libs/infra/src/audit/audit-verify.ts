import { GENESIS_ANCHOR, ChainWalker, RETENTION_PURGE_ACTION, rowSealed, type AuditChainRow, type ChainAnchor, type ChainVerdict } from './audit-chain';

/** What verification needs of a connection: `pg`'s Client and PoolClient fit. */
export interface Queryable {
  query<R>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
}

const COLUMNS = `id::text AS id, occurred_at, actor_type, actor_id, partner_id::text AS partner_id, action, target_type,
  target_id, outcome::text AS outcome, request_id, client_address, details, prev_hash, hash`;

/**
 * Walks the whole audit trail from its anchor and names the first broken record.
 * Run it inside one REPEATABLE READ transaction (the CLI does) so appends and a
 * purge running meanwhile don't change what is being walked.
 */
export async function verifyAuditChain(db: Queryable, pageSize = 1000): Promise<ChainVerdict> {
  const found = await findAnchor(db);
  if ('brokenId' in found) return { ok: false, checked: 0, ...found };
  const walker = new ChainWalker(found);
  let after = '0';
  for (;;) {
    const { rows } = await db.query<AuditChainRow>(
      `SELECT ${COLUMNS} FROM "audit_records" WHERE "audit_records".id > $1::bigint ORDER BY "audit_records".id LIMIT $2`,
      [after, pageSize],
    );
    for (const row of rows) {
      const reason = walker.check(row);
      if (reason) return { ok: false, checked: walker.checked, brokenId: row.id, reason };
    }
    if (rows.length < pageSize) return { ok: true, checked: walker.checked, anchor: found };
    after = rows[rows.length - 1]!.id;
  }
}

/**
 * The newest purge record says where the surviving chain starts. Its own seal is
 * checked first, so a forged anchor is reported as itself, not as the record after it.
 */
async function findAnchor(db: Queryable): Promise<ChainAnchor | { brokenId: string; reason: string }> {
  const { rows } = await db.query<AuditChainRow>(
    `SELECT ${COLUMNS} FROM "audit_records" WHERE action = $1 ORDER BY "audit_records".id DESC LIMIT 1`,
    [RETENTION_PURGE_ACTION],
  );
  const purge = rows[0];
  if (!purge) return GENESIS_ANCHOR;
  if (!rowSealed(purge)) return { brokenId: purge.id, reason: `retention record ${purge.id} was changed after it was written` };
  const details = purge.details as { lastRemovedHash?: unknown; removedThroughId?: unknown };
  if (typeof details.lastRemovedHash !== 'string' || typeof details.removedThroughId !== 'string') {
    return { brokenId: purge.id, reason: `retention record ${purge.id} does not name the last record it removed` };
  }
  return { hash: details.lastRemovedHash, removedThroughId: details.removedThroughId };
}
