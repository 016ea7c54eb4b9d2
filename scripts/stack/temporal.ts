import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CUSTOM_SEARCH_ATTRIBUTES } from '@workflows/shared/search-attributes';
import { repoRoot } from '@infra/repo-root';
import { portOpen, startProcess, waitFor, type Managed } from './processes';

export const ROOT = repoRoot();
export const TEMPORAL_VERSION = 'v1.5.1';
export const TEMPORAL_BIN = join(ROOT, '.tools', 'bin', 'temporal');

/**
 * Builds the official Temporal CLI (which embeds the dev server) from its Go module
 * into .tools/bin. Later tags carry a `replace` directive `go install` refuses,
 * hence the pinned version. Takes minutes the first time; reused afterwards.
 */
export async function ensureTemporalBinary(log: (line: string) => void = console.log): Promise<string> {
  if (process.env.TEMPORAL_CLI_PATH && existsSync(process.env.TEMPORAL_CLI_PATH)) return process.env.TEMPORAL_CLI_PATH;
  if (existsSync(TEMPORAL_BIN)) return TEMPORAL_BIN;
  mkdirSync(join(ROOT, '.tools', 'bin'), { recursive: true });
  log(`building Temporal CLI ${TEMPORAL_VERSION} with go install (first time only; a few minutes)…`);
  const started = Date.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn('go', ['install', '-v', `github.com/temporalio/cli/cmd/temporal@${TEMPORAL_VERSION}`], {
      env: { ...process.env, GOBIN: join(ROOT, '.tools', 'bin'), GOFLAGS: '-mod=mod' },
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    let packages = 0;
    let tail = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      tail = (tail + text).slice(-4000);
      for (const line of text.split('\n')) {
        if (line.trim() && !line.startsWith('go: downloading')) packages++;
        if (packages > 0 && packages % 100 === 0) log(`  … ${packages} packages compiled`);
      }
    });
    child.once('error', (e) => reject(new Error(`could not run go: ${e.message}. Install Go ≥ 1.24.`)));
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`go install failed (${code}):\n${tail}`))));
  });
  log(`Temporal CLI built in ${Math.round((Date.now() - started) / 1000)} s`);
  return TEMPORAL_BIN;
}

export interface TemporalOptions {
  port: number;
  uiPort: number;
  /** SQLite file that keeps workflows across restarts; in-memory when omitted. */
  dbFile?: string;
  namespace: string;
  logFile: string;
  echo?: boolean;
  headless?: boolean;
  /** The API's payload codec (`<api>/codec`), so the UI can decode encrypted history for signed-in operators. */
  uiCodecEndpoint?: string;
}

export async function startTemporal(opts: TemporalOptions): Promise<Managed> {
  const bin = await ensureTemporalBinary();
  if (await portOpen(opts.port)) throw new Error(`port ${opts.port} is taken; is a Temporal server already running?`);
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(opts.port), '--namespace', opts.namespace];
  args.push('--log-level', 'warn');
  if (opts.headless) args.push('--headless');
  else args.push('--ui-port', String(opts.uiPort));
  if (!opts.headless && opts.uiCodecEndpoint) args.push('--ui-codec-endpoint', opts.uiCodecEndpoint);
  if (opts.dbFile) {
    mkdirSync(join(opts.dbFile, '..'), { recursive: true });
    args.push('--db-filename', opts.dbFile);
  }
  for (const [name, type] of Object.entries(CUSTOM_SEARCH_ATTRIBUTES)) args.push('--search-attribute', `${name}=${type}`);
  const managed = startProcess('temporal', bin, args, { logFile: opts.logFile, echo: opts.echo });
  await waitFor(`Temporal on 127.0.0.1:${opts.port}`, async () => {
    if (managed.child.exitCode !== null) throw new Error(`Temporal exited with ${managed.child.exitCode}; see ${opts.logFile}`);
    return portOpen(opts.port);
  });
  return managed;
}
