import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
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

export const BENCH_DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/bank_flows_bench_test';

export async function startBenchStack(overrides: Record<string, string> = {}, log: (line: string) => void = console.log): Promise<BenchStack> {
  const dir = join(ROOT, '.data', 'bench');
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
  };
  try {
    started.push(await startTemporal({ port: temporalPort, uiPort: 0, headless: true, namespace: 'default', logFile: join(dir, 'temporal.log') }));
    started.push(await startMailDev({ smtpPort, webPort: mailPort, mailDir: join(dir, 'mail'), logFile: join(dir, 'maildev.log') }));
    const operatorToken = randomBytes(24).toString('base64url');
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
      // Setting up a thousand registrations outlasts the 5-minute default code lifetime.
      CODE_TTL_MS: String(30 * 60_000),
      ...(process.env.UV_THREADPOOL_SIZE ? { UV_THREADPOOL_SIZE: process.env.UV_THREADPOOL_SIZE } : {}),
      ...overrides,
    };
    const node = process.execPath;
    const worker = startProcess('worker', node, [join(DIST, 'apps', 'worker', 'src', 'main.js')], { logFile: join(dir, 'worker.log'), env });
    started.push(worker);
    const api = startProcess('api', node, [join(DIST, 'apps', 'api', 'src', 'main.js')], { logFile: join(dir, 'api.log'), env });
    started.push(api);
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    await waitFor('the API to be ready', async () => {
      for (const p of [api, worker]) if (p.child.exitCode !== null) throw new Error(`${p.name} exited; see ${dir}/${p.name}.log`);
      return (await fetch(`${apiUrl}/ready`)).ok;
    }, 120_000);
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
