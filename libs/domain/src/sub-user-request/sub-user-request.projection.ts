import { SUB_USER_REQUEST_STATE as S, type SubUserRequest, type SubUserRequestAgenda, type SubUserRequestProjection } from './sub-user-request.aggregate.types';
import { isSubUserRequestFinal, subUserRequestStatus } from './sub-user-request.decide';
import type { SubUserRequestStateValue, SubUserRequestStatus } from './sub-user-request.types';
import { subUserRequestDeadline } from './sub-user-request-code.decide';
import { iso } from './sub-user-request-decision';

/** The request as its row mirrors it. */
export const subUserRequestProjection = (s: SubUserRequest): SubUserRequestProjection => {
  const c = s.request.context;
  return {
    status: subUserRequestStatus(s.request),
    state: s.request.value as SubUserRequestStateValue,
    codeExpiresAt: iso(s.code.state.context.expiresAt),
    reviewFlags: [...s.reviewFlags],
    operatorDeadline: s.operatorDeadline === null ? null : iso(s.operatorDeadline),
    operatorId: c.operatorId,
    rejectReason: c.rejectReason,
    cancelReason: c.cancelReason,
    newUserId: c.newUserId,
  };
};

/** What the creator hears after presenting a code: where the request stands and the tries left. */
export const codeCheckResult = (s: SubUserRequest): { status: SubUserRequestStatus; attemptsLeft: number } => ({
  status: subUserRequestStatus(s.request),
  attemptsLeft: s.code.state.context.attemptsLeft,
});

export const isSubUserRequestOver = (s: SubUserRequest): boolean => isSubUserRequestFinal(s.request);

/** What the flow does next in this state (see SubUserRequestAgenda). */
export const subUserRequestAgenda = (s: SubUserRequest): SubUserRequestAgenda => {
  const until = subUserRequestDeadline(s);
  switch (s.request.value) {
    case S.awaitingConfirmation:
      return { type: 'AWAIT_CODE', until: until! };
    case S.bankProcessing:
      return { type: 'RUN_CHECKS' };
    case S.awaitingOperator:
      return { type: 'AWAIT_OPERATOR', until: until!, flags: s.reviewFlags };
    case S.approved:
      return { type: 'INVITE', userId: s.newUser?.userId ?? null };
    case S.invited:
      return { type: 'AWAIT_REGISTRATION', userId: s.newUser!.userId };
    default:
      return { type: 'DONE' };
  }
};
