import { proxyActivities } from '@temporalio/workflow';
import type { AuditPurgeResult, AuditRetentionActivities } from './audit-retention.activities.contract';

const io = proxyActivities<AuditRetentionActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '10 seconds', maximumInterval: '10 minutes', maximumAttempts: 10 },
});

/** A backlog (say, after a long outage) is worked off in bounded batches, each its own transaction. */
const MAX_BATCHES = 200;

/**
 * Removes audit records older than the retention period (§1.15) in batches,
 * oldest first; each batch records its own removal. Started daily by the
 * `audit-retention` schedule; running it by hand is harmless.
 */
export async function auditRetentionWorkflow(): Promise<{ removed: number; batches: number; cutoff: string | null }> {
  let removed = 0;
  let batches = 0;
  let cutoff: string | null = null;
  let result: AuditPurgeResult;
  do {
    result = await io.purgeExpiredAuditRecords();
    removed += result.removed;
    cutoff = result.cutoff;
    batches++;
  } while (result.more && batches < MAX_BATCHES);
  return { removed, batches, cutoff };
}
