/** What a one-time code may be used for; a code for one purpose never serves another. */
export const CHALLENGE_PURPOSES = ['LOGIN', 'SUB_USER', 'PAYMENT', 'POLICY_CHANGE', 'RECOVERY'] as const;
export type ChallengePurpose = (typeof CHALLENGE_PURPOSES)[number];

/**
 * The facts a code is bound to, as strings so the binding survives JSON: for a
 * payment the document id, version, amount, beneficiary and confirming user
 * (see `paymentConfirmationBinding`); for a login the user id. A check presented
 * with any other binding is refused.
 */
export type ChallengeBinding = Readonly<Record<string, string>>;

export interface ChallengeInput {
  readonly purpose: ChallengePurpose;
  readonly binding: ChallengeBinding;
  /** When the code was sent (epoch ms). */
  readonly issuedAt: number;
  /** §1.11: how long the code stays valid. */
  readonly ttlMs: number;
  readonly maxAttempts: number;
}

export interface ChallengeContext {
  readonly purpose: ChallengePurpose;
  readonly binding: ChallengeBinding;
  readonly issuedAt: number;
  /** Valid up to and including this instant. */
  readonly expiresAt: number;
  readonly maxAttempts: number;
  readonly attemptsLeft: number;
  readonly verifiedAt: number | null;
  readonly cancelReason: string | null;
}

/**
 * The code itself never reaches the machine: the caller compares hashes and
 * reports `correct`, together with the purpose and binding it expects.
 */
export type ChallengeEvent =
  | {
      readonly type: 'CODE_CHECKED';
      readonly purpose: ChallengePurpose;
      readonly binding: ChallengeBinding;
      readonly correct: boolean;
      readonly at: number;
    }
  | { readonly type: 'EXPIRED'; readonly at: number }
  | { readonly type: 'CANCEL'; readonly reason: string };

export type ChallengeStateValue = 'issued' | 'verified' | 'locked' | 'expired' | 'cancelled';
export type ChallengeStatus = 'ISSUED' | 'VERIFIED' | 'LOCKED' | 'EXPIRED' | 'CANCELLED';
export type ChallengeCheckOutcome = 'correct' | 'wrong' | 'lastWrong';
