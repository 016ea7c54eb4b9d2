import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg, totalmem } from 'node:os';
import { Client } from 'pg';
import { TEMPORAL_BIN } from '../../scripts/stack/temporal';

/** The machine the figures come from, for BENCHMARKS.md. */
export async function describeMachine(databaseUrl: string): Promise<string[]> {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /model name\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim() ?? 'unknown';
  const mhz = /cpu MHz\s*:\s*(.+)/.exec(cpuinfo)?.[1]?.trim();
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  const pg = (await db.query<{ version: string }>('SELECT version()')).rows[0]!.version.split(' on ')[0];
  await db.end();
  let temporal = 'unknown';
  try {
    temporal = execFileSync(TEMPORAL_BIN, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    /* reported as unknown */
  }
  const [l1, l5, l15] = loadavg().map((v) => v.toFixed(2));
  return [
    `- CPU: ${model}${mhz ? ` (${mhz} MHz)` : ''}, \`nproc\` = ${availableParallelism()}`,
    `- Memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- Node ${process.version}, ${pg}, ${temporal} (dev server, in-memory SQLite), MailDev`,
    `- Load average when the run started: ${l1} / ${l5} / ${l15} (1 / 5 / 15 min)`,
    '- **Shared and noisy**: other engineers ran builds and test suites on the same machine during the run, and',
    '  PostgreSQL, the Temporal dev server, MailDev, the API, the worker and the load generator all share these cores.',
    '  Treat absolute figures as a floor; ratios measured in the same run are the meaningful part.',
  ];
}
