-- The bank's ledger (§2.4, §2.6): double-entry postings, one per payment execution (or
-- refusal), keyed by the payment id so that a payment is applied at most once; and one
-- opening posting per account opened with a balance, so statements add up from day one.
-- Every balance is kept in one sense (a credit raises it, a debit lowers it), so the sum
-- of all balances, the bank's own accounts included, is always zero.

-- CreateEnum
CREATE TYPE "LedgerPostingKind" AS ENUM ('OPENING', 'PAYMENT');
CREATE TYPE "LedgerOutcome" AS ENUM ('EXECUTED', 'REFUSED');
CREATE TYPE "LedgerDirection" AS ENUM ('DEBIT', 'CREDIT');

-- CreateTable
CREATE TABLE "ledger_bank_accounts" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "balance_tiyn" BIGINT NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "ledger_bank_accounts_pkey" PRIMARY KEY ("code")
);

CREATE TABLE "ledger_postings" (
    "id" UUID NOT NULL,
    "kind" "LedgerPostingKind" NOT NULL,
    "payment_id" UUID,
    "outcome" "LedgerOutcome" NOT NULL,
    "refusal_code" TEXT,
    "refusal_reason" TEXT,
    "amount_tiyn" BIGINT NOT NULL,
    "document_number" TEXT,
    "knp" CHAR(3),
    "purpose" TEXT,
    "recorded_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ledger_postings_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "ledger_entries" (
    "id" BIGSERIAL NOT NULL,
    "posting_id" UUID NOT NULL,
    "account_iban" CHAR(20),
    "bank_account_code" TEXT,
    "direction" "LedgerDirection" NOT NULL,
    "amount_tiyn" BIGINT NOT NULL,
    "balance_after_tiyn" BIGINT NOT NULL,
    "counterparty_name" TEXT,
    "counterparty_bin_iin" CHAR(12),
    "counterparty_iban" CHAR(20),
    "posted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ledger_entries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ledger_postings_payment_id_key" ON "ledger_postings"("payment_id");
CREATE INDEX "ledger_entries_posting_id_idx" ON "ledger_entries"("posting_id");
CREATE INDEX "ledger_entries_account_iban_posted_at_id_idx" ON "ledger_entries"("account_iban", "posted_at", "id");
CREATE INDEX "ledger_entries_bank_account_code_posted_at_id_idx" ON "ledger_entries"("bank_account_code", "posted_at", "id");

-- AddForeignKey (ON UPDATE RESTRICT: ledger rows never change, see the append-only triggers)
ALTER TABLE "ledger_postings" ADD CONSTRAINT "ledger_postings_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payments"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_posting_id_fkey" FOREIGN KEY ("posting_id") REFERENCES "ledger_postings"("id") ON DELETE RESTRICT ON UPDATE RESTRICT;
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_account_iban_fkey" FOREIGN KEY ("account_iban") REFERENCES "accounts"("iban") ON DELETE RESTRICT ON UPDATE RESTRICT;
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_bank_account_code_fkey" FOREIGN KEY ("bank_account_code") REFERENCES "ledger_bank_accounts"("code") ON DELETE RESTRICT ON UPDATE RESTRICT;

-- Row rules the application also keeps; the database insists.
ALTER TABLE "ledger_postings" ADD CONSTRAINT "ledger_postings_payment_kind" CHECK (("kind" = 'PAYMENT') = ("payment_id" IS NOT NULL));
ALTER TABLE "ledger_postings" ADD CONSTRAINT "ledger_postings_opening_executed" CHECK ("kind" = 'PAYMENT' OR "outcome" = 'EXECUTED');
ALTER TABLE "ledger_postings" ADD CONSTRAINT "ledger_postings_refusal" CHECK (("outcome" = 'REFUSED') = ("refusal_code" IS NOT NULL AND "refusal_reason" IS NOT NULL));
ALTER TABLE "ledger_postings" ADD CONSTRAINT "ledger_postings_executed_amount" CHECK ("outcome" = 'REFUSED' OR "amount_tiyn" > 0);
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_amount_positive" CHECK ("amount_tiyn" > 0);
ALTER TABLE "ledger_entries" ADD CONSTRAINT "ledger_entries_one_account" CHECK (num_nonnulls("account_iban", "bank_account_code") = 1);

-- The bank's own accounts.
INSERT INTO "ledger_bank_accounts" ("code", "name", "updated_at") VALUES
    ('CLEARING', 'Correspondent account: payments to other banks', CURRENT_TIMESTAMP),
    ('OPENING', 'Opening balances taken over from partners'' applications', CURRENT_TIMESTAMP);

-- Postings and entries are never changed or removed: a mistake is corrected by a new posting.
CREATE FUNCTION "ledger_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER "ledger_postings_append_only" BEFORE UPDATE OR DELETE ON "ledger_postings"
    FOR EACH ROW EXECUTE FUNCTION "ledger_append_only"();
CREATE TRIGGER "ledger_entries_append_only" BEFORE UPDATE OR DELETE ON "ledger_entries"
    FOR EACH ROW EXECUTE FUNCTION "ledger_append_only"();

-- At commit, every executed posting moves its amount with debits equal to credits, and a
-- refused one moves nothing.
CREATE FUNCTION "ledger_check_posting"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    pid UUID;
    posting RECORD;
    debits NUMERIC;
    credits NUMERIC;
    legs INTEGER;
BEGIN
    -- Separate branches: NEW has "id" on one table and "posting_id" on the other.
    IF TG_TABLE_NAME = 'ledger_postings' THEN
        pid := NEW."id";
    ELSE
        pid := NEW."posting_id";
    END IF;
    SELECT "outcome", "amount_tiyn" INTO posting FROM "ledger_postings" WHERE "id" = pid;
    SELECT COALESCE(SUM("amount_tiyn") FILTER (WHERE "direction" = 'DEBIT'), 0),
           COALESCE(SUM("amount_tiyn") FILTER (WHERE "direction" = 'CREDIT'), 0),
           COUNT(*)
      INTO debits, credits, legs
      FROM "ledger_entries" WHERE "posting_id" = pid;
    IF posting."outcome" = 'EXECUTED' AND (legs < 2 OR debits <> credits OR debits <> posting."amount_tiyn") THEN
        RAISE EXCEPTION 'ledger posting % does not balance: debits %, credits %, amount %', pid, debits, credits, posting."amount_tiyn"
            USING ERRCODE = 'check_violation';
    END IF;
    IF posting."outcome" = 'REFUSED' AND legs > 0 THEN
        RAISE EXCEPTION 'refused ledger posting % has entries', pid USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER "ledger_postings_balanced" AFTER INSERT ON "ledger_postings"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "ledger_check_posting"();
CREATE CONSTRAINT TRIGGER "ledger_entries_balanced" AFTER INSERT ON "ledger_entries"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "ledger_check_posting"();

-- At commit, an account's balance is the balance after its last ledger entry (0 without
-- one): no balance changes except through the ledger.
CREATE FUNCTION "ledger_check_balance"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    current_balance BIGINT;
    ledger_balance BIGINT;
    key TEXT;
BEGIN
    IF TG_TABLE_NAME = 'accounts' THEN
        key := NEW."iban";
        SELECT "balance_tiyn" INTO current_balance FROM "accounts" WHERE "iban" = key;
        SELECT "balance_after_tiyn" INTO ledger_balance FROM "ledger_entries" WHERE "account_iban" = key ORDER BY "id" DESC LIMIT 1;
    ELSE
        key := NEW."code";
        SELECT "balance_tiyn" INTO current_balance FROM "ledger_bank_accounts" WHERE "code" = key;
        SELECT "balance_after_tiyn" INTO ledger_balance FROM "ledger_entries" WHERE "bank_account_code" = key ORDER BY "id" DESC LIMIT 1;
    END IF;
    IF current_balance IS DISTINCT FROM COALESCE(ledger_balance, 0) THEN
        RAISE EXCEPTION 'balance of % (%) differs from its ledger (%)', key, current_balance, COALESCE(ledger_balance, 0)
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER "accounts_balance_from_ledger" AFTER INSERT OR UPDATE OF "balance_tiyn" ON "accounts"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "ledger_check_balance"();
CREATE CONSTRAINT TRIGGER "ledger_bank_accounts_balance_from_ledger" AFTER UPDATE OF "balance_tiyn" ON "ledger_bank_accounts"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "ledger_check_balance"();

-- An account opened with a balance (from the application's `openingBalance`) gets an
-- opening posting: debit the bank's OPENING account, credit the new account. Done by a
-- trigger in the inserting transaction, so no path can open an account outside the ledger.
CREATE FUNCTION "ledger_post_opening"(p_iban CHAR(20), p_amount BIGINT) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
    pid UUID := gen_random_uuid();
    stamp TIMESTAMPTZ(3) := date_trunc('milliseconds', clock_timestamp());
    opening_balance BIGINT;
BEGIN
    UPDATE "ledger_bank_accounts" SET "balance_tiyn" = "balance_tiyn" - p_amount, "updated_at" = stamp
        WHERE "code" = 'OPENING' RETURNING "balance_tiyn" INTO opening_balance;
    INSERT INTO "ledger_postings" ("id", "kind", "outcome", "amount_tiyn", "recorded_at")
        VALUES (pid, 'OPENING', 'EXECUTED', p_amount, stamp);
    INSERT INTO "ledger_entries" ("posting_id", "bank_account_code", "direction", "amount_tiyn", "balance_after_tiyn", "posted_at")
        VALUES (pid, 'OPENING', 'DEBIT', p_amount, opening_balance, stamp);
    INSERT INTO "ledger_entries" ("posting_id", "account_iban", "direction", "amount_tiyn", "balance_after_tiyn", "posted_at")
        VALUES (pid, p_iban, 'CREDIT', p_amount, p_amount, stamp);
END $$;
CREATE FUNCTION "ledger_open_account"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM "ledger_post_opening"(NEW."iban", NEW."balance_tiyn");
    RETURN NULL;
END $$;
CREATE TRIGGER "accounts_opening_posting" AFTER INSERT ON "accounts"
    FOR EACH ROW WHEN (NEW."balance_tiyn" > 0) EXECUTE FUNCTION "ledger_open_account"();

-- Accounts opened before the ledger existed take their current balance as opening balance.
SELECT "ledger_post_opening"("iban", "balance_tiyn") FROM "accounts" WHERE "balance_tiyn" > 0 ORDER BY "created_at", "iban";
