import { execFileSync } from 'node:child_process';
import type { Client } from '@temporalio/client';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@infra/repo-root';
import { TEMPORAL_BIN } from '../../scripts/stack/temporal';

export const HISTORIES_DIR = join(repoRoot(), 'workflows', 'histories');

/**
 * With RECORD_HISTORIES=1, a harness saves one completed history per workflow type
 * from its task queue into workflows/histories/, which the replay spec replays
 * against the current workflow code: a change that breaks determinism of running
 * flows then fails CI. Recording never replaces a kept history (flows of that older shape may
 * still be running): a new one goes beside it, dated. `RECORD_HISTORIES=1 npm run test:integration`.
 */
export async function recordHistories(client: Client, taskQueue: string, address: string): Promise<void> {
  if (process.env.RECORD_HISTORIES !== '1') return;
  mkdirSync(HISTORIES_DIR, { recursive: true });
  const seen = new Set<string>();
  const query = `TaskQueue = "${taskQueue}" AND ExecutionStatus = "Completed"`;
  for await (const wf of client.workflow.list({ query })) {
    if (seen.has(wf.type)) continue;
    seen.add(wf.type);
    // The CLI writes the canonical proto JSON that historyFromJSON reads back (payloads stay encrypted).
    const json = execFileSync(TEMPORAL_BIN, ['workflow', 'show', '--address', address, '--workflow-id', wf.workflowId, '--run-id', wf.runId, '-o', 'json'], {
      maxBuffer: 64 * 1024 * 1024,
    }).toString('utf8');
    const kept = join(HISTORIES_DIR, `${wf.type}.json`);
    const file = existsSync(kept) ? join(HISTORIES_DIR, `${wf.type}.${new Date().toISOString().slice(0, 10)}.json`) : kept;
    writeFileSync(file, `${JSON.stringify({ workflowId: wf.workflowId, history: JSON.parse(json) })}\n`);
  }
}
