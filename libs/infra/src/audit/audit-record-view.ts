import { canonicalBytes, leafHash } from './transparency';

/**
 * A record as every reader selects it (`RECORD_COLUMNS`): all text, so the `pg` driver and Prisma
 * return the same values and the sealer, the REST proofs and the verifier hash the same bytes.
 */
export interface AuditRecordRow {
  id: string;
  occurred_at: string;
  actor_type: string;
  actor_id: string | null;
  partner_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  outcome: string;
  request_id: string | null;
  client_address: string | null;
  details: string;
  dedup_key: string | null;
}

/** Columns of `audit_records` (aliased `r`) as AuditRecordRow; the time in UTC to the millisecond, as stored. */
export const RECORD_COLUMNS = `r.id::text AS id,
  to_char(r.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS occurred_at,
  r.actor_type, r.actor_id, r.partner_id::text AS partner_id, r.action, r.target_type, r.target_id,
  r.outcome::text AS outcome, r.request_id, r.client_address, r.details::text AS details, r.dedup_key`;

/** What a leaf commits to: every field of the record, its id included (the writing transaction id is bookkeeping). */
// A type, not an interface: the REST schema takes it as a record of unknown values.
export type AuditRecordView = {
  id: string;
  occurredAt: string;
  actorType: string;
  actorId: string | null;
  partnerId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  outcome: string;
  requestId: string | null;
  clientAddress: string | null;
  details: unknown;
  dedupKey: string | null;
};

export function recordView(row: AuditRecordRow): AuditRecordView {
  return {
    id: row.id,
    occurredAt: row.occurred_at,
    actorType: row.actor_type,
    actorId: row.actor_id,
    partnerId: row.partner_id,
    action: row.action,
    targetType: row.target_type,
    targetId: row.target_id,
    outcome: row.outcome,
    requestId: row.request_id,
    clientAddress: row.client_address,
    details: JSON.parse(row.details) as unknown,
    dedupKey: row.dedup_key,
  };
}

/** Leaf hash = SHA-256(0x00 ‖ RFC 8785 bytes of the view) (RFC 9162 §2.1.1). */
export const viewLeafHash = (view: AuditRecordView): Buffer => leafHash(canonicalBytes(view));

export const recordLeafHash = (row: AuditRecordRow): Buffer => viewLeafHash(recordView(row));
