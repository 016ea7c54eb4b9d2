import type { Actor } from '../access-level';

export interface SubUserRequestInput {
  /** The full-access user calling "create user" (§1.8.1). */
  readonly creator: Actor;
  readonly at: number;
}

export interface SubUserRequestContext {
  readonly partnerId: string;
  readonly creatorId: string;
  /** §1.3, §1.9: a user created in the cabinet never gets more than create-and-view. */
  readonly accessLevel: 'CREATE_AND_VIEW';
  readonly createdAt: number;
  readonly confirmedAt: number | null;
  /** The operator who approved or rejected, when one did. */
  readonly operatorId: string | null;
  readonly rejectReason: string | null;
  /** The user record created when the invitation went out. */
  readonly newUserId: string | null;
  readonly cancelReason: string | null;
}

/**
 * The §1.8.2 code is a separate challenge (purpose SUB_USER); the workflow sends
 * CREATOR_CONFIRMED once it is verified. Times are epoch ms from the workflow clock.
 */
export type SubUserRequestEvent =
  | { readonly type: 'CREATOR_CONFIRMED'; readonly actor: Actor; readonly at: number }
  | { readonly type: 'CHECKS_PASSED'; readonly operatorReview: boolean; readonly at: number }
  | { readonly type: 'CHECKS_FAILED'; readonly reason: string; readonly at: number }
  | { readonly type: 'OPERATOR_APPROVED'; readonly operatorId: string; readonly at: number }
  | { readonly type: 'OPERATOR_REJECTED'; readonly operatorId: string; readonly reason: string; readonly at: number }
  | { readonly type: 'INVITATION_SENT'; readonly userId: string; readonly at: number }
  | { readonly type: 'REGISTRATION_COMPLETED'; readonly at: number }
  | { readonly type: 'EXPIRED'; readonly at: number }
  | { readonly type: 'CANCEL'; readonly reason: string };

export type SubUserRequestStateValue =
  'awaitingConfirmation' | 'bankProcessing' | 'awaitingOperator' | 'approved' | 'invited' | 'completed' | 'rejected' | 'expired' | 'cancelled';

export type SubUserRequestStatus =
  'AWAITING_CONFIRMATION' | 'BANK_PROCESSING' | 'AWAITING_OPERATOR' | 'INVITED' | 'COMPLETED' | 'REJECTED' | 'EXPIRED' | 'CANCELLED';
