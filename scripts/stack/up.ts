import { appendFileSync, copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyMigrations, ensureDatabase } from '../db/migrate';
import { buildCabinet, serveCabinet } from './cabinet';
import { startMailDev } from './maildev';
import { portOpen, startProcess, waitFor, type Managed } from './processes';
import { ROOT, startTemporal } from './temporal';

/**
 * The development stack in the foreground: database and migrations, Temporal dev
 * server (workflows kept in .data/temporal.db), MailDev, worker and API. Ctrl-C
 * stops everything, API first, so in-flight work finishes.
 */
async function main(): Promise<void> {
  const started = Date.now();
  const envFile = join(ROOT, '.env');
  if (!existsSync(envFile)) {
    copyFileSync(join(ROOT, '.env.example'), envFile);
    console.log('› created .env from .env.example (development values)');
  }
  addMissingSettings(envFile);
  process.loadEnvFile(envFile);
  const env = process.env;
  const port = Number(env.PORT ?? 3000);
  const temporalPort = Number((env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233').split(':').pop());
  const smtpPort = Number(new URL(env.SMTP_URL ?? 'smtp://127.0.0.1:1025').port || 1025);
  const mailWebPort = Number(env.MAILDEV_WEB_PORT ?? 1080);
  const uiPort = Number(env.TEMPORAL_UI_PORT ?? 8233);

  const databaseUrl = env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/bank_flows';
  if (await ensureDatabase(databaseUrl)) console.log(`› created database ${new URL(databaseUrl).pathname.slice(1)}`);
  const report = await applyMigrations(databaseUrl);
  console.log(`› migrations: ${report.applied.length} applied, ${report.alreadyApplied.length} already in place`);
  // The reference cabinet answers the e-mailed links (CABINET_URL/register/<token>), on loopback.
  const cabinetUrl = new URL(env.CABINET_URL ?? 'http://127.0.0.1:5173');
  const cabinetPort = Number(cabinetUrl.port || 80);
  const cabinetFree = !(await portOpen(cabinetPort));
  if (cabinetFree) {
    const building = Date.now();
    await buildCabinet(join(ROOT, 'dist', 'cabinet'));
    console.log(`› cabinet built in ${((Date.now() - building) / 1000).toFixed(1)} s (vite)`);
  } else console.log(`› something already answers on ${cabinetPort} (a cabinet dev server?); not serving the built cabinet there`);

  const processes: Managed[] = [];
  const logs = join(ROOT, '.data', 'logs');
  if (await portOpen(temporalPort)) console.log(`› Temporal already answers on ${temporalPort}; reusing it`);
  else
    processes.push(
      await startTemporal({
        port: temporalPort,
        uiPort,
        namespace: env.TEMPORAL_NAMESPACE ?? 'default',
        dbFile: join(ROOT, '.data', 'temporal.db'),
        logFile: join(logs, 'temporal.log'),
        uiCodecEndpoint: `http://127.0.0.1:${port}/codec`,
      }),
    );
  if (await portOpen(smtpPort)) console.log(`› something already answers on SMTP ${smtpPort}; reusing it`);
  else processes.push(await startMailDev({ smtpPort, webPort: mailWebPort, mailDir: join(ROOT, '.data', 'mail'), logFile: join(logs, 'maildev.log') }));
  if (await portOpen(port)) throw new Error(`port ${port} is taken; stop what runs there or set PORT in .env`);

  const appEnv = {
    // The UI this script starts may call the API's codec from the browser.
    CODEC_CORS_ORIGINS: `http://127.0.0.1:${uiPort},http://localhost:${uiPort}`,
    ...process.env,
    WORKFLOW_BUNDLE_PATH: join(ROOT, 'dist', 'workflow-bundle.js'),
  };
  processes.push(
    startProcess('worker', process.execPath, [join(ROOT, 'dist', 'apps', 'worker', 'src', 'main.js')], {
      logFile: join(logs, 'worker.log'),
      env: appEnv,
      echo: true,
    }),
  );
  processes.push(
    startProcess('api', process.execPath, [join(ROOT, 'dist', 'apps', 'api', 'src', 'main.js')], { logFile: join(logs, 'api.log'), env: appEnv, echo: true }),
  );

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\n› stopping (API, worker, MailDev, Temporal)…');
    for (const p of [...processes].reverse()) await p.stop();
    process.exit(0);
  };
  // A child that fails to stop must still end this process, not leave an unhandled rejection.
  const onSignal = () => {
    stop().catch((error: Error) => {
      console.error(`› could not stop the stack cleanly: ${error.message}`);
      process.exit(1);
    });
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  for (const p of processes) p.child.once('exit', (code) => !stopping && console.error(`› ${p.name} exited (${code}); see ${logs}`));

  await waitFor('the API to be ready', async () => (await fetch(`http://127.0.0.1:${port}/ready`)).ok, 120_000);
  const cabinet = cabinetFree ? await serveCabinet({ dir: join(ROOT, 'dist', 'cabinet'), port: cabinetPort, apiUrl: `http://127.0.0.1:${port}` }) : null;
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`
  ✔ stack is up in ${seconds} s
    API            http://127.0.0.1:${port}          (ready: /ready, health: /health)
    API docs       http://127.0.0.1:${port}/docs     (OpenAPI JSON: /docs/openapi.json)
    Temporal UI    http://127.0.0.1:${uiPort}   (decode payloads: sign in at http://127.0.0.1:${port}/codec/login)
    Mail catcher   http://127.0.0.1:${mailWebPort}   (e-mails and SMS)
    Cabinet        ${cabinet ? `${cabinet.url}          (reference web cabinet; e-mailed links open here)` : `${cabinetUrl.origin}   (not served: the port was taken)`}
    Logs           ${logs}
  Ctrl-C stops everything.
`);
}

/** A setting added to .env.example since .env was created (e.g. PAYLOAD_KEYS) is copied over with its development value. */
function addMissingSettings(envFile: string): void {
  const names = (text: string) => new Set([...text.matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!));
  const current = names(readFileSync(envFile, 'utf8'));
  const missing = readFileSync(join(ROOT, '.env.example'), 'utf8')
    .split('\n')
    .filter((line) => /^[A-Z][A-Z0-9_]*=/.test(line) && !current.has(line.slice(0, line.indexOf('='))));
  if (missing.length === 0) return;
  appendFileSync(envFile, `\n# Added from .env.example\n${missing.join('\n')}\n`);
  console.log(`› added to .env from .env.example: ${missing.map((l) => l.slice(0, l.indexOf('='))).join(', ')}`);
}

main().catch((error: Error) => {
  console.error(`› could not start the stack: ${error.message}`);
  process.exit(1);
});
