// Every workflow the worker registers. Only @temporalio/workflow and libs/domain may be imported from here down.
export { onboardingWorkflow } from './onboarding/onboarding.workflow';
export { registrationWorkflow } from './registration/registration.workflow';
export { subUserRequestWorkflow } from './sub-user-request/sub-user-request.workflow';
export { loginChallengeWorkflow } from './login-challenge/login-challenge.workflow';
export { loginLockWorkflow } from './login-lock/login-lock.workflow';
export { recoveryWorkflow } from './recovery/recovery.workflow';
export { auditRetentionWorkflow } from './audit/audit-retention.workflow';
export { auditSealerWorkflow } from './audit/audit-sealer.workflow';
export { paymentWorkflow } from './payment/payment.workflow';
export { receiptWorkflow } from './receipt/receipt.workflow';
export { approvalPolicyChangeWorkflow } from './approval-policy/approval-policy-change.workflow';
