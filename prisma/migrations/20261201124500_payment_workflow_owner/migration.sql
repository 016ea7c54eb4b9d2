-- One owner per payment (issue 13): every document has its approval workflow from its creation
-- on, named after the document. Drafts created before were never submitted and so had none; the
-- first command to such a draft starts `payment-<id>` from the stored row (update-with-start).
UPDATE "payments" SET "workflow_id" = 'payment-' || "id"::text WHERE "workflow_id" IS NULL;

ALTER TABLE "payments" ALTER COLUMN "workflow_id" SET NOT NULL;
