import { capAccessLevel } from '@domain/access-level';
import { subUserRejectionView, subUserReviewFlagsView } from '@domain/sub-user-request';
import { maskPhone, type Phone } from '@domain/values';
import type { SubUserRequestView } from '@workflows/sub-user-request/sub-user-request.messages';
import type { SubUserRequestRow } from './sub-user-request.repository';

/**
 * What the cabinet sees of a request at every step (§1.8.2–§1.8.4): the workflow's
 * live state when it answers, the mirrored row otherwise. The phone is masked; the
 * e-mail is shown: it is the login-to-be the creator typed.
 */
export function presentRequest(row: SubUserRequestRow, live: SubUserRequestView | null) {
  const rejectReason = live?.rejectReason ?? row.rejectReason;
  const newUserId = live?.newUserId ?? row.newUserId;
  const newUser = row.newUser && row.newUser.id === newUserId ? row.newUser : null;
  return {
    requestId: row.id,
    status: live?.status ?? row.status,
    creatorId: row.creatorId,
    fullName: row.fullName,
    email: row.email,
    phoneMasked: maskPhone(row.phone as Phone),
    /** §1.3, §1.9: whatever was asked. */
    accessLevel: capAccessLevel(row.requestedAccessLevel, 'CABINET'),
    requestedAccessLevel: row.requestedAccessLevel,
    codeExpiresAt: live?.codeExpiresAt ?? row.codeExpiresAt?.toISOString() ?? null,
    attemptsLeft: live?.attemptsLeft ?? null,
    /** One neutral flag: PHONE_IN_USE would reveal another user's phone (issue 16). */
    reviewFlags: subUserReviewFlagsView('CREATOR', live?.reviewFlags ?? row.reviewFlags),
    operatorDecisionDeadline: live?.operatorDeadline ?? row.operatorDeadline?.toISOString() ?? null,
    /** A refusal by the bank's checks is one neutral answer here (issue 12); operators read the true code. */
    rejection: subUserRejectionView('CREATOR', rejectReason),
    cancelReason: live?.cancelReason ?? row.cancelReason,
    newUser: newUserId
      ? {
          userId: newUserId,
          status: newUser?.status ?? 'INVITED',
          registrationStatus: newUser?.registrations[0]?.status ?? live?.registrationStatus ?? null,
        }
      : null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
