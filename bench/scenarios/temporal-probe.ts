import { Client, Connection, WithStartWorkflowOperation } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { probeStepUpdate, probeWorkflow } from '../probe/probe.workflow';
import { measure, type BenchContext } from '../support/context';
import { percentile } from '../support/load';

export interface ProbeResult {
  flowsPerSecond: number;
  updateP50: number;
  updateP99: number;
  flows: number;
  /** CPU while the probe ran, % of one core: the dev server, and this process (load and probe worker). */
  cpu?: { temporal: number; probeProcess: number };
}

const STEPS = 4;
let probed = false;

/**
 * The dev server's own limit for a payment-shaped flow (Update-with-start, three more
 * Updates, completion) with a worker in this process and no I/O: `lanes` flows at a
 * time for `seconds`. The product's document rate is read against this.
 */
export async function probeTemporal(ctx: BenchContext, lanes: number, seconds: number): Promise<ProbeResult> {
  const taskQueue = `probe-${randomUUID()}`;
  const logger = new DefaultLogger('WARN');
  // Once per process, before the first native connection: keep the SDK's info lines out of the report's output.
  if (!probed) Runtime.install({ logger });
  probed = true;
  const { code } = await bundleWorkflowCode({ workflowsPath: require.resolve('../probe/probe.workflow'), logger });
  const native = await NativeConnection.connect({ address: ctx.stack.temporalAddress });
  const worker = await Worker.create({ connection: native, taskQueue, workflowBundle: { code }, activities: {} });
  const connection = await Connection.connect({ address: ctx.stack.temporalAddress });
  const client = new Client({ connection });
  const latencies: number[] = [];
  let flows = 0;
  const timed = async <T>(fn: () => Promise<T>) => {
    const t = performance.now();
    const out = await fn();
    latencies.push(performance.now() - t);
    return out;
  };
  const run = worker.run();
  const deadline = Date.now() + seconds * 1000;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: lanes }, async () => {
      while (Date.now() < deadline) {
        const start = new WithStartWorkflowOperation(probeWorkflow, {
          workflowId: `probe-${randomUUID()}`,
          taskQueue,
          args: [STEPS],
          workflowIdConflictPolicy: 'FAIL',
        });
        await timed(() => client.workflow.executeUpdateWithStart(probeStepUpdate, { args: [0], startWorkflowOperation: start }));
        const handle = await start.workflowHandle();
        for (let i = 1; i < STEPS; i++) await timed(() => handle.executeUpdate(probeStepUpdate, { args: [i] }));
        await handle.result();
        flows++;
      }
    }),
  );
  const elapsed = (Date.now() - started) / 1000;
  worker.shutdown();
  await run;
  await connection.close();
  await native.close();
  return { flowsPerSecond: flows / elapsed, updateP50: percentile(latencies, 50), updateP99: percentile(latencies, 99), flows };
}

const probes = new WeakMap<BenchContext, Map<number, Promise<ProbeResult>>>();

/**
 * The dev server's limit at `lanes` flows at a time, measured once per run and shared by
 * the benchmarks that read a figure against it (code verify's Update p99, documents/s).
 */
export function probeAt(ctx: BenchContext, lanes: number): Promise<ProbeResult> {
  let byLanes = probes.get(ctx);
  if (!byLanes) probes.set(ctx, (byLanes = new Map()));
  let found = byLanes.get(lanes);
  if (!found) {
    ctx.log(`  measuring the bare Temporal dev server: ${lanes} probe flows at a time`);
    found = (async () => {
      const metering = await measure(ctx);
      const result = await probeTemporal(ctx, lanes, ctx.quick ? 5 : 20);
      const { usage } = await metering.stop();
      return { ...result, cpu: { temporal: usage.temporal!.cpuPercent, probeProcess: usage['load generator (this process)']!.cpuPercent } };
    })();
    byLanes.set(lanes, found);
  }
  return found;
}
