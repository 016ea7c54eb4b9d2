import { mkdirSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, type Managed } from '../../scripts/stack/processes';
import { ROOT, startTemporal } from '../../scripts/stack/temporal';
import { startMailDev } from '../../scripts/stack/maildev';
import { applyMigrations, recreateDatabase } from '../../scripts/db/migrate';
import { TEST_STATE_FILE, type TestStack } from './test-stack';

/**
 * Brings up what the integration specs need, on ports of its own, so the tests run
 * the same on a bare machine and beside a running development stack: a Temporal
 * dev server (in memory), MailDev, and a freshly migrated PostgreSQL database.
 */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const dir = join(ROOT, '.data', 'test');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });

  const base = process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/bank_flows_test';
  await recreateDatabase(base);
  await applyMigrations(base);

  const [temporalPort, smtpPort, mailWebPort] = [await freePort(), await freePort(), await freePort()];
  const processes: Managed[] = [];
  (globalThis as { __stack?: Managed[] }).__stack = processes;
  processes.push(
    await startTemporal({ port: temporalPort, uiPort: 0, namespace: 'default', headless: true, logFile: join(dir, 'temporal.log') }),
  );
  processes.push(
    await startMailDev({ smtpPort, webPort: mailWebPort, mailDir: join(dir, 'mail'), logFile: join(dir, 'maildev.log') }),
  );

  const stack: TestStack = {
    databaseUrl: base,
    temporalAddress: `127.0.0.1:${temporalPort}`,
    smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
    mailApiUrl: `http://127.0.0.1:${mailWebPort}`,
    workflowBundlePath: existsSync(join(ROOT, 'workflows', 'src', 'index.ts')) ? await bundle(dir) : null,
  };
  writeFileSync(TEST_STATE_FILE, JSON.stringify(stack, null, 2));
  console.log(`\ntest stack up in ${Date.now() - started} ms: temporal ${stack.temporalAddress}, mail ${stack.mailApiUrl}`);
}

/** Bundles the workflow code once for all specs (each worker loads the bundle). */
async function bundle(dir: string): Promise<string> {
  const { bundleWorkflowCode } = await import('@temporalio/worker');
  const { code } = await bundleWorkflowCode({
    workflowsPath: require.resolve(join(ROOT, 'workflows', 'src', 'index.ts')),
    logger: undefined,
  });
  const path = join(dir, 'workflow-bundle.js');
  writeFileSync(path, code);
  return path;
}
