import { proxyActivities } from '@temporalio/workflow';
import type { AuditActivities, TransitionRecord } from './audit.activities.contract';

/** The audit trail is written until the database answers: a transition is never skipped (§1.15). */
const audit = proxyActivities<AuditActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

export type TransitionActor = Pick<TransitionRecord, 'actorId' | 'actorType'>;

/** The flow moved by itself: a timer, a block reaching it (the block is audited with its operator), an outcome. */
export const BY_FLOW: TransitionActor = { actorId: null, actorType: 'SYSTEM' };
/** The user the flow is bound to acted: through a cabinet session, or by the code or link only they received. */
export const byUser = (userId: string): TransitionActor => ({ actorId: userId, actorType: 'USER' });

export interface TransitionTrail {
  /**
   * Keeps a status change with its cause. Synchronous and free of I/O, so it may be
   * called from an Update or Signal handler right after the step (never from a
   * validator: a refused step changes nothing). The same status again is no change.
   */
  note(to: string, event: string, actor?: TransitionActor): void;
  /** Records every kept change, oldest first. Main path only, so two flushes never overlap. */
  flush(): Promise<void>;
}

/**
 * Every status change of one workflow for the audit trail, in the order the steps
 * were taken — also when several happen while an earlier record is being written,
 * which a loop comparing the current status with the last recorded one would merge.
 * Each record is its own activity, so the activity's id keys it and a retry writes
 * nothing twice.
 */
export function transitionTrail(about: Pick<TransitionRecord, 'workflowId' | 'flow' | 'partnerId'>): TransitionTrail {
  const pending: TransitionRecord[] = [];
  let status: string | null = null;
  return {
    note(to, event, actor = BY_FLOW) {
      if (to === status) return;
      pending.push({ ...about, from: status, to, event, ...actor });
      status = to;
    },
    async flush() {
      while (pending.length > 0) {
        await audit.recordTransition(pending[0]!);
        pending.shift();
      }
    },
  };
}
