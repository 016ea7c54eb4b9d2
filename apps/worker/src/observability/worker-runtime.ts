import { Runtime, makeTelemetryFilterString } from '@temporalio/worker';
import { createServer } from 'node:net';
import type { WorkerEnv } from '../config/worker-env';
import { temporalPinoLogger } from './temporal-logger';

/** A free loopback port, for a port configured as 0 (tests; several workers on one machine). */
async function freeLoopbackPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => probe.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * Installs the Temporal SDK runtime once per process, before any worker exists: its logs
 * through pino, and its metrics (task latencies, slots, polls, sticky cache…, all named
 * temporal_*) on a loopback-only Prometheus port that the worker's /metrics merges in.
 * Returns that port's URL.
 */
export async function installWorkerRuntime(env: Pick<WorkerEnv, 'LOG_LEVEL' | 'TEMPORAL_SDK_METRICS_PORT'>): Promise<{ sdkMetricsUrl: string }> {
  const port = env.TEMPORAL_SDK_METRICS_PORT || (await freeLoopbackPort());
  Runtime.install({
    // SIGINT/SIGTERM make the worker stop polling and finish in-flight activities.
    shutdownSignals: ['SIGINT', 'SIGTERM'],
    logger: temporalPinoLogger(env.LOG_LEVEL),
    telemetryOptions: {
      logging: { filter: makeTelemetryFilterString({ core: 'WARN' }), forward: {} },
      metrics: { prometheus: { bindAddress: `127.0.0.1:${port}` } },
    },
  });
  return { sdkMetricsUrl: `http://127.0.0.1:${port}/metrics` };
}
