import type { BundleOptions } from '@temporalio/worker';
import { join } from 'node:path';
import { pathAliases } from '../path-aliases';

/**
 * What every workflow bundle is built from — the build script's, the tests' and a worker's
 * own — so the code that runs is the code that was replayed: the workflows and the
 * interceptors that carry trace context through them (inert for untraced calls). Webpack
 * ignores tsconfig paths, so the package aliases (`@domain/*`…) are given to it here.
 */
export function workflowBundleOptions(root: string): Pick<BundleOptions, 'workflowsPath' | 'workflowInterceptorModules' | 'webpackConfigHook'> {
  const alias = pathAliases(root);
  return {
    workflowsPath: join(root, 'workflows', 'src', 'index.ts'),
    workflowInterceptorModules: [join(root, 'workflows', 'src', 'observability', 'tracing.interceptor.ts')],
    webpackConfigHook: (config) => ({
      ...config,
      resolve: { ...config.resolve, alias: { ...(config.resolve?.alias as Record<string, string> | undefined), ...alias } },
    }),
  };
}
