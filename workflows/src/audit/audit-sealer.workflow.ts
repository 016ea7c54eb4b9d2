import { continueAsNew, proxyActivities } from '@temporalio/workflow';
import { showWorking } from '../shared/current-details';
import type { AuditSealerActivities } from './audit-sealer.activities.contract';

/** One activity run seals for this long; a worker that dies mid-run is noticed by the heartbeat timeout. */
const RUN_FOR_MS = 10 * 60_000;
/** Activity runs per execution before continuing as new: history stays a few dozen events. */
const RUNS_PER_EXECUTION = 6;

const io = proxyActivities<AuditSealerActivities>({
  startToCloseTimeout: RUN_FOR_MS + 5 * 60_000,
  heartbeatTimeout: '30 seconds',
  // Never give up: without the sealer no record is sealed (§1.15). A failing seal alerts in the log.
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds' },
});

/**
 * The audit log's sealer (§1.15). Started by every worker at boot under the fixed id `audit-sealer`
 * (conflict policy USE_EXISTING), so exactly one runs in a cluster and operators see it in the UI.
 * Each activity run seals about once a second for ten minutes on whichever worker picked it up;
 * then the workflow continues as new to keep its history bounded.
 */
export async function auditSealerWorkflow(): Promise<never> {
  for (let run = 0; run < RUNS_PER_EXECUTION; run++) {
    showWorking(`Sealing the audit log: run ${run + 1} of ${RUNS_PER_EXECUTION} (10 minutes each), then continue as new`);
    await io.runAuditSealer({ runForMs: RUN_FOR_MS });
  }
  return continueAsNew<typeof auditSealerWorkflow>();
}
