import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { loadPrivateKey, rawPublicKey } from '@infra/audit/transparency';
import { Client } from 'pg';
import { applyMigrations, recreateDatabase } from '../../scripts/db/migrate';
import { startMailDev } from '../../scripts/stack/maildev';
import { freePort, startProcess, waitFor, type Managed } from '../../scripts/stack/processes';
import { ROOT, startTemporal } from '../../scripts/stack/temporal';

/**
 * What the benchmarks run against: the compiled API and worker as two separate
 * processes, a Temporal dev server (in memory) and MailDev on free loopback ports,
 * and a database recreated for each run. Only the `_test` suffix may be dropped by
 * scripts/db/migrate.ts, hence the name.
 */
export interface BenchStack {
  apiUrl: string;
  mailUrl: string;
  temporalAddress: string;
  databaseUrl: string;
  databaseName: string;
  /** The environment both processes got: secrets the load generator needs to act as a phone would. */
  env: Record<string, string>;
  operator: Record<string, string>;
  dir: string;
  pids(): { api: number; worker: number; temporal: number; maildev: number };
  stop(): Promise<void>;
}

/** The compiled tree this file runs from (dist/ after `npm run build`). */
export const DIST = join(__dirname, '..', '..');

/**
 * A database and a log directory of this run's own (suffixed with the process id), so two benchmark
 * runs on one machine — `--only=…` runs by several people — never recreate each other's database.
 */
const RUN = String(process.pid);
export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? `postgresql://postgres@127.0.0.1:5432/bank_flows_bench_test_${RUN}`;

export async function startBenchStack(overrides: Record<string, string> = {}, log: (line: string) => void = console.log): Promise<BenchStack> {
  const dir = join(ROOT, '.data', 'bench', RUN);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const databaseName = new URL(BENCH_DATABASE_URL).pathname.slice(1);
  await recreateDatabase(BENCH_DATABASE_URL);
  await applyMigrations(BENCH_DATABASE_URL);
  log(`› database ${databaseName} recreated and migrated`);

  const [temporalPort, smtpPort, mailPort, apiPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const started: Managed[] = [];
  const stop = async () => {
    for (const p of [...started].reverse()) await p.stop().catch(() => undefined);
    // The run's own database goes with it (a database named in BENCH_DATABASE_URL is kept).
    if (!process.env.BENCH_DATABASE_URL) await dropDatabase(BENCH_DATABASE_URL).catch(() => undefined);
  };
  try {
    started.push(await startTemporal({ port: temporalPort, uiPort: 0, headless: true, namespace: 'default', logFile: join(dir, 'temporal.log') }));
    started.push(await startMailDev({ smtpPort, webPort: mailPort, mailDir: join(dir, 'mail'), logFile: join(dir, 'maildev.log') }));
    const operatorToken = randomBytes(24).toString('base64url');
    // Production refuses the development audit key: a key pair of the run's own (Ed25519 seed, raw public key).
    const auditSeed = randomBytes(32).toString('base64');
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: process.env.HOME ?? '/tmp',
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      PORT: String(apiPort),
      HOST: '127.0.0.1',
      DATABASE_URL: BENCH_DATABASE_URL,
      TEMPORAL_ADDRESS: `127.0.0.1:${temporalPort}`,
      TEMPORAL_NAMESPACE: 'default',
      TEMPORAL_TASK_QUEUE: 'bench',
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      SMS_PROVIDER: 'smtp',
      CABINET_URL: 'http://cabinet.bench',
      APP_SECRET: randomBytes(32).toString('base64'),
      PAYLOAD_KEYS: `bench-1:${randomBytes(32).toString('base64')}`,
      OPERATOR_TOKENS: operatorToken,
      WORKFLOW_BUNDLE_PATH: join(DIST, 'workflow-bundle.js'),
      AUDIT_SIGNING_KEY: auditSeed,
      AUDIT_PUBLIC_KEY: rawPublicKey(loadPrivateKey(auditSeed)).toString('base64'),
      AUDIT_CHECKPOINT_DIR: join(dir, 'audit-checkpoints'),
      // Setting up a thousand registrations outlasts the 5-minute default code lifetime.
      CODE_TTL_MS: String(30 * 60_000),
      // Metrics and health listeners on free ports: a second API process runs beside the first.
      METRICS_PORT: '0',
      WORKER_HTTP_PORT: '0',
      TEMPORAL_SDK_METRICS_PORT: '0',
      // Set explicitly, so the raw argon2id limit runs on a pool of exactly the API's size.
      UV_THREADPOOL_SIZE: process.env.UV_THREADPOOL_SIZE ?? String(availableParallelism()),
      ...overrides,
    };
    const node = process.execPath;
    const worker = startProcess('worker', node, [join(DIST, 'apps', 'worker', 'src', 'main.js')], { logFile: join(dir, 'worker.log'), env });
    started.push(worker);
    const api = startProcess('api', node, [join(DIST, 'apps', 'api', 'src', 'main.js')], { logFile: join(dir, 'api.log'), env });
    started.push(api);
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    await waitFor(
      'the API to be ready',
      async () => {
        for (const p of [api, worker]) if (p.child.exitCode !== null) throw new Error(`${p.name} exited; see ${dir}/${p.name}.log`);
        return (await fetch(`${apiUrl}/ready`)).ok;
      },
      120_000,
    );
    log(`› stack up: api ${apiUrl}, temporal ${env.TEMPORAL_ADDRESS}, mail http://127.0.0.1:${mailPort}, logs ${dir}`);
    const [temporal, maildev] = started;
    return {
      apiUrl,
      mailUrl: `http://127.0.0.1:${mailPort}`,
      temporalAddress: env.TEMPORAL_ADDRESS!,
      databaseUrl: BENCH_DATABASE_URL,
      databaseName,
      env,
      operator: { authorization: `Bearer ${operatorToken}` },
      dir,
      pids: () => ({ api: api.child.pid!, worker: worker.child.pid!, temporal: temporal!.child.pid!, maildev: maildev!.child.pid! }),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** A further API process beside the stack's own, e.g. one with a part switched off for a comparison. */
export interface ExtraApi {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * Starts another API process against the same database, Temporal and MailDev, on a port of
 * its own: `script` is a compiled file under dist/ (bench/support/api-audit-off.js wraps the
 * API's main.js). Stopped by the caller.
 */
export async function startExtraApi(stack: BenchStack, name: string, script: string): Promise<ExtraApi> {
  const port = await freePort();
  const env = { ...stack.env, PORT: String(port) };
  const api = startProcess(name, process.execPath, [join(DIST, script)], { logFile: join(stack.dir, `${name}.log`), env });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitFor(
      `${name} to be ready`,
      async () => {
        if (api.child.exitCode !== null) throw new Error(`${name} exited; see ${stack.dir}/${name}.log`);
        return (await fetch(`${url}/ready`)).ok;
      },
      120_000,
    );
  } catch (error) {
    await api.stop();
    throw error;
  }
  return { url, pid: api.child.pid!, stop: () => api.stop() };
}

async function dropDatabase(url: string): Promise<void> {
  const admin = new URL(url);
  const name = admin.pathname.slice(1);
  admin.pathname = '/postgres';
  const db = new Client({ connectionString: admin.toString() });
  await db.connect();
  try {
    await db.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await db.end();
  }
}
