import type { SubUserCheckFlag, SubUserCreation, SubUserPolicy, SubUserRequestFacts, SubUserRequestStatus } from '@domain/sub-user-request';

/** What the workflow mirrors into sub_user_requests at each change (ids, codes and statuses only). */
export interface SubUserRequestRecord {
  requestId: string;
  status: SubUserRequestStatus;
  /** The machine's state: unlike the status, never the same twice in one request. */
  state: string;
  codeExpiresAt: string | null;
  reviewFlags: SubUserCheckFlag[];
  /** Until when an operator may decide; absent in records of workflows started before it was mirrored. */
  operatorDeadline?: string | null;
  operatorId: string | null;
  rejectReason: string | null;
  cancelReason: string | null;
  newUserId: string | null;
}

/** Whether the user was created, or which admission check refused it (the aggregate's type). */
export type { SubUserCreation };

/**
 * The I/O the sub-user request workflow orders; implemented in apps/worker. Every
 * method is idempotent and takes ids only: personal data is read from PostgreSQL.
 */
export interface SubUserRequestActivities {
  /** Stores the HMAC of the §1.8.2 code and sends it to the creator's phone. */
  sendSubUserCode(input: { workflowId: string; creatorId: string; codeNo: number; expiresAt: string }): Promise<void>;
  /** Facts for the bank's checks (§1.8.3); the domain judges them. */
  gatherSubUserFacts(input: { requestId: string }): Promise<SubUserRequestFacts>;
  /**
   * Creates the new user (INVITED, CREATE_AND_VIEW, origin CABINET) under the
   * partner's lock if admission still holds; the same `userId` again is a no-op.
   */
  createSubUser(input: { requestId: string; userId: string; policy: SubUserPolicy }): Promise<SubUserCreation>;
  /** Removes a user created for a request cancelled before the invitation went out. */
  withdrawSubUser(input: { requestId: string; userId: string }): Promise<void>;
  /** Mirrors the request into PostgreSQL and audits each change in the same transaction (§1.15). */
  recordSubUserRequest(input: SubUserRequestRecord): Promise<void>;
}
