import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { goalsTable, table, type Section } from './report';

export const HOW_TO_RERUN = [
  '## How to rerun',
  '',
  '```bash',
  'npm run bench                              # everything, about 30 minutes; rewrites this file',
  'npm run bench -- --quick                   # every scenario with small counts, ≤ 3 minutes: bench/results/BENCHMARKS.quick.md',
  'npm run bench -- --only=login,verify       # some: login, verify, payments, reads, waiting → bench/results/BENCHMARKS.partial.md',
  'BENCH_WAITING_FLOWS=2000 npm run bench -- --only=waiting',
  '```',
  '',
  'Each goal also prints one line while the run goes: `PASS|MISS <goal>: <figure> | limit <limit> | ratio <r> | target <target>`.',
  'The machine is shared: read the ratios, not the absolute figures.',
];

/** BENCHMARKS.md from the sections so far; rewritten after each benchmark, so a killed run keeps what it measured. */
export function writeReport(file: string, opts: { started: Date; quick: boolean; machine: string[]; sections: Section[]; pending: string[] }): void {
  const { started, quick, machine, sections, pending } = opts;
  const [l1, l5, l15] = loadavg().map((v) => v.toFixed(2));
  const report = [
    '# Benchmarks',
    '',
    `Run with \`npm run bench\` on ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC${quick ? ' (quick mode: figures not meaningful)' : ''}.`,
    'The API and the worker ran as separate compiled processes (`node dist/apps/…/main.js`, `NODE_ENV=production`,',
    '`LOG_LEVEL=info` to files), against a Temporal dev server, MailDev and a fresh PostgreSQL database started by the',
    'benchmark on free loopback ports; load from [autocannon](https://github.com/mcollina/autocannon) in the benchmark process.',
    ...(pending.length ? ['', `**Incomplete: still to run when this was written: ${pending.join(', ')}.**`] : []),
    '',
    ...HOW_TO_RERUN,
    '',
    '## Machine',
    '',
    ...machine,
    `- Load average when ${pending.length ? 'this was written' : 'the run ended'}: ${l1} / ${l5} / ${l15}`,
    '',
    '## Goals',
    '',
    'Each figure next to its limit, measured in the same run (ratio = figure ÷ limit; the target is on the ratio).',
    '',
    ...goalsTable(sections.flatMap((s) => s.goals)),
    '',
    ...sections.flatMap((s) => [`## ${s.title}`, '', ...s.lines, '']),
    '## 6. Memory (RSS) of the API and the worker under each load',
    '',
    'Peak resident set while each load ran (the worker keeps recently run workflows in its cache, so its figure',
    'carries over from one benchmark to the next).',
    '',
    ...table(
      ['load', 'api', 'worker'],
      sections.flatMap((s) => s.memory ?? []).map((m) => [m.load, `${m.api.toFixed(0)} MiB`, `${m.worker.toFixed(0)} MiB`]),
    ),
    '',
  ].join('\n');
  writeFileSync(file, report);
}
