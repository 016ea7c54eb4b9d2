export interface OnboardingContext {
  /** §1.5: the bank signed the application. */
  readonly signed: boolean;
  /** §1.5: the partner accepted the user agreement. */
  readonly accepted: boolean;
  readonly signedAt: number | null;
  readonly acceptedAt: number | null;
  /** How many users the application lists (each gets a registration link). */
  readonly users: number;
}

export interface OnboardingInput {
  readonly users: number;
}

/** Times (`at`) are epoch milliseconds from the workflow clock. */
export type OnboardingEvent =
  | { readonly type: 'BANK_SIGNED'; readonly at: number }
  | { readonly type: 'AGREEMENT_ACCEPTED'; readonly at: number }
  | { readonly type: 'REGISTRATIONS_FINISHED' }
  | { readonly type: 'CANCEL'; readonly reason: string };

export type OnboardingStateValue = 'awaitingSignature' | 'awaitingAcceptance' | 'inviting' | 'completed' | 'cancelled';

export type OnboardingStatus = 'AWAITING_SIGNATURE' | 'AWAITING_ACCEPTANCE' | 'INVITING' | 'COMPLETED' | 'CANCELLED';
