-- The operator look-up (issue 16): sub-user requests by e-mail and by phone. Users need
-- nothing new (the login is unique, the phone already indexed), nor partners (BIN unique).
CREATE INDEX IF NOT EXISTS "sub_user_requests_email_idx" ON "sub_user_requests"("email");
CREATE INDEX IF NOT EXISTS "sub_user_requests_phone_idx" ON "sub_user_requests"("phone");

-- When an operator must decide a request by (the workflow's deadline, mirrored for the queue).
ALTER TABLE "sub_user_requests" ADD COLUMN IF NOT EXISTS "operator_deadline" TIMESTAMPTZ(3);
