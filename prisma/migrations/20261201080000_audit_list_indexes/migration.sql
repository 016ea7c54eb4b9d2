-- GET /v1/operator/audit pages newest first by id, filtered by partner, actor (userId) or action:
-- each filter gets an index ending in id, so a page is one backward range scan that stops at
-- LIMIT instead of sorting every matching record. occurred_at stays indexed alone for the
-- from/to filter and the retention purge.
DROP INDEX IF EXISTS "audit_records_partner_id_occurred_at_idx";
CREATE INDEX IF NOT EXISTS "audit_records_partner_id_id_idx" ON "audit_records"("partner_id", "id");
DROP INDEX IF EXISTS "audit_records_actor_id_occurred_at_idx";
CREATE INDEX IF NOT EXISTS "audit_records_actor_id_id_idx" ON "audit_records"("actor_id", "id");
DROP INDEX IF EXISTS "audit_records_action_idx";
CREATE INDEX IF NOT EXISTS "audit_records_action_id_idx" ON "audit_records"("action", "id");
