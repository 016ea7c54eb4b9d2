import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '@domain/access-level';
import type { ChallengeStatus } from '@domain/challenge';
import type { ApprovalPolicy } from '@domain/payment';

/** One requested change of a partner's approval policy, waiting for its requester's SMS code. */
export const approvalPolicyChangeWorkflowId = (changeId: string) => `approval-policy-change-${changeId}`;
/** Scope of the change's one-time code (OneTimeCodes). */
export const approvalPolicyCodeScope = (changeId: string) => approvalPolicyChangeWorkflowId(changeId);

/** Ids, the new policy and lifetimes: nothing secret. */
export interface ApprovalPolicyChangeInput {
  changeId: string;
  partnerId: string;
  userId: string;
  policy: ApprovalPolicy;
  codeTtlMs: number;
  codeMaxAttempts: number;
}

export interface ApprovalPolicyChangeView {
  partnerId: string;
  userId: string;
  status: ChallengeStatus;
  expiresAt: string;
  attemptsLeft: number;
  /** The policy version the change produced, once verified and applied. */
  appliedVersion: number | null;
}

export type PolicyCodeCheckResult = { outcome: 'APPLIED'; version: number } | { outcome: 'WRONG'; attemptsLeft: number; locked: boolean };

/** The API's verdict on the code it checked against the stored HMAC; the code never reaches the workflow. */
export const checkPolicyCodeUpdate = defineUpdate<PolicyCodeCheckResult, [{ actor: Actor; correct: boolean }]>('checkCode');
export const approvalPolicyChangeStateQuery = defineQuery<ApprovalPolicyChangeView>('state');
