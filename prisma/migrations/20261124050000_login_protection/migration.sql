-- Login protection (§1.16, §2.9): failed-login counters and locks per user, rate
-- counters per address, login and phone; password recoveries (§1.12).

-- CreateEnum
CREATE TYPE "RecoveryStatus" AS ENUM ('LINK_SENT', 'CODE_SENT', 'CODE_VERIFIED', 'COMPLETED', 'EXPIRED', 'LOCKED', 'CANCELLED');

-- CreateTable
CREATE TABLE "login_locks" (
    "user_id" UUID NOT NULL,
    "password_failures" INTEGER NOT NULL DEFAULT 0,
    "code_failures" INTEGER NOT NULL DEFAULT 0,
    "lock_count" INTEGER NOT NULL DEFAULT 0,
    "locked_until" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "login_locks_pkey" PRIMARY KEY ("user_id")
);

CREATE TABLE "rate_counters" (
    "kind" TEXT NOT NULL,
    "subject" CHAR(64) NOT NULL,
    "window_started_at" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,
    "last_at" TIMESTAMPTZ(3),
    CONSTRAINT "rate_counters_pkey" PRIMARY KEY ("kind","subject")
);

CREATE TABLE "password_recoveries" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "recovery_no" INTEGER NOT NULL,
    "workflow_id" TEXT NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "status" "RecoveryStatus" NOT NULL DEFAULT 'LINK_SENT',
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "pending_password_hash" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "password_recoveries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "rate_counters_last_at_idx" ON "rate_counters"("last_at");
CREATE UNIQUE INDEX "password_recoveries_workflow_id_key" ON "password_recoveries"("workflow_id");
CREATE UNIQUE INDEX "password_recoveries_token_hash_key" ON "password_recoveries"("token_hash");
CREATE UNIQUE INDEX "password_recoveries_user_id_recovery_no_key" ON "password_recoveries"("user_id", "recovery_no");

-- AddForeignKey
ALTER TABLE "login_locks" ADD CONSTRAINT "login_locks_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "password_recoveries" ADD CONSTRAINT "password_recoveries_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
