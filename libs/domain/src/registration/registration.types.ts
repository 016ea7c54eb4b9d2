export interface RegistrationInput {
  /** Wrong codes allowed per registration before it locks (not reset by a resend). */
  readonly maxAttempts: number;
  /** §1.11: how long an SMS code stays valid. */
  readonly codeTtlMs: number;
  /** How long after a send the next code may be requested. */
  readonly resendCooldownMs: number;
}

export interface RegistrationContext {
  readonly maxAttempts: number;
  readonly codeTtlMs: number;
  readonly resendCooldownMs: number;
  readonly attemptsLeft: number;
  /** Codes sent so far; the latest code's number (`codeNo`) equals it. */
  readonly codesIssued: number;
  readonly codeExpiresAt: number | null;
  readonly resendAvailableAt: number | null;
  readonly cancelReason: string | null;
}

/**
 * Times (`at`) are epoch milliseconds from the workflow clock. The code itself never
 * reaches the machine: the caller compares hashes and reports `correct`.
 */
export type RegistrationEvent =
  | { readonly type: 'CODE_REQUESTED'; readonly at: number }
  | { readonly type: 'CODE_CHECKED'; readonly correct: boolean; readonly codeNo: number; readonly at: number }
  | { readonly type: 'CODE_EXPIRED'; readonly at: number }
  | { readonly type: 'PASSWORD_SET' }
  | { readonly type: 'LINK_EXPIRED' }
  | { readonly type: 'CANCEL'; readonly reason: string };

export type RegistrationStateValue = 'invited' | 'codeSent' | 'codeVerified' | 'active' | 'expired' | 'locked' | 'cancelled';

export type RegistrationStatus = 'INVITED' | 'CODE_SENT' | 'CODE_VERIFIED' | 'ACTIVE' | 'EXPIRED' | 'LOCKED' | 'CANCELLED';

/** Which transition an accepted code check takes. */
export type CodeCheckOutcome = 'correct' | 'wrong' | 'lastWrong';
