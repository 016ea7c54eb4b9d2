import type { Actor } from '../../../libs/domain/src/access-level';
import type { TimelineEntry } from './payment.activities.contract';

/** A timeline entry for a user's, an operator's or the system's step. */
export const byUser = (actor: Actor, type: TimelineEntry['type'], details: TimelineEntry['details'] = {}): TimelineEntry => ({
  type,
  actorType: 'USER',
  actorId: actor.userId,
  details,
});
export const bySystem = (type: TimelineEntry['type'], details: TimelineEntry['details'] = {}): TimelineEntry => ({
  type,
  actorType: 'SYSTEM',
  actorId: null,
  details,
});
export const byOperator = (operatorId: string, type: TimelineEntry['type'], details: TimelineEntry['details'] = {}): TimelineEntry => ({
  type,
  actorType: 'OPERATOR',
  actorId: operatorId,
  details,
});
