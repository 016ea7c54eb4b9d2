import { mkdirSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, type Managed } from '../../scripts/stack/processes';
import { ROOT, startTemporal } from '../../scripts/stack/temporal';
import { startMailDev } from '../../scripts/stack/maildev';
import { applyMigrations, recreateDatabase } from '../../scripts/db/migrate';
import { TEST_STATE_ENV, type TestStack } from './test-stack';

/**
 * Brings up what the integration specs need, on ports of its own, so the tests run
 * the same on a bare machine and beside a running development stack: a Temporal
 * dev server (in memory), MailDev, and a freshly migrated PostgreSQL database.
 */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  // Each run has its own directory and database, so runs never disturb each other.
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  const dir = join(ROOT, '.data', 'test', runId);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });

  const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/bank_flows_test');
  url.pathname = `${url.pathname}_${runId}`;
  const base = url.toString();
  await recreateDatabase(base);
  await applyMigrations(base);

  const [temporalPort, smtpPort, mailWebPort] = [await freePort(), await freePort(), await freePort()];
  const processes: Managed[] = [];
  (globalThis as { __stack?: Managed[]; __testDatabase?: string }).__stack = processes;
  (globalThis as { __testDatabase?: string }).__testDatabase = base;
  processes.push(await startTemporal({ port: temporalPort, uiPort: 0, namespace: 'default', headless: true, logFile: join(dir, 'temporal.log') }));
  processes.push(await startMailDev({ smtpPort, webPort: mailWebPort, mailDir: join(dir, 'mail'), logFile: join(dir, 'maildev.log') }));

  const stack: TestStack = {
    databaseUrl: base,
    temporalAddress: `127.0.0.1:${temporalPort}`,
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    mailApiUrl: `http://127.0.0.1:${mailWebPort}`,
    workflowBundlePath: existsSync(join(ROOT, 'workflows', 'src', 'index.ts')) ? await bundle(dir) : null,
  };
  const stateFile = join(dir, 'stack.json');
  writeFileSync(stateFile, JSON.stringify(stack, null, 2));
  // Jest starts its test workers after this, and they inherit the variable.
  process.env[TEST_STATE_ENV] = stateFile;
  console.log(`\ntest stack up in ${Date.now() - started} ms: temporal ${stack.temporalAddress}, mail ${stack.mailApiUrl}`);
}

/** Bundles the workflow code once for all specs (each worker loads the bundle). */
async function bundle(dir: string): Promise<string> {
  const { bundleWorkflowCode } = await import('@temporalio/worker');
  const { workflowBundleOptions } = await import('@infra/temporal/workflow-bundle');
  const { code } = await bundleWorkflowCode({ ...workflowBundleOptions(ROOT), logger: undefined });
  const path = join(dir, 'workflow-bundle.js');
  writeFileSync(path, code);
  return path;
}
