import { metricsRegistry } from '@infra/observability/metrics';
import { startOpsEndpoint, type OpsEndpoint } from '@infra/observability/metrics-endpoint';
import type { WorkerEnv } from '../config/worker-env';
import type { WorkerRuntime } from '../create-worker';

const PROBE_TIMEOUT_MS = 2_000;

/**
 * Worker health: the worker is polling (state RUNNING) and Temporal answers its health check
 * on the worker's own connection. 503 otherwise, with what failed.
 */
async function health(runtime: Pick<WorkerRuntime, 'worker' | 'connection'>) {
  const state = runtime.worker.getState();
  const temporal = await runtime.connection
    .withDeadline(Date.now() + PROBE_TIMEOUT_MS, () => runtime.connection.healthService.check({}))
    .then(
      () => 'up' as const,
      () => 'down' as const,
    );
  const ok = state === 'RUNNING' && temporal === 'up';
  return { status: ok ? 200 : 503, body: JSON.stringify({ status: ok ? 'ok' : 'unavailable', worker: state, temporal }), contentType: 'application/json' };
}

/** The process's series, then the Temporal SDK's (its own exporter, fetched from loopback). */
async function metrics(sdkMetricsUrl: string | undefined) {
  const own = await metricsRegistry.metrics();
  const sdk = sdkMetricsUrl
    ? await fetch(sdkMetricsUrl, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) })
        .then((res) => (res.ok ? res.text() : `# temporal sdk metrics: HTTP ${res.status}\n`))
        .catch((error: Error) => `# temporal sdk metrics unavailable: ${error.message}\n`)
    : '';
  return { status: 200, body: `${own}\n${sdk}`, contentType: metricsRegistry.contentType };
}

/**
 * The worker's operations endpoint on WORKER_HTTP_HOST:WORKER_HTTP_PORT (loopback by default):
 * `GET /metrics` (Prometheus text) and `GET /health` (for a liveness/readiness probe).
 */
export function startWorkerEndpoint(
  env: Pick<WorkerEnv, 'WORKER_HTTP_HOST' | 'WORKER_HTTP_PORT'>,
  runtime: Pick<WorkerRuntime, 'worker' | 'connection'>,
  sdkMetricsUrl?: string,
): Promise<OpsEndpoint> {
  return startOpsEndpoint(env.WORKER_HTTP_HOST, env.WORKER_HTTP_PORT, {
    '/metrics': () => metrics(sdkMetricsUrl),
    '/health': () => health(runtime),
  });
}
