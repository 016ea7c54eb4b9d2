import type { BundleOptions } from '@temporalio/worker';
import { join } from 'node:path';

/**
 * What every workflow bundle is built from — the build script's, the tests' and a worker's
 * own — so the code that runs is the code that was replayed: the workflows and the
 * interceptors that carry trace context through them (inert for untraced calls).
 */
export function workflowBundleOptions(root: string): Pick<BundleOptions, 'workflowsPath' | 'workflowInterceptorModules'> {
  return {
    workflowsPath: join(root, 'workflows', 'src', 'index.ts'),
    workflowInterceptorModules: [join(root, 'workflows', 'src', 'observability', 'tracing.interceptors.ts')],
  };
}
