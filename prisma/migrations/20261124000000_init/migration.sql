-- Partners, applications, accounts, users and registration (§1.1–§1.7, §1.10).

-- CreateEnum
CREATE TYPE "PartnerStatus" AS ENUM ('ACTIVE', 'SUSPENDED');
CREATE TYPE "ApplicationStatus" AS ENUM ('AWAITING_SIGNATURE', 'AWAITING_ACCEPTANCE', 'INVITING', 'COMPLETED', 'CANCELLED');
CREATE TYPE "AccessLevel" AS ENUM ('FULL_ACCESS', 'CREATE_AND_VIEW');
CREATE TYPE "UserStatus" AS ENUM ('INVITED', 'ACTIVE', 'LOCKED', 'BLOCKED');
CREATE TYPE "UserOrigin" AS ENUM ('APPLICATION', 'CABINET');
CREATE TYPE "Language" AS ENUM ('kk', 'ru');
CREATE TYPE "RegistrationStatus" AS ENUM ('INVITED', 'CODE_SENT', 'CODE_VERIFIED', 'ACTIVE', 'EXPIRED', 'LOCKED', 'CANCELLED');
CREATE TYPE "MessageChannel" AS ENUM ('EMAIL', 'SMS');

-- CreateTable
CREATE TABLE "partners" (
    "id" UUID NOT NULL,
    "bin" CHAR(12) NOT NULL,
    "name" TEXT NOT NULL,
    "status" "PartnerStatus" NOT NULL DEFAULT 'ACTIVE',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "partners_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "applications" (
    "id" UUID NOT NULL,
    "partner_id" UUID NOT NULL,
    "status" "ApplicationStatus" NOT NULL DEFAULT 'AWAITING_SIGNATURE',
    "workflow_id" TEXT NOT NULL,
    "signed_at" TIMESTAMPTZ(3),
    "accepted_at" TIMESTAMPTZ(3),
    "completed_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "applications_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "accounts" (
    "id" UUID NOT NULL,
    "partner_id" UUID NOT NULL,
    "iban" CHAR(20) NOT NULL,
    "currency" CHAR(3) NOT NULL DEFAULT 'KZT',
    "balance_tiyn" BIGINT NOT NULL DEFAULT 0,
    "blocked" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "users" (
    "id" UUID NOT NULL,
    "partner_id" UUID NOT NULL,
    "application_id" UUID,
    "login" TEXT NOT NULL,
    "full_name" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "access_level" "AccessLevel" NOT NULL,
    "status" "UserStatus" NOT NULL DEFAULT 'INVITED',
    "origin" "UserOrigin" NOT NULL,
    "language" "Language" NOT NULL DEFAULT 'kk',
    "password_hash" TEXT,
    "password_set_at" TIMESTAMPTZ(3),
    "activated_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "password_history" (
    "id" BIGSERIAL NOT NULL,
    "user_id" UUID NOT NULL,
    "hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "password_history_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "registrations" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "invitation_no" INTEGER NOT NULL,
    "workflow_id" TEXT NOT NULL,
    "token_hash" CHAR(64) NOT NULL,
    "status" "RegistrationStatus" NOT NULL DEFAULT 'INVITED',
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "registrations_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "one_time_codes" (
    "id" UUID NOT NULL,
    "scope" TEXT NOT NULL,
    "code_no" INTEGER NOT NULL,
    "purpose" TEXT NOT NULL,
    "code_hash" CHAR(64) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "one_time_codes_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "outbound_messages" (
    "key" TEXT NOT NULL,
    "channel" "MessageChannel" NOT NULL,
    "recipient" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "sent_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "outbound_messages_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "partners_bin_key" ON "partners"("bin");
CREATE UNIQUE INDEX "applications_workflow_id_key" ON "applications"("workflow_id");
CREATE INDEX "applications_partner_id_idx" ON "applications"("partner_id");
CREATE UNIQUE INDEX "accounts_iban_key" ON "accounts"("iban");
CREATE INDEX "accounts_partner_id_idx" ON "accounts"("partner_id");
CREATE UNIQUE INDEX "users_login_key" ON "users"("login");
CREATE INDEX "users_partner_id_idx" ON "users"("partner_id");
CREATE INDEX "password_history_user_id_created_at_idx" ON "password_history"("user_id", "created_at");
CREATE UNIQUE INDEX "registrations_workflow_id_key" ON "registrations"("workflow_id");
CREATE UNIQUE INDEX "registrations_token_hash_key" ON "registrations"("token_hash");
CREATE UNIQUE INDEX "registrations_user_id_invitation_no_key" ON "registrations"("user_id", "invitation_no");
CREATE UNIQUE INDEX "one_time_codes_scope_code_no_key" ON "one_time_codes"("scope", "code_no");

-- One open application per partner at a time (a second one for the same BIN is a 409).
CREATE UNIQUE INDEX "applications_one_open_per_partner" ON "applications"("partner_id")
    WHERE "status" IN ('AWAITING_SIGNATURE', 'AWAITING_ACCEPTANCE', 'INVITING');
-- Logins are e-mails compared case-insensitively (§1.6); the app lower-cases, the database insists.
ALTER TABLE "users" ADD CONSTRAINT "users_login_lowercase" CHECK ("login" = lower("login"));
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_balance_non_negative" CHECK ("balance_tiyn" >= 0);

-- AddForeignKey
ALTER TABLE "applications" ADD CONSTRAINT "applications_partner_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "partners"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_partner_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "partners"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "users" ADD CONSTRAINT "users_partner_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "partners"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "users" ADD CONSTRAINT "users_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "applications"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "password_history" ADD CONSTRAINT "password_history_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
