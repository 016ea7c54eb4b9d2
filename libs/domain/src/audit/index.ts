/**
 * The audit trail (§1.15): what counts as a success or a refusal, how long
 * records are kept, how readers query them, and what each reader may see.
 *
 * - `auditOutcomeForStatus(status)`: 2xx SUCCESS; 401, 403, 404 DENIED; else FAILURE.
 * - `AUDIT_RETENTION_MIN_DAYS` (1826): records are kept at least five years.
 * - `auditQuerySchema` / `operatorAuditQuerySchema`: from, to, userId, action
 *   (exact, or a prefix ending in `*`), cursor, limit (1–200, default 50).
 * - `auditRecordParamsSchema`, `auditProofQuerySchema`, `auditConsistencyQuerySchema`: the
 *   operator's proof endpoints (record id, tree sizes as positive integers).
 * - `auditRecordView(reader, record)`: a PARTNER reader sees client addresses
 *   masked to the network and no operator identity; an OPERATOR sees all.
 */
export { auditOutcomeForStatus, type AuditOutcome } from './audit-outcome';
export { AUDIT_RETENTION_MIN_DAYS, auditRetentionMs } from './audit-retention';
export { auditQuerySchema, operatorAuditQuerySchema, type AuditQuery, type OperatorAuditQuery } from './audit-query.schema';
export { auditRecordView, maskClientAddress, type AuditReader, type AuditRecordFields, type AuditRecordView } from './audit-view';
export { auditConsistencyQuerySchema, auditProofQuerySchema, auditRecordParamsSchema, type AuditConsistencyQuery, type AuditProofQuery } from './audit-proof.schema';
export { auditProofErrors } from './audit-proof.errors';
