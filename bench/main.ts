import { mkdirSync } from 'node:fs';
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
import { goalLine, type Section } from './support/report';
import { writeReport } from './support/write-report';

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
 * runs some; `-- --quick` runs small versions to check the scripts in under 3 minutes
 * (written to bench/results/ instead, since its figures mean nothing). Each goal is
 * printed as one line: figure, the limit measured in the same run, ratio, PASS/MISS.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const only = args
    .find((a) => a.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',');
  const selected = Object.keys(BENCHES).filter((name) => !only || only.includes(name));
  const log = (line: string) => console.log(line);
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = quick || only ? join(dir, `BENCHMARKS.${quick ? 'quick' : 'partial'}.md`) : join(ROOT, 'BENCHMARKS.md');
  const started = new Date();
  const stack = await startBenchStack({}, log);
  // Stopped by a signal: stop the stack's processes too, rather than leave them running.
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)
    process.once(signal, () => void stack.stop().finally(() => process.exit(code)));
  const ctx: BenchContext = { stack, mail: new Mailbox(stack.mailUrl), quick, log };
  const sections: Section[] = [];
  try {
    const machine = await describeMachine(stack.databaseUrl);
    for (const [i, name] of selected.entries()) {
      log(`› ${name}…`);
      const t = Date.now();
      try {
        sections.push(await BENCHES[name]!(ctx));
      } catch (error) {
        log(`  ${name} failed: ${(error as Error).stack}`);
        sections.push({ title: name, goals: [{ what: name, target: '', measured: `failed: ${(error as Error).message}`, met: null }], lines: [] });
      }
      for (const goal of sections[sections.length - 1]!.goals) log(goalLine(goal));
      await ctx.mail.clear();
      log(`  done in ${Math.round((Date.now() - t) / 1000)} s`);
      writeReport(file, { started, quick, machine, sections, pending: selected.slice(i + 1) });
    }
  } finally {
    await stack.stop();
  }
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
