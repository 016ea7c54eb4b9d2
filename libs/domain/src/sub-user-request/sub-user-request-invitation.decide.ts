import { transitionNotAllowed } from '../machine-decide';
import {
  SUB_USER_REQUEST_STATE as S,
  type NewUserStage,
  type SubUserRequest,
  type SubUserRequestCommand,
  type SubUserRequestDecision,
} from './sub-user-request.aggregate.types';
import { isSubUserRequestFinal, subUserRequestStatus } from './sub-user-request.decide';
import { SUB_USER_REQUEST_FLOW } from './sub-user-request.errors';
import { registrationOutcomeEvent } from './sub-user-request-registration';
import { accepted, refused, step } from './sub-user-request-decision';

type On<T extends SubUserRequestCommand['type']> = Extract<SubUserRequestCommand, { type: T }>;

/** A step of the flow's own taken out of turn: a bug in the flow, refused in the API's words. */
const outOfTurn = (s: SubUserRequest, action: string) => refused(transitionNotAllowed(SUB_USER_REQUEST_FLOW, subUserRequestStatus(s.request), action));

const atStage = (s: SubUserRequest, stage: NewUserStage, patch: Partial<NonNullable<SubUserRequest['newUser']>> = {}): SubUserRequest => ({
  ...s,
  newUser: { ...s.newUser!, ...patch, stage },
});

/** §1.8.3: approved, the bank creates the new user (always CREATE_AND_VIEW, §1.3, §1.9) under an id the flow chose. */
export const decideInvite = (s: SubUserRequest, { userId }: On<'INVITE'>): SubUserRequestDecision => {
  if (s.request.value !== S.approved || (s.newUser !== null && s.newUser.userId !== userId)) return outOfTurn(s, 'invite the new user');
  const next: SubUserRequest = { ...s, newUser: { userId, stage: 'CREATING', registrationStatus: null } };
  return accepted(next, [{ type: 'CREATE_USER', userId, policy: s.terms.policy }]);
};

/**
 * The user-creating activity's answer. Admission is checked again there (the e-mail may have
 * become a login meanwhile), so the checks can still fail. A user created for a request that
 * ended meanwhile is removed again, before anyone is invited.
 */
export const decideUserCreation = (s: SubUserRequest, { creation, at }: On<'USER_CREATION_ANSWERED'>): SubUserRequestDecision => {
  if (s.newUser?.stage !== 'CREATING') return outOfTurn(s, 'invite the new user');
  const { userId } = s.newUser;
  if (isSubUserRequestFinal(s.request)) {
    return creation.created ? accepted(atStage(s, 'WITHDRAWN'), [{ type: 'WITHDRAW_USER', userId }]) : accepted(atStage(s, 'NOT_CREATED'));
  }
  if (!creation.created) return step(atStage(s, 'NOT_CREATED'), { type: 'CHECKS_FAILED', reason: creation.reason, at });
  return accepted(atStage(s, 'STARTING_REGISTRATION'), [
    { type: 'LIST_USERS', userIds: [s.request.context.creatorId, userId] },
    { type: 'START_REGISTRATION', userId },
  ]);
};

/** §1.8.3: the link went out. Ended meanwhile, the request cancels the registration it just started. */
export const decideRegistrationStarted = (s: SubUserRequest, { at }: On<'REGISTRATION_STARTED'>): SubUserRequestDecision => {
  if (s.newUser?.stage !== 'STARTING_REGISTRATION') return outOfTurn(s, 'invite the new user');
  const { userId } = s.newUser;
  const next = atStage(s, 'REGISTERING', { registrationStatus: 'INVITED' });
  if (isSubUserRequestFinal(s.request)) return accepted(next, [{ type: 'CANCEL_REGISTRATION', userId }]);
  return step(next, { type: 'INVITATION_SENT', userId, at });
};

/** §1.8.4: the request ends as the new user's registration ends. */
export const decideRegistrationEnded = (s: SubUserRequest, { status, at }: On<'REGISTRATION_ENDED'>): SubUserRequestDecision => {
  if (s.newUser?.stage !== 'REGISTERING') return outOfTurn(s, 'complete the request');
  const next = atStage(s, 'REGISTRATION_ENDED', { registrationStatus: status === 'FAILED' ? null : status });
  const event = s.request.value === S.invited ? registrationOutcomeEvent(status, at) : null;
  return event ? step(next, event) : accepted(next);
};

/**
 * §1.14: the bank blocked a user. The creator blocked, or the new user, ends the request (and
 * with it any registration under way); anyone else, or a request already over, changes nothing.
 */
export const decideUserBlocked = (s: SubUserRequest, { userId }: On<'USER_BLOCKED'>): SubUserRequestDecision => {
  if (isSubUserRequestFinal(s.request)) return accepted(s);
  if (userId === s.request.context.creatorId) return step(s, { type: 'CANCEL', reason: 'CREATOR_BLOCKED' });
  if (userId === s.newUser?.userId) return step(s, { type: 'CANCEL', reason: 'USER_BLOCKED' });
  return accepted(s);
};
