import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client, type ScheduleOptions } from '@temporalio/client';
import {
  AUDIT_RETENTION_SCHEDULE_ID,
  AUDIT_RETENTION_WORKFLOW_ID,
  AUDIT_RETENTION_WORKFLOW_TYPE,
} from '../../../../workflows/src/audit/audit-retention.messages';
import { Flow } from '../../../../workflows/src/shared/search-attributes';

/** Daily at 02:30 UTC, when the bank is quiet; the retention itself comes from the worker's configuration. */
export const retentionSchedule = (taskQueue: string): Omit<ScheduleOptions, 'scheduleId'> => ({
  spec: { calendars: [{ hour: 2, minute: 30, comment: 'audit retention (§1.15)' }], jitter: '10 minutes' },
  action: {
    type: 'startWorkflow',
    workflowType: AUDIT_RETENTION_WORKFLOW_TYPE,
    workflowId: AUDIT_RETENTION_WORKFLOW_ID,
    taskQueue,
    args: [],
    typedSearchAttributes: [{ key: Flow, value: 'audit-retention' }],
    staticSummary: 'Removes audit records older than the retention period (§1.15)',
  },
  // A missed day is caught up once; two purges never run at the same time.
  policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
});

/**
 * Creates the `audit-retention` schedule, or brings an existing one to this
 * definition (e.g. after TEMPORAL_TASK_QUEUE changed). Every worker does this at
 * start; it is idempotent, and a schedule an operator paused stays paused.
 */
export async function ensureAuditRetentionSchedule(client: Client, taskQueue: string): Promise<'created' | 'updated'> {
  const desired = retentionSchedule(taskQueue);
  try {
    await client.schedule.create({ scheduleId: AUDIT_RETENTION_SCHEDULE_ID, ...desired });
    return 'created';
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
  }
  await client.schedule.getHandle(AUDIT_RETENTION_SCHEDULE_ID).update((previous) => ({
    ...previous,
    spec: desired.spec,
    action: desired.action,
    policies: { ...previous.policies, ...desired.policies },
  }));
  return 'updated';
}
