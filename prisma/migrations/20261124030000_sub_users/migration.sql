-- Sub-user requests (§1.8): a full-access user asks the bank to add a user.

-- CreateEnum
CREATE TYPE "SubUserRequestStatus" AS ENUM ('AWAITING_CONFIRMATION', 'BANK_PROCESSING', 'AWAITING_OPERATOR', 'INVITED', 'COMPLETED', 'REJECTED', 'EXPIRED', 'CANCELLED');

-- CreateTable
CREATE TABLE "sub_user_requests" (
    "id" UUID NOT NULL,
    "partner_id" UUID NOT NULL,
    "creator_id" UUID NOT NULL,
    "workflow_id" TEXT NOT NULL,
    "full_name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "language" "Language" NOT NULL DEFAULT 'kk',
    "requested_access_level" "AccessLevel" NOT NULL DEFAULT 'CREATE_AND_VIEW',
    "status" "SubUserRequestStatus" NOT NULL DEFAULT 'AWAITING_CONFIRMATION',
    "code_expires_at" TIMESTAMPTZ(3),
    "review_flags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "operator_id" TEXT,
    "reject_reason" TEXT,
    "cancel_reason" TEXT,
    "new_user_id" UUID,
    "finished_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "sub_user_requests_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "sub_user_requests_workflow_id_key" ON "sub_user_requests"("workflow_id");
CREATE UNIQUE INDEX "sub_user_requests_new_user_id_key" ON "sub_user_requests"("new_user_id");
CREATE INDEX "sub_user_requests_partner_id_created_at_idx" ON "sub_user_requests"("partner_id", "created_at");
CREATE INDEX "sub_user_requests_status_created_at_idx" ON "sub_user_requests"("status", "created_at");
-- The bank's checks look for other users with a sub-user's phone (§1.8.3).
CREATE INDEX "users_phone_idx" ON "users"("phone");

-- One pending request per e-mail, across partners: two requests for the same login-to-be
-- can't both be in flight (the second is a 409). Once a request ends, the e-mail is free
-- again; once the user exists, the users' unique login guards it.
CREATE UNIQUE INDEX "sub_user_requests_one_pending_per_email" ON "sub_user_requests"("email")
    WHERE "status" IN ('AWAITING_CONFIRMATION', 'BANK_PROCESSING', 'AWAITING_OPERATOR', 'INVITED');
-- The e-mail becomes a login, which is stored lower-cased (§1.6).
ALTER TABLE "sub_user_requests" ADD CONSTRAINT "sub_user_requests_email_lowercase" CHECK ("email" = lower("email"));

-- AddForeignKey
ALTER TABLE "sub_user_requests" ADD CONSTRAINT "sub_user_requests_partner_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "partners"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "sub_user_requests" ADD CONSTRAINT "sub_user_requests_creator_id_fkey" FOREIGN KEY ("creator_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "sub_user_requests" ADD CONSTRAINT "sub_user_requests_new_user_id_fkey" FOREIGN KEY ("new_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
