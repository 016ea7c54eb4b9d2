-- Indexes for every list and filter the API offers (issue 14): each matches its WHERE and
-- ORDER BY, the tie-breaking id included, so a page is one index range scan ending at LIMIT
-- rather than a sort of everything that matches. Replaced indexes are prefixes of the new ones.
-- (On a large live table, create these CONCURRENTLY by hand first; this file then finds them.)

-- GET /v1/payments: partner_id [, status] [, created_at range], cursor (created_at, id) DESC.
DROP INDEX IF EXISTS "payments_partner_id_created_at_idx";
CREATE INDEX IF NOT EXISTS "payments_partner_id_created_at_id_idx" ON "payments"("partner_id", "created_at", "id");
CREATE INDEX IF NOT EXISTS "payments_partner_id_status_created_at_id_idx" ON "payments"("partner_id", "status", "created_at", "id");
-- GET /v1/operator/payments: every document, by status, or the compliance hold queue (status=ON_HOLD).
CREATE INDEX IF NOT EXISTS "payments_status_created_at_id_idx" ON "payments"("status", "created_at", "id");
CREATE INDEX IF NOT EXISTS "payments_created_at_id_idx" ON "payments"("created_at", "id");
DROP INDEX IF EXISTS "payments_hold_status_idx";
CREATE INDEX IF NOT EXISTS "payments_hold_status_created_at_id_idx" ON "payments"("hold_status", "created_at", "id");

-- GET /v1/users: partner_id ORDER BY created_at, id.
DROP INDEX IF EXISTS "users_partner_id_idx";
CREATE INDEX IF NOT EXISTS "users_partner_id_created_at_id_idx" ON "users"("partner_id", "created_at", "id");

-- GET /v1/accounts: partner_id ORDER BY created_at, iban.
DROP INDEX IF EXISTS "accounts_partner_id_idx";
CREATE INDEX IF NOT EXISTS "accounts_partner_id_created_at_iban_idx" ON "accounts"("partner_id", "created_at", "iban");

-- GET /v1/operator/sub-user-requests: [status] [partner_id] ORDER BY created_at DESC, id DESC.
DROP INDEX IF EXISTS "sub_user_requests_partner_id_created_at_idx";
CREATE INDEX IF NOT EXISTS "sub_user_requests_partner_id_created_at_id_idx" ON "sub_user_requests"("partner_id", "created_at", "id");
DROP INDEX IF EXISTS "sub_user_requests_status_created_at_idx";
CREATE INDEX IF NOT EXISTS "sub_user_requests_status_created_at_id_idx" ON "sub_user_requests"("status", "created_at", "id");
