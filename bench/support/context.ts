import type { BenchStack } from './bench-stack';
import { DbWaits } from './db-waits';
import type { Mailbox } from './mailbox';
import { postgresBackends, ProcMeter, type Usage } from './proc-meter';

/** What every benchmark gets: the stack, the mail catcher, and the size of the run. */
export interface BenchContext {
  stack: BenchStack;
  mail: Mailbox;
  /** `--quick`: small counts and short loads, to debug the scripts (figures not meaningful). */
  quick: boolean;
  log(line: string): void;
}

export interface Measured {
  usage: Record<string, Usage>;
  waits: { what: string; backends: number }[];
}

/**
 * Starts metering the API, the worker, the Temporal dev server, this database's
 * PostgreSQL backends and the load generator, and sampling the database's waits.
 */
export async function measure(ctx: BenchContext): Promise<{ stop(): Promise<Measured> }> {
  const { stack } = ctx;
  const meter = new ProcMeter({
    api: { pids: () => [stack.pids().api] },
    worker: { pids: () => [stack.pids().worker] },
    temporal: { pids: () => [stack.pids().temporal] },
    'postgres (this database)': { pids: () => postgresBackends(stack.databaseName), group: true },
    maildev: { pids: () => [stack.pids().maildev] },
    'load generator (this process)': { pids: () => [process.pid] },
  }).start();
  const waits = await new DbWaits(stack.databaseUrl, stack.databaseName).start();
  return {
    async stop() {
      const usage = meter.stop();
      return { usage, waits: await waits.stop() };
    },
  };
}
