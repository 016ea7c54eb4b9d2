import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';

/** What the registration workflow is started with. Ids and lifetimes only — no secrets, no personal data. */
export interface RegistrationInput {
  userId: string;
  partnerId: string;
  partnerBin: string;
  invitationNo: number;
  linkTtlMs: number;
  codeTtlMs: number;
  resendCooldownMs: number;
  maxAttempts: number;
}

export interface RegistrationView {
  status: 'INVITED' | 'CODE_SENT' | 'CODE_VERIFIED' | 'ACTIVE' | 'EXPIRED' | 'LOCKED' | 'CANCELLED';
  expiresAt: string;
  codeExpiresAt: string | null;
  resendAvailableAt: string | null;
  attemptsLeft: number;
  codesIssued: number;
}

export interface CodeRequested {
  codeNo: number;
  codeExpiresAt: string;
  resendAvailableAt: string;
}

/**
 * The API checks the code against the stored HMAC itself and hands the workflow
 * only the outcome and which code it checked — the code never enters history.
 */
export interface CodeCheck {
  codeNo: number;
  correct: boolean;
}

export interface CodeCheckResult {
  status: RegistrationView['status'];
  attemptsLeft: number;
}

export const registrationWorkflowId = (userId: string, invitationNo: number) => `registration-${userId}-${invitationNo}`;

export const requestCodeUpdate = defineUpdate<CodeRequested>('requestCode');
export const checkCodeUpdate = defineUpdate<CodeCheckResult, [CodeCheck]>('checkCode');
/** Sent after the API stored the password hash; the workflow learns only that it was set. */
export const passwordSetUpdate = defineUpdate<{ status: RegistrationView['status'] }>('passwordSet');
/** SUB_USER_REQUEST_CANCELLED: the sub-user request that invited this user ended first (§1.8, §1.14). */
export const cancelRegistrationSignal = defineSignal<[{ reason: 'BLOCKED' | 'REINVITED' | 'OPERATOR' | 'SUB_USER_REQUEST_CANCELLED' }]>('cancel');
export const registrationStateQuery = defineQuery<RegistrationView>('state');
