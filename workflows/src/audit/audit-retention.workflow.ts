import { proxyActivities } from '@temporalio/workflow';
import { showFinished, showWorking } from '../shared/current-details';
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
  let cutoff: string | null;
  let result: AuditPurgeResult;
  do {
    showWorking(`Removing expired audit records: batch ${batches + 1}, ${removed} removed so far`);
    result = await io.purgeExpiredAuditRecords();
    removed += result.removed;
    cutoff = result.cutoff;
    batches++;
  } while (result.more && batches < MAX_BATCHES);
  showFinished(`${removed} record(s) removed in ${batches} batch(es)`);
  return { removed, batches, cutoff };
}
