import { bundleWorkflowCode } from '@temporalio/worker';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '@infra/repo-root';
import { workflowBundleOptions } from '@infra/temporal/workflow-bundle';

// Pre-bundles the workflow code so workers start without webpack (WORKFLOW_BUNDLE_PATH).
async function main(): Promise<void> {
  const root = repoRoot();
  const { code } = await bundleWorkflowCode(workflowBundleOptions(root));
  writeFileSync(join(root, 'dist', 'workflow-bundle.js'), code);
  console.log(`› workflow bundle written (${Math.round(code.length / 1024)} KiB)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
