import { SUB_USER_REQUEST_STATE as S } from './sub-user-request.aggregate.types';
import { isSubUserCheckFailure } from './sub-user-request-checks.rules';
import type { SubUserRequestStateValue } from './sub-user-request.types';

/** Who moved a request into a state, as its audit record names them (§1.15). */
export type SubUserRequestMover = 'CREATOR' | 'OPERATOR' | 'BANK';

/**
 * The state a request reached says whose step it was: only the creator's code leads to
 * bankProcessing; an operator's decision is the one approval or rejection that names an
 * operator and is not a check failure (checks may still fail after an operator approved).
 */
export function subUserRequestMover(
  state: SubUserRequestStateValue | (string & {}),
  { operatorId, rejectReason }: { operatorId: string | null; rejectReason: string | null },
): SubUserRequestMover {
  if (state === S.bankProcessing) return 'CREATOR';
  if (state === S.approved && operatorId !== null) return 'OPERATOR';
  if (state === S.rejected && operatorId !== null && rejectReason !== null && !isSubUserCheckFailure(rejectReason)) return 'OPERATOR';
  return 'BANK';
}
