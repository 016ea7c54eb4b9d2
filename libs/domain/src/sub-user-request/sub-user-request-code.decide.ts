import { decideChallenge } from '../challenge/challenge.decide';
import { SUB_USER_REQUEST_STATE as S, type SubUserRequest, type SubUserRequestCommand, type SubUserRequestDecision } from './sub-user-request.aggregate.types';
import { transitionNotAllowed } from '../machine-decide';
import { decideSubUserRequest, isSubUserRequestFinal, subUserRequestStatus } from './sub-user-request.decide';
import { noCode, notDue, SUB_USER_REQUEST_FLOW } from './sub-user-request.errors';
import { accepted, codeBinding, refused, step } from './sub-user-request-decision';

type On<T extends SubUserRequestCommand['type']> = Extract<SubUserRequestCommand, { type: T }>;

/**
 * §1.8.2 and §1.11: the API's verdict on the creator's code. Who presents it is judged first
 * (another partner: NOT_FOUND; not the creator, or no longer an active full-access user: refused),
 * so a stranger spends no attempt; then whether the code may be weighed at all (its number, its
 * lifetime). A right code confirms the request; a wrong one spends an attempt, and the last wrong
 * one locks the code and cancels the request. A wrong code is not written: the API audits it.
 */
export const decideCheckCode = (s: SubUserRequest, { actor, codeNo, correct, at }: On<'CHECK_CODE'>): SubUserRequestDecision => {
  const confirmed = decideSubUserRequest(s.request, { type: 'CREATOR_CONFIRMED', actor, at });
  if (!confirmed.ok) return refused(confirmed.error);
  if (codeNo !== s.code.no) return refused(noCode());
  const checked = decideChallenge(s.code.state, { type: 'CODE_CHECKED', purpose: 'SUB_USER', binding: codeBinding(s, actor.userId), correct, at });
  if (!checked.ok) return refused(checked.error);
  const next: SubUserRequest = { ...s, code: { ...s.code, state: checked.state } };
  if (checked.state.value === 'verified') return step(next, { type: 'CREATOR_CONFIRMED', actor, at });
  if (checked.state.value === 'locked') return step(next, { type: 'CANCEL', reason: 'CODE_LOCKED' });
  return accepted(next);
};

/** The code could not be sent: nobody can confirm, so the request ends at once (unless it already has). */
export const decideCodeNotSent = (s: SubUserRequest, _command: On<'CODE_NOT_SENT'>): SubUserRequestDecision =>
  isSubUserRequestFinal(s.request) ? accepted(s) : step(s, { type: 'CANCEL', reason: 'CODE_NOT_SENT' });

/**
 * When the request's own deadline is due: the code's lifetime while the creator has not
 * confirmed (§1.11; the code and the request expire together), or the operator's time to decide
 * (§1.8.3). Once invited, the registration's link expiry ends the request instead (§1.8.4).
 */
export const subUserRequestDeadline = (s: SubUserRequest): number | null => {
  switch (s.request.value) {
    case S.awaitingConfirmation:
      return s.code.state.context.expiresAt;
    case S.awaitingOperator:
      return s.operatorDeadline;
    default:
      return null;
  }
};

export const decideExpire = (s: SubUserRequest, { at }: On<'EXPIRE'>): SubUserRequestDecision => {
  const due = subUserRequestDeadline(s);
  if (due === null) return refused(transitionNotAllowed(SUB_USER_REQUEST_FLOW, subUserRequestStatus(s.request), 'expire the request'));
  if (at < due) return refused(notDue(due));
  if (s.request.value !== S.awaitingConfirmation) return step(s, { type: 'EXPIRED', at });
  const expired = decideChallenge(s.code.state, { type: 'EXPIRED', at });
  if (!expired.ok) return refused(expired.error);
  return step({ ...s, code: { ...s.code, state: expired.state } }, { type: 'EXPIRED', at });
};
