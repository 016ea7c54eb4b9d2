import type { Actor } from '../access-level';
import type { ChallengeContext } from '../challenge/challenge.types';
import type { DomainError } from '../domain-error';
import type { MachineState } from '../machine-state';
import type { RegistrationStatus } from '../registration/registration.types';
import type { SubUserCheckFailure, SubUserCheckFlag, SubUserPolicy, SubUserRequestFacts } from './sub-user-request-checks.rules';
import type { SubUserRequestContext, SubUserRequestStateValue, SubUserRequestStatus } from './sub-user-request.types';

/** The request machine's states by name, so no caller spells one as a bare string. */
export const SUB_USER_REQUEST_STATE = {
  awaitingConfirmation: 'awaitingConfirmation',
  bankProcessing: 'bankProcessing',
  awaitingOperator: 'awaitingOperator',
  approved: 'approved',
  invited: 'invited',
  completed: 'completed',
  rejected: 'rejected',
  expired: 'expired',
  cancelled: 'cancelled',
} as const satisfies { readonly [K in SubUserRequestStateValue]: K };

/** The agreement's numbers for one request, fixed when it starts (from configuration, §1.11). */
export interface SubUserRequestTerms {
  readonly codeTtlMs: number;
  readonly codeMaxAttempts: number;
  /** How long the request waits for an operator's decision (§1.8.3). */
  readonly operatorTtlMs: number;
  readonly policy: SubUserPolicy;
}

/** The creator's §1.8.2 code: its number (what the API's HMAC is stored under) and its challenge. */
export interface SubUserRequestCode {
  readonly no: number;
  readonly state: MachineState<ChallengeContext>;
}

/**
 * How far the new user has come, as this flow has seen it (§1.8.3–§1.8.4): the user is being
 * created, was not created or was removed again, or their registration is starting, running or over.
 */
export type NewUserStage = 'CREATING' | 'NOT_CREATED' | 'WITHDRAWN' | 'STARTING_REGISTRATION' | 'REGISTERING' | 'REGISTRATION_ENDED';

export interface SubUserNewUser {
  readonly userId: string;
  readonly stage: NewUserStage;
  /** The registration's status once started; null when it could not run. */
  readonly registrationStatus: RegistrationStatus | null;
}

/** The sub-user request aggregate: everything the agreement says about one request. An immutable value. */
export interface SubUserRequest {
  readonly requestId: string;
  readonly terms: SubUserRequestTerms;
  /** The request machine: state, creator, operator, reasons. */
  readonly request: MachineState<SubUserRequestContext>;
  readonly code: SubUserRequestCode;
  /** Why the bank's checks asked for an operator (§1.8.3). */
  readonly reviewFlags: readonly SubUserCheckFlag[];
  /** Until when an operator may decide; runs from when the request starts to wait. */
  readonly operatorDeadline: number | null;
  readonly newUser: SubUserNewUser | null;
}

export type SubUserCreation = { readonly created: true } | { readonly created: false; readonly reason: SubUserCheckFailure };

/**
 * What may be asked of the aggregate; times are epoch ms from the workflow clock. The creator's
 * command carries the acting user and an operator's the operator; the rest are the flow's own
 * (answers of its activities, its timers, and the bank blocking a user, §1.14).
 */
export type SubUserRequestCommand =
  /** The API's verdict on the creator's code (§1.8.2): the code itself never reaches the aggregate. */
  | { readonly type: 'CHECK_CODE'; readonly actor: Actor; readonly codeNo: number; readonly correct: boolean; readonly at: number }
  | { readonly type: 'CODE_NOT_SENT'; readonly at: number }
  /** A deadline passed: the code's (§1.11) or the operator's (§1.8.3). */
  | { readonly type: 'EXPIRE'; readonly at: number }
  | { readonly type: 'CHECKS_DONE'; readonly facts: SubUserRequestFacts; readonly at: number }
  | { readonly type: 'APPROVE'; readonly operatorId: string; readonly at: number }
  | { readonly type: 'REJECT'; readonly operatorId: string; readonly reason: string; readonly at: number }
  /** Create the new user under this id (chosen by the flow) and invite them. */
  | { readonly type: 'INVITE'; readonly userId: string; readonly at: number }
  | { readonly type: 'USER_CREATION_ANSWERED'; readonly creation: SubUserCreation; readonly at: number }
  | { readonly type: 'REGISTRATION_STARTED'; readonly at: number }
  /** How the new user's registration ended; FAILED when it could not run at all. */
  | { readonly type: 'REGISTRATION_ENDED'; readonly status: RegistrationStatus | 'FAILED'; readonly at: number }
  | { readonly type: 'USER_BLOCKED'; readonly userId: string; readonly at: number };

export type SubUserRequestCommandType = SubUserRequestCommand['type'];

/** What the workflow carries out for a decision, in this order. */
export type SubUserRequestEffect =
  /** The request changed as its row mirrors it: write it (with its audit record, §1.15). Writes coalesce. */
  | { readonly type: 'RECORD' }
  /** The users the flow waits on or acts for (searchable ids, §1.14). */
  | { readonly type: 'LIST_USERS'; readonly userIds: readonly string[] }
  /** Issue the §1.8.2 code (its HMAC is stored by the activity) and send it to the creator's phone. */
  | { readonly type: 'SEND_CODE'; readonly creatorId: string; readonly codeNo: number; readonly expiresAt: string }
  /** Create the new user, admission checked again under the partner's lock. */
  | { readonly type: 'CREATE_USER'; readonly userId: string; readonly policy: SubUserPolicy }
  /** A user created for a request that ended meanwhile: remove it before anyone is invited. */
  | { readonly type: 'WITHDRAW_USER'; readonly userId: string }
  /** §1.8.4: the new user registers as a listed user does, in a child flow. */
  | { readonly type: 'START_REGISTRATION'; readonly userId: string }
  /** The request ended while the new user was registering: that registration must not complete either. */
  | { readonly type: 'CANCEL_REGISTRATION'; readonly userId: string };

export type SubUserRequestDecision =
  { readonly ok: true; readonly state: SubUserRequest; readonly effects: SubUserRequestEffect[] } | { readonly ok: false; readonly error: DomainError };

/**
 * What the flow does next in the request's present state: wait for a command until a deadline
 * (then EXPIRE), run the bank's checks (then CHECKS_DONE), invite (INVITE with a new id, or the one
 * already chosen), wait for the registration, or nothing more.
 */
export type SubUserRequestAgenda =
  | { readonly type: 'AWAIT_CODE'; readonly until: number }
  | { readonly type: 'RUN_CHECKS' }
  | { readonly type: 'AWAIT_OPERATOR'; readonly until: number; readonly flags: readonly SubUserCheckFlag[] }
  | { readonly type: 'INVITE'; readonly userId: string | null }
  | { readonly type: 'AWAIT_REGISTRATION'; readonly userId: string }
  | { readonly type: 'DONE' };

/** The request as its sub_user_requests row mirrors it (ids, codes and statuses only). */
export interface SubUserRequestProjection {
  status: SubUserRequestStatus;
  /** The machine's state: unlike the status, never the same twice in one request. */
  state: SubUserRequestStateValue;
  codeExpiresAt: string | null;
  reviewFlags: SubUserCheckFlag[];
  operatorDeadline: string | null;
  operatorId: string | null;
  rejectReason: string | null;
  cancelReason: string | null;
  newUserId: string | null;
}
