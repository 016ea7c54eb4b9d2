-- The audit log becomes a transparency log (RFC 9162; §1.15). An append is one INSERT in the
-- writer's own transaction; the sealer later gives committed records consecutive leaf indices,
-- extends a Merkle tree and signs a checkpoint. The hash chain (prev_hash/hash) goes: every
-- append had to read the chain's head under one global lock. Records written before this
-- migration are sealed as the tree's first leaves, in id order, by the first seal.

-- AlterTable: the hash chain is replaced by the tree.
DROP INDEX "audit_records_hash_key";
ALTER TABLE "audit_records" DROP COLUMN "prev_hash", DROP COLUMN "hash";

-- AlterTable: the writing transaction. The sealer takes only records whose transaction id is
-- below its snapshot's xmin (every such transaction has ended), so a record committed late,
-- out of id order, is neither skipped nor sealed twice. Existing rows get this migration's id.
ALTER TABLE "audit_records" ADD COLUMN "tx_id" xid8 NOT NULL DEFAULT pg_current_xact_id();

-- CreateTable
CREATE TABLE "audit_leaves" (
    "leaf_index" BIGINT NOT NULL,
    "record_id" BIGINT NOT NULL,
    "tx_id" xid8 NOT NULL,
    "leaf_hash" BYTEA NOT NULL,
    "sealed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "audit_leaves_pkey" PRIMARY KEY ("leaf_index"),
    CONSTRAINT "audit_leaves_leaf_hash_check" CHECK (octet_length("leaf_hash") = 32),
    CONSTRAINT "audit_leaves_leaf_index_check" CHECK ("leaf_index" >= 0)
);

-- CreateTable
CREATE TABLE "audit_tree_nodes" (
    "level" SMALLINT NOT NULL,
    "index" BIGINT NOT NULL,
    "hash" BYTEA NOT NULL,
    CONSTRAINT "audit_tree_nodes_pkey" PRIMARY KEY ("level", "index"),
    CONSTRAINT "audit_tree_nodes_hash_check" CHECK (octet_length("hash") = 32)
);

-- CreateTable
CREATE TABLE "audit_checkpoints" (
    "tree_size" BIGINT NOT NULL,
    "root_hash" BYTEA NOT NULL,
    "timestamp" TIMESTAMPTZ(3) NOT NULL,
    "key_id" TEXT NOT NULL,
    "note" TEXT NOT NULL,
    CONSTRAINT "audit_checkpoints_pkey" PRIMARY KEY ("tree_size"),
    CONSTRAINT "audit_checkpoints_root_hash_check" CHECK (octet_length("root_hash") = 32)
);

-- CreateIndex
CREATE UNIQUE INDEX "audit_leaves_record_id_key" ON "audit_leaves"("record_id");
CREATE INDEX "audit_records_tx_id_id_idx" ON "audit_records"("tx_id", "id");

-- Append-only, rewritten: records refuse UPDATE and TRUNCATE; DELETE is allowed only to the
-- retention purge, which says so in transaction-local settings, and only for a record that is
-- older than the period it names and already sealed below the leaf index it names (so the
-- removed bodies are a prefix of the tree; their leaf hashes stay, and with them every proof).
-- The prefix rule of the chain (an AFTER DELETE statement check) goes with the chain.
DROP TRIGGER "audit_records_delete_prefix" ON "audit_records";
DROP FUNCTION "audit_records_prefix_only"();

CREATE OR REPLACE FUNCTION "audit_records_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  retention_ms BIGINT;
  below_leaf BIGINT;
BEGIN
  IF TG_OP <> 'DELETE' THEN
    RAISE EXCEPTION 'audit_records is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF coalesce(current_setting('audit.retention_purge', true), '') <> 'on' THEN
    RAISE EXCEPTION 'audit_records is append-only: only the retention purge may delete' USING ERRCODE = 'insufficient_privilege';
  END IF;
  -- An unset setting reads as NULL, or as '' once set earlier in the session.
  BEGIN
    retention_ms := nullif(current_setting('audit.retention_ms', true), '')::BIGINT;
  EXCEPTION WHEN others THEN
    retention_ms := NULL;
  END;
  BEGIN
    below_leaf := nullif(current_setting('audit.purge_below_leaf', true), '')::BIGINT;
  EXCEPTION WHEN others THEN
    below_leaf := NULL;
  END;
  IF retention_ms IS NULL OR retention_ms <= 0 THEN
    RAISE EXCEPTION 'audit retention purge: audit.retention_ms must be a positive number of milliseconds' USING ERRCODE = 'insufficient_privilege';
  END IF;
  -- now() is the transaction's start, the same instant the purge computed its cutoff from.
  IF OLD."occurred_at" >= now() - retention_ms * INTERVAL '1 millisecond' THEN
    RAISE EXCEPTION 'audit record % is younger than the retention period and cannot be deleted', OLD."id" USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF below_leaf IS NULL OR NOT EXISTS (
    SELECT 1 FROM "audit_leaves" WHERE "record_id" = OLD."id" AND "leaf_index" < below_leaf
  ) THEN
    RAISE EXCEPTION 'audit record % is not sealed below the leaf the purge names (audit.purge_below_leaf)', OLD."id" USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN OLD;
END;
$$;

-- The tree's tables are insert-only, without exception.
CREATE FUNCTION "audit_tree_refuse_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is insert-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "audit_leaves_insert_only" BEFORE UPDATE OR DELETE ON "audit_leaves"
  FOR EACH ROW EXECUTE FUNCTION "audit_tree_refuse_change"();
CREATE TRIGGER "audit_leaves_no_truncate" BEFORE TRUNCATE ON "audit_leaves"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_tree_refuse_change"();
CREATE TRIGGER "audit_tree_nodes_insert_only" BEFORE UPDATE OR DELETE ON "audit_tree_nodes"
  FOR EACH ROW EXECUTE FUNCTION "audit_tree_refuse_change"();
CREATE TRIGGER "audit_tree_nodes_no_truncate" BEFORE TRUNCATE ON "audit_tree_nodes"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_tree_refuse_change"();
CREATE TRIGGER "audit_checkpoints_insert_only" BEFORE UPDATE OR DELETE ON "audit_checkpoints"
  FOR EACH ROW EXECUTE FUNCTION "audit_tree_refuse_change"();
CREATE TRIGGER "audit_checkpoints_no_truncate" BEFORE TRUNCATE ON "audit_checkpoints"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_tree_refuse_change"();
