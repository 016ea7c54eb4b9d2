import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../scripts/stack/temporal';
import { codeVerifyBench } from './scenarios/code-verify.bench';
import { loginBench } from './scenarios/login.bench';
import { paymentsBench } from './scenarios/payments.bench';
import { readsBench } from './scenarios/reads.bench';
import { waitingBench } from './scenarios/waiting.bench';
import { startBenchStack } from './support/bench-stack';
import type { BenchContext } from './support/context';
import { describeMachine } from './support/machine';
import { Mailbox } from './support/mailbox';
import { goalsTable, table, type Section } from './support/report';

/** Every benchmark, in the order they run (payments before reads, so the lists have documents in them). */
const BENCHES: Record<string, (ctx: BenchContext) => Promise<Section>> = {
  login: loginBench,
  verify: codeVerifyBench,
  payments: paymentsBench,
  reads: readsBench,
  waiting: waitingBench,
};

/**
 * `npm run bench`: builds, starts its own stack on free loopback ports, runs each
 * benchmark with autocannon and writes BENCHMARKS.md. `-- --only=login,reads`
 * runs some; `-- --quick` runs small versions to check the scripts (written to
 * bench/results/ instead, since its figures mean nothing).
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',');
  const selected = Object.keys(BENCHES).filter((name) => !only || only.includes(name));
  const log = (line: string) => console.log(line);
  const started = new Date();
  const stack = await startBenchStack({}, log);
  process.once('SIGINT', () => void stack.stop().finally(() => process.exit(130)));
  const ctx: BenchContext = { stack, mail: new Mailbox(stack.mailUrl), quick, log };
  const sections: Section[] = [];
  let machine: string[] = [];
  try {
    machine = await describeMachine(stack.databaseUrl);
    for (const name of selected) {
      log(`› ${name}…`);
      const t = Date.now();
      try {
        sections.push(await BENCHES[name]!(ctx));
      } catch (error) {
        log(`  ${name} failed: ${(error as Error).stack}`);
        sections.push({ title: name, goals: [{ what: name, target: '', measured: `failed: ${(error as Error).message}`, met: null }], lines: [] });
      }
      await ctx.mail.clear();
      log(`  done in ${Math.round((Date.now() - t) / 1000)} s`);
    }
  } finally {
    await stack.stop();
  }
  const [l1, l5, l15] = loadavg().map((v) => v.toFixed(2));
  const report = [
    '# Benchmarks',
    '',
    `Run with \`npm run bench\` on ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC${quick ? ' (quick mode: figures not meaningful)' : ''}.`,
    'The API and the worker ran as separate compiled processes (`node dist/apps/…/main.js`, `NODE_ENV=production`,',
    '`LOG_LEVEL=info` to files), against a Temporal dev server, MailDev and a fresh PostgreSQL database started by the',
    'benchmark on free loopback ports; load from [autocannon](https://github.com/mcollina/autocannon) in the benchmark process.',
    '',
    '## Machine',
    '',
    ...machine,
    `- Load average when the run ended: ${l1} / ${l5} / ${l15}`,
    '',
    '## Goals',
    '',
    ...goalsTable(sections.flatMap((s) => s.goals)),
    '',
    ...sections.flatMap((s) => [`## ${s.title}`, '', ...s.lines, '']),
    '## 6. Memory (RSS) of the API and the worker under each load',
    '',
    'Peak resident set while each load ran (the worker keeps recently run workflows in its cache, so its figure',
    'carries over from one benchmark to the next).',
    '',
    ...table(['load', 'api', 'worker'], sections.flatMap((s) => s.memory ?? []).map((m) => [m.load, `${m.api.toFixed(0)} MiB`, `${m.worker.toFixed(0)} MiB`])),
    '',
  ].join('\n');
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = quick || only ? join(dir, `BENCHMARKS.${quick ? 'quick' : 'partial'}.md`) : join(ROOT, 'BENCHMARKS.md');
  writeFileSync(file, report);
  log(`› written ${file}`);
}

// Exit explicitly: client sockets of the load generator and the mail reader may linger.
main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
