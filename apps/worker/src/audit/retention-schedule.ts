import { Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy, type ScheduleOptions } from '@temporalio/client';
import type { PayloadCodec } from '@temporalio/common';
import { AUDIT_RETENTION_SCHEDULE_ID, AUDIT_RETENTION_WORKFLOW_ID, AUDIT_RETENTION_WORKFLOW_TYPE } from '@workflows/audit/audit-retention.messages';
import { Flow } from '@workflows/shared/search-attributes';

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
 * The schedule carries no arguments and no memo, only the fixed summary above: nothing personal.
 * It is written in clear so `temporal schedule describe --schedule-id audit-retention` and the
 * UI's schedule page read it without the codec (the CLI stops on a summary it cannot decode).
 * It still reads what earlier versions wrote encrypted: decode goes through the client's codecs.
 */
const readableScheduleClient = (client: Client): Client => {
  const decodeOnly: PayloadCodec[] = client.options.loadedDataConverter.payloadCodecs.map((codec) => ({
    encode: async (payloads) => payloads,
    decode: (payloads) => codec.decode(payloads),
  }));
  return new Client({ connection: client.connection, namespace: client.options.namespace, dataConverter: { payloadCodecs: decodeOnly } });
};

/**
 * Creates the `audit-retention` schedule, or brings an existing one to this
 * definition (e.g. after TEMPORAL_TASK_QUEUE changed). Every worker does this at
 * start; it is idempotent, and a schedule an operator paused stays paused.
 */
export async function ensureAuditRetentionSchedule(encrypting: Client, taskQueue: string): Promise<'created' | 'updated'> {
  const desired = retentionSchedule(taskQueue);
  if (desired.action.args?.length || desired.action.memo) throw new Error('the audit-retention schedule is stored in clear: no arguments or memo');
  const client = readableScheduleClient(encrypting);
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
