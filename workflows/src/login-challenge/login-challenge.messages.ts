import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ChallengeStatus } from '@domain/challenge';

/** What a login-code challenge is started with (§1.4, §1.16). Ids, times and limits only — never the code. */
export interface LoginChallengeInput {
  challengeId: string;
  userId: string;
  partnerId: string;
  /** When the API answered the caller (epoch ms); the code is valid until issuedAt + ttlMs. */
  issuedAt: number;
  ttlMs: number;
  maxAttempts: number;
}

export interface LoginChallengeView {
  status: ChallengeStatus;
  userId: string;
  expiresAt: string;
  attemptsLeft: number;
}

/**
 * The API checks the code against its stored HMAC and sends only the verdict,
 * with the user it expects: the machine refuses a check bound to anyone else.
 */
export interface LoginCodeCheck {
  userId: string;
  correct: boolean;
}

export const loginChallengeWorkflowId = (challengeId: string) => `login-challenge-${challengeId}`;

export const checkLoginCodeUpdate = defineUpdate<{ status: ChallengeStatus; attemptsLeft: number }, [LoginCodeCheck]>('checkCode');
export const loginChallengeStateQuery = defineQuery<LoginChallengeView>('state');
