-- Payment documents, their multi-step approval and compliance hold (§1.2, §1.13, §2.4),
-- approval policies, and the generic Idempotency-Key store of the API.

-- CreateEnum
CREATE TYPE "PaymentStatus" AS ENUM ('DRAFT', 'AWAITING_CONFIRMATION', 'PARTIALLY_CONFIRMED', 'SENT_TO_BANK', 'EXECUTED', 'REFUSED', 'CANCELLED', 'EXPIRED');
CREATE TYPE "ComplianceHoldStatus" AS ENUM ('ON_HOLD', 'RELEASED', 'REFUSED', 'EXPIRED');

-- CreateTable
CREATE TABLE "payments" (
    "id" UUID NOT NULL,
    "partner_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "author_id" UUID NOT NULL,
    "status" "PaymentStatus" NOT NULL DEFAULT 'DRAFT',
    "version" INTEGER NOT NULL DEFAULT 1,
    "revision" INTEGER NOT NULL DEFAULT 0,
    "workflow_id" TEXT,
    "debit_iban" CHAR(20) NOT NULL,
    "amount_tiyn" BIGINT NOT NULL,
    "beneficiary_name" TEXT NOT NULL,
    "beneficiary_bin_iin" CHAR(12) NOT NULL,
    "beneficiary_iban" CHAR(20) NOT NULL,
    "beneficiary_bic" TEXT NOT NULL,
    "kbe" CHAR(2) NOT NULL,
    "knp" CHAR(3) NOT NULL,
    "purpose" TEXT NOT NULL,
    "value_date" DATE NOT NULL,
    "required_confirmations" INTEGER,
    "policy_snapshot" JSONB,
    "expires_at" TIMESTAMPTZ(3),
    "hold_status" "ComplianceHoldStatus",
    "hold_deadline" TIMESTAMPTZ(3),
    "refusal_code" TEXT,
    "refusal_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "submitted_at" TIMESTAMPTZ(3),
    "executed_at" TIMESTAMPTZ(3),
    CONSTRAINT "payments_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "payment_counters" (
    "partner_id" UUID NOT NULL,
    "last_number" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "payment_counters_pkey" PRIMARY KEY ("partner_id")
);

CREATE TABLE "payment_events" (
    "id" BIGSERIAL NOT NULL,
    "payment_id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "actor_type" TEXT NOT NULL,
    "actor_id" TEXT,
    "version" INTEGER NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "occurred_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "payment_events_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "payment_confirmations" (
    "id" UUID NOT NULL,
    "payment_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "challenge_id" UUID NOT NULL,
    "confirmed_at" TIMESTAMPTZ(3) NOT NULL,
    "voided_at" TIMESTAMPTZ(3),
    "void_reason" TEXT,
    CONSTRAINT "payment_confirmations_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "approval_policies" (
    "partner_id" UUID NOT NULL,
    "rules" JSONB NOT NULL DEFAULT '[]',
    "author_may_confirm" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_by" UUID,
    "change_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "approval_policies_pkey" PRIMARY KEY ("partner_id")
);

CREATE TABLE "idempotency_keys" (
    "scope" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "request_hash" CHAR(64) NOT NULL,
    "response_status" INTEGER,
    "response_body" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMPTZ(3),
    CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("scope", "key")
);

-- CreateIndex
CREATE UNIQUE INDEX "payments_workflow_id_key" ON "payments"("workflow_id");
CREATE UNIQUE INDEX "payments_partner_id_number_key" ON "payments"("partner_id", "number");
CREATE INDEX "payments_partner_id_created_at_idx" ON "payments"("partner_id", "created_at");
CREATE INDEX "payments_hold_status_idx" ON "payments"("hold_status");
CREATE UNIQUE INDEX "payment_events_key_key" ON "payment_events"("key");
CREATE INDEX "payment_events_payment_id_occurred_at_idx" ON "payment_events"("payment_id", "occurred_at");
CREATE UNIQUE INDEX "payment_confirmations_payment_id_user_id_version_key" ON "payment_confirmations"("payment_id", "user_id", "version");
CREATE INDEX "idempotency_keys_created_at_idx" ON "idempotency_keys"("created_at");

-- AddForeignKey
ALTER TABLE "payments" ADD CONSTRAINT "payments_partner_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "partners"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "payments" ADD CONSTRAINT "payments_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "payment_counters" ADD CONSTRAINT "payment_counters_partner_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "partners"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "payment_events" ADD CONSTRAINT "payment_events_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "payment_confirmations" ADD CONSTRAINT "payment_confirmations_payment_id_fkey" FOREIGN KEY ("payment_id") REFERENCES "payments"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "payment_confirmations" ADD CONSTRAINT "payment_confirmations_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "approval_policies" ADD CONSTRAINT "approval_policies_partner_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "partners"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
