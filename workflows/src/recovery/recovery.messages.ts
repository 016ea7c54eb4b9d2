import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { RecoveryStatus } from '@domain/auth/recovery';

/** What a password recovery is started with (§1.12). Ids, times and lifetimes only — no secrets, no personal data. */
export interface RecoveryInput {
  userId: string;
  partnerId: string;
  recoveryNo: number;
  /** When the API recorded the recovery (epoch ms); the link is valid until issuedAt + linkTtlMs. */
  issuedAt: number;
  linkTtlMs: number;
  codeTtlMs: number;
  resendCooldownMs: number;
  maxAttempts: number;
}

export interface RecoveryView {
  status: RecoveryStatus;
  expiresAt: string;
  codeExpiresAt: string | null;
  resendAvailableAt: string | null;
  attemptsLeft: number;
  codesIssued: number;
}

export interface RecoveryCodeRequested {
  codeNo: number;
  codeExpiresAt: string;
  resendAvailableAt: string;
}

/** The API checks the code against its HMAC and hands over only the verdict and which code it checked. */
export interface RecoveryCodeCheck {
  codeNo: number;
  correct: boolean;
}

export const recoveryWorkflowId = (userId: string, recoveryNo: number) => `recovery-${userId}-${recoveryNo}`;

export const requestRecoveryCodeUpdate = defineUpdate<RecoveryCodeRequested>('requestCode');
export const checkRecoveryCodeUpdate = defineUpdate<{ status: RecoveryStatus; attemptsLeft: number }, [RecoveryCodeCheck]>('checkCode');
/** Sent after the API stored the new password's hash as pending; the workflow applies it through an activity. */
export const recoveryPasswordSetUpdate = defineUpdate<{ status: RecoveryStatus }>('passwordSet');
/** A newer recovery for the same user replaces this one. */
export const cancelRecoverySignal = defineSignal<[{ reason: 'SUPERSEDED' | 'OPERATOR' }]>('cancel');
export const recoveryStateQuery = defineQuery<RecoveryView>('state');
