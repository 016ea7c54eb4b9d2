/** Test-only: every kind of actor a rule may meet. */
import { ACCESS_LEVELS, USER_STATUSES, type AccessLevel, type Actor, type UserStatus } from '../access-level';

export const actor = (userId: string, partnerId: string, accessLevel: AccessLevel = 'FULL_ACCESS', status: UserStatus = 'ACTIVE'): Actor => ({
  userId,
  partnerId,
  accessLevel,
  status,
});

/** Each user id × partner × access level × status. */
export const everyActor = (userIds: readonly string[], partnerIds: readonly string[]): Actor[] =>
  userIds.flatMap((userId) =>
    partnerIds.flatMap((partnerId) => ACCESS_LEVELS.flatMap((level) => USER_STATUSES.map((status) => actor(userId, partnerId, level, status)))),
  );

export const describeActor = (a: Actor) => `${a.userId}@${a.partnerId} ${a.accessLevel} ${a.status}`;
