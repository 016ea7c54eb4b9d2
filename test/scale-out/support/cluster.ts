import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { freePort, startProcess, waitFor, type Managed } from '../../../scripts/stack/processes';
import { ROOT } from '../../../scripts/stack/temporal';
import { spawnWorker } from '../../chaos/support/worker-process';

/** One API process of the cluster, reachable on its own loopback port. */
export interface ApiNode {
  name: string;
  baseUrl: string;
  process: Managed;
}

export interface WorkerNode {
  name: string;
  process: Managed;
  /** The identity Temporal records on the tasks it took (the SDK's default, `<pid>@<host>`). */
  pid: number;
}

/** N API and M worker processes sharing one task queue, one Temporal server and one database. */
export interface Cluster {
  taskQueue: string;
  apis: ApiNode[];
  workers: WorkerNode[];
  logDir: string;
  /** Where the sealers export their signed checkpoints. */
  checkpointDir: string;
  /** The workflow id of this cluster's audit sealer. */
  sealerId: string;
  stop(): Promise<void>;
}

/**
 * The real API (apps/api/src/main.ts) as a child process on a free loopback port, compiled
 * on load like the chaos specs' worker; resolves once `/ready` answers 200 (database,
 * Temporal and SMTP reachable).
 */
async function spawnApi(name: string, env: Record<string, string>, logFile: string): Promise<ApiNode> {
  const port = await freePort();
  const managed = startProcess(
    name,
    process.execPath,
    ['-r', join(ROOT, 'test', 'chaos', 'support', 'swc-register.js'), join(ROOT, 'apps', 'api', 'src', 'main.ts')],
    { logFile, env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' } as NodeJS.ProcessEnv },
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  let onExit: (code: number | null) => void = () => undefined;
  const exited = new Promise<never>((_, reject) => {
    onExit = (code) => reject(new Error(`${name} exited with ${code} before it was ready; see ${logFile}`));
    managed.child.once('exit', onExit);
  });
  try {
    await Promise.race([exited, waitFor(`${name} to be ready`, async () => (await fetch(`${baseUrl}/ready`, { signal: AbortSignal.timeout(2_000) })).ok, 90_000)]);
  } catch (error) {
    await managed.stop();
    throw error;
  } finally {
    managed.child.off('exit', onExit);
  }
  return { name, baseUrl, process: managed };
}

/**
 * Starts `apis` API processes and `workers` worker processes against the test stack
 * (global setup's Temporal dev server, PostgreSQL database and MailDev), all on one task
 * queue of their own. Each is a separate OS process, so a spec can SIGKILL one.
 */
export async function startCluster(opts: { apis: number; workers: number; env?: Record<string, string> }): Promise<Cluster> {
  const taskQueue = `scale-out-${randomUUID()}`;
  const logDir = join(ROOT, '.data', 'test', taskQueue);
  // Every sealer of the test run exports to one directory (test/setup/env.ts): they seal one database.
  const checkpointDir = process.env.AUDIT_CHECKPOINT_DIR!;
  // The sealer is one workflow per id: this cluster's own id on its own task queue, so it runs on
  // these workers and moves to the survivor when one dies, whatever the other spec files run.
  const sealerId = `audit-sealer-${taskQueue}`;
  const env = { TEMPORAL_TASK_QUEUE: taskQueue, AUDIT_SEALER_ID: sealerId, AUDIT_CHECKPOINT_DIR: checkpointDir, ...opts.env };
  const started: Managed[] = [];
  const stop = async () => {
    await Promise.all(started.map((p) => p.stop().catch(() => undefined)));
  };
  try {
    // One after the other: each compiles the sources on load, and this machine is shared.
    const workers: WorkerNode[] = [];
    for (let i = 1; i <= opts.workers; i++) {
      const p = await spawnWorker(env, join(logDir, `worker-${i}.log`));
      started.push(p);
      workers.push({ name: `worker-${i}`, process: p, pid: p.child.pid! });
    }
    const apis: ApiNode[] = [];
    for (let i = 1; i <= opts.apis; i++) {
      const node = await spawnApi(`api-${i}`, env, join(logDir, `api-${i}.log`));
      started.push(node.process);
      apis.push(node);
    }
    return { taskQueue, apis, workers, logDir, checkpointDir, sealerId, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
