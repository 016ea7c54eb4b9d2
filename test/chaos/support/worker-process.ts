import { join } from 'node:path';
import { startProcess, type Managed } from '../../../scripts/stack/processes';
import { ROOT } from '../../../scripts/stack/temporal';
import { readTestStack } from '../../setup/test-stack';

/**
 * The real worker (apps/worker/src/main.ts) as a child process, so a spec can kill
 * it with SIGKILL as a crash would. Sources compile on load (swc-register.js); the
 * workflow bundle is the one global setup built. Resolves once it polls.
 */
export async function spawnWorker(env: Record<string, string>, logFile: string): Promise<Managed> {
  const bundle = readTestStack().workflowBundlePath;
  if (!bundle) throw new Error('no workflow bundle: global setup did not build one');
  const managed = startProcess('worker', process.execPath, ['-r', join(__dirname, 'swc-register.js'), join(ROOT, 'apps', 'worker', 'src', 'main.ts')], {
    logFile,
    env: { ...process.env, ...env, WORKFLOW_BUNDLE_PATH: bundle } as NodeJS.ProcessEnv,
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the worker did not poll within 60 s; see ${logFile}`)), 60_000);
    managed.child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString('utf8').includes('worker polling')) {
        clearTimeout(timer);
        resolve();
      }
    });
    managed.child.once('exit', (code) => (clearTimeout(timer), reject(new Error(`the worker exited with ${code}; see ${logFile}`))));
  });
  return managed;
}

/** Kills the process at once, as a crash or an OOM kill would, and waits until it is gone. */
export async function crash(worker: Managed): Promise<void> {
  await worker.stop('SIGKILL');
}
