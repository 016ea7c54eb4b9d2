import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '@domain/access-level';
import type { ChallengeContext } from '@domain/challenge';
import type { MachineState } from '@domain/machine-state';
import { SUB_USER_CODE_NO, type SubUserCheckFlag, type SubUserPolicy, type SubUserRequestContext, type SubUserRequestStatus } from '@domain/sub-user-request';
import type { RegistrationInput, RegistrationView } from '../registration/registration.messages';

export const SUB_USER_REQUEST_WORKFLOW_TYPE = 'subUserRequestWorkflow';
/** The `Flow` search attribute of these workflows. */
export const SUB_USER_REQUEST_FLOW_NAME = 'sub-user-request';
export const subUserRequestWorkflowId = (requestId: string) => `sub-user-request-${requestId}`;
/** The request's only §1.8.2 code (the aggregate's): there is no resend; a new request is a new code. */
export const CODE_NO = SUB_USER_CODE_NO;

/**
 * Ids, lifetimes and the bank's policy only. The new user's name, e-mail and phone
 * stay in PostgreSQL (sub_user_requests): activities read them by request id.
 */
export interface SubUserRequestInput {
  requestId: string;
  partnerId: string;
  partnerBin: string;
  /** The full-access user who asked (§1.8.1), as the session saw them. */
  creator: Actor;
  /** §1.8.2 code: lifetime and wrong tries allowed (§1.11). */
  code: { ttlMs: number; maxAttempts: number };
  /** How long the request waits for an operator's decision before it expires (§1.8.3). */
  operatorTtlMs: number;
  policy: SubUserPolicy;
  /** For the new user's registration (§1.8.4), as for a listed user. */
  registration: Pick<RegistrationInput, 'linkTtlMs' | 'codeTtlMs' | 'resendCooldownMs' | 'maxAttempts'>;
}

export interface SubUserRequestView {
  requestId: string;
  status: SubUserRequestStatus;
  codeExpiresAt: string | null;
  attemptsLeft: number | null;
  reviewFlags: SubUserCheckFlag[];
  operatorDeadline: string | null;
  operatorId: string | null;
  newUserId: string | null;
  registrationStatus: RegistrationView['status'] | null;
  rejectReason: string | null;
  cancelReason: string | null;
  /** Both machines as they see themselves, for operators (the `state` query). */
  machine: { request: MachineState<SubUserRequestContext>; challenge: MachineState<ChallengeContext> | null };
}

/**
 * The API checks the code against its HMAC and hands over only the verdict and
 * who presented it (ids and statuses): the code never enters history.
 */
export interface CreatorCodeCheck {
  codeNo: number;
  correct: boolean;
  actor: Actor;
}

export interface CreatorCodeCheckResult {
  status: SubUserRequestStatus;
  attemptsLeft: number;
}

/** Sent with the start (update-with-start): answers once the §1.8.2 code has gone out. */
export const codeSentUpdate = defineUpdate<{ status: SubUserRequestStatus; codeExpiresAt: string | null }>('codeSent');
export const confirmUpdate = defineUpdate<CreatorCodeCheckResult, [CreatorCodeCheck]>('confirm');
export const approveUpdate = defineUpdate<{ status: SubUserRequestStatus }, [{ operatorId: string }]>('approve');
export const rejectUpdate = defineUpdate<{ status: SubUserRequestStatus }, [{ operatorId: string; reason: string }]>('reject');
export const subUserRequestStateQuery = defineQuery<SubUserRequestView>('state');
