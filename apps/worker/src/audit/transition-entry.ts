import type { AuditEntry } from '@infra/audit/audit.service';
import type { TransitionRecord } from '@workflows/shared/audit.activities.contract';

/**
 * A workflow's status change as the audit trail keeps it (§1.15): ids and statuses only. One
 * shape for both writers: the recordTransition activity and the payment's own status write.
 */
export const transitionEntry = (t: TransitionRecord, dedupKey: string): AuditEntry => ({
  actorType: t.actorType ?? (t.actorId ? 'USER' : 'SYSTEM'),
  actorId: t.actorId,
  partnerId: t.partnerId,
  action: 'workflow.transition',
  targetType: 'workflow',
  targetId: t.workflowId,
  outcome: t.outcome ?? 'SUCCESS',
  details: { flow: t.flow, from: t.from, to: t.to, event: t.event, ...(t.code ? { code: t.code } : {}) },
  dedupKey,
});
