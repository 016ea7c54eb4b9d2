-- The audit trail is append-only (§1.15). The database itself refuses UPDATE and
-- TRUNCATE always, and DELETE except by the retention purge, which must say so in
-- transaction-local settings and may remove only records older than the period
-- it names, and only the oldest records of the chain (a prefix), so the chain
-- stays verifiable from the anchor the purge records.

-- AlterTable: an activity retried after a crash records its transition once.
ALTER TABLE "audit_records" ADD COLUMN "dedup_key" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "audit_records_dedup_key_key" ON "audit_records"("dedup_key");
CREATE INDEX "audit_records_action_idx" ON "audit_records"("action");

CREATE FUNCTION "audit_records_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  retention_ms BIGINT;
BEGIN
  IF TG_OP <> 'DELETE' THEN
    RAISE EXCEPTION 'audit_records is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF coalesce(current_setting('audit.retention_purge', true), '') <> 'on' THEN
    RAISE EXCEPTION 'audit_records is append-only: only the retention purge may delete' USING ERRCODE = 'insufficient_privilege';
  END IF;
  BEGIN
    retention_ms := current_setting('audit.retention_ms', true)::BIGINT;
  EXCEPTION WHEN others THEN
    retention_ms := NULL;
  END;
  IF retention_ms IS NULL OR retention_ms <= 0 THEN
    RAISE EXCEPTION 'audit retention purge: audit.retention_ms must be a positive number of milliseconds' USING ERRCODE = 'insufficient_privilege';
  END IF;
  -- now() is the transaction's start, the same instant the purge computed its cutoff from.
  IF OLD."occurred_at" >= now() - retention_ms * INTERVAL '1 millisecond' THEN
    RAISE EXCEPTION 'audit record % is younger than the retention period and cannot be deleted', OLD."id" USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN OLD;
END;
$$;

CREATE FUNCTION "audit_records_prefix_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM "audit_records" WHERE "id" < (SELECT max("id") FROM removed)) THEN
    RAISE EXCEPTION 'audit retention purge may remove only the oldest records of the chain' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "audit_records_no_update" BEFORE UPDATE ON "audit_records"
  FOR EACH ROW EXECUTE FUNCTION "audit_records_refuse_change"();
CREATE TRIGGER "audit_records_guard_delete" BEFORE DELETE ON "audit_records"
  FOR EACH ROW EXECUTE FUNCTION "audit_records_refuse_change"();
CREATE TRIGGER "audit_records_no_truncate" BEFORE TRUNCATE ON "audit_records"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_records_refuse_change"();
CREATE TRIGGER "audit_records_delete_prefix" AFTER DELETE ON "audit_records"
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION "audit_records_prefix_only"();
