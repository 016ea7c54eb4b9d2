import { SUB_USER_REQUEST_STATE as S, type SubUserRequest, type SubUserRequestCommand, type SubUserRequestDecision } from './sub-user-request.aggregate.types';
import { assessSubUserRequest, subUserCheckEvent } from './sub-user-request-checks.rules';
import { accepted, step } from './sub-user-request-decision';

type On<T extends SubUserRequestCommand['type']> = Extract<SubUserRequestCommand, { type: T }>;

/**
 * §1.8.3: the bank's checks judge the facts its activity gathered — approve, reject, or send to
 * an operator, whose time to decide runs from now. Facts that arrive after the request moved on
 * (cancelled while they were gathered) change nothing.
 */
export const decideChecksDone = (s: SubUserRequest, { facts, at }: On<'CHECKS_DONE'>): SubUserRequestDecision => {
  if (s.request.value !== S.bankProcessing) return accepted(s);
  const verdict = assessSubUserRequest(facts, s.terms.policy);
  const judged: SubUserRequest = verdict.outcome === 'REVIEW' ? { ...s, reviewFlags: [...verdict.flags], operatorDeadline: at + s.terms.operatorTtlMs } : s;
  return step(judged, subUserCheckEvent(verdict, at));
};

/** §1.8.3: an operator approves a request the checks sent them; the user is created next. */
export const decideApprove = (s: SubUserRequest, { operatorId, at }: On<'APPROVE'>): SubUserRequestDecision =>
  step(s, { type: 'OPERATOR_APPROVED', operatorId, at });

/** §1.8.3: an operator rejects, with a reason the creator reads (§1.15: kept for audit). */
export const decideReject = (s: SubUserRequest, { operatorId, reason, at }: On<'REJECT'>): SubUserRequestDecision =>
  step(s, { type: 'OPERATOR_REJECTED', operatorId, reason, at });
