import type { Actor } from '../access-level';
import { initialChallengeState } from '../challenge/challenge.decide';
import type { SubUserRequest, SubUserRequestCommand, SubUserRequestDecision, SubUserRequestTerms } from './sub-user-request.aggregate.types';
import { decideApprove, decideChecksDone, decideReject } from './sub-user-request-bank.decide';
import { decideCheckCode, decideCodeNotSent, decideExpire } from './sub-user-request-code.decide';
import { decideInvite, decideRegistrationEnded, decideRegistrationStarted, decideUserBlocked, decideUserCreation } from './sub-user-request-invitation.decide';
import { startSubUserRequest } from './sub-user-request.decide';
import { accepted, iso, refused } from './sub-user-request-decision';

/**
 * The sub-user request aggregate (§1.8): one pure `decideSubUserRequestCommand(request, command)`
 * owns every rule of the agreement about adding a user — the creator's code (§1.8.2, §1.11), the
 * bank's checks and the operator's decision with its deadline (§1.8.3), the new user's creation,
 * invitation and registration (§1.8.4), cancellation and a blocked user (§1.14) — and answers with
 * the next value and the effects to carry out, or a refusal with a stable code. The workflow keeps
 * the value, runs the effects with activities, and holds the timers `subUserRequestAgenda` names.
 */

/** The request's only §1.8.2 code: there is no resend; a new request is a new code. */
export const SUB_USER_CODE_NO = 1;

export interface SubUserRequestStart {
  readonly requestId: string;
  /** The full-access user who asked (§1.8.1), as the session saw them. */
  readonly creator: Actor;
  readonly terms: SubUserRequestTerms;
  readonly at: number;
}

/**
 * Only an ACTIVE full-access user may start a request (§1.8); it starts by sending the creator
 * the code (§1.8.2), bound to this request and the creator, and the row is written once it went.
 */
export const startSubUserRequestAggregate = ({ requestId, creator, terms, at }: SubUserRequestStart): SubUserRequestDecision => {
  const started = startSubUserRequest({ creator, at });
  if (!started.ok) return refused(started.error);
  const code = initialChallengeState({
    purpose: 'SUB_USER',
    binding: { requestId, userId: creator.userId },
    issuedAt: at,
    ttlMs: terms.codeTtlMs,
    maxAttempts: terms.codeMaxAttempts,
  });
  const state: SubUserRequest = {
    requestId,
    terms,
    request: started.state,
    code: { no: SUB_USER_CODE_NO, state: code },
    reviewFlags: [],
    operatorDeadline: null,
    newUser: null,
  };
  return accepted(state, [
    { type: 'LIST_USERS', userIds: [creator.userId] },
    { type: 'SEND_CODE', creatorId: creator.userId, codeNo: SUB_USER_CODE_NO, expiresAt: iso(code.context.expiresAt) },
    { type: 'RECORD' },
  ]);
};

export const decideSubUserRequestCommand = (s: SubUserRequest, command: SubUserRequestCommand): SubUserRequestDecision => {
  switch (command.type) {
    case 'CHECK_CODE':
      return decideCheckCode(s, command);
    case 'CODE_NOT_SENT':
      return decideCodeNotSent(s, command);
    case 'EXPIRE':
      return decideExpire(s, command);
    case 'CHECKS_DONE':
      return decideChecksDone(s, command);
    case 'APPROVE':
      return decideApprove(s, command);
    case 'REJECT':
      return decideReject(s, command);
    case 'INVITE':
      return decideInvite(s, command);
    case 'USER_CREATION_ANSWERED':
      return decideUserCreation(s, command);
    case 'REGISTRATION_STARTED':
      return decideRegistrationStarted(s, command);
    case 'REGISTRATION_ENDED':
      return decideRegistrationEnded(s, command);
    case 'USER_BLOCKED':
      return decideUserBlocked(s, command);
  }
};
