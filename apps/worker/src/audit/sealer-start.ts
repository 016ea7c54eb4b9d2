import type { Client } from '@temporalio/client';
import { WorkflowIdConflictPolicy } from '@temporalio/common';
import { AUDIT_SEALER_WORKFLOW_TYPE } from '@workflows/audit/audit-sealer.messages';
import { Flow } from '@workflows/shared/search-attributes';

/**
 * Starts the audit sealer (§1.15) unless it runs already: every worker calls this at boot, and
 * USE_EXISTING makes all but the first a no-op, so a cluster has exactly one sealer whatever the
 * number of workers. `workflowId` is `audit-sealer` (AUDIT_SEALER_ID) outside tests.
 */
export async function ensureAuditSealer(client: Client, taskQueue: string, workflowId: string): Promise<void> {
  await client.workflow.start(AUDIT_SEALER_WORKFLOW_TYPE, {
    workflowId,
    taskQueue,
    args: [],
    workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
    typedSearchAttributes: [{ key: Flow, value: 'audit-sealer' }],
    staticSummary: 'Seals the audit log into its Merkle tree and signs checkpoints (§1.15)',
  });
}
