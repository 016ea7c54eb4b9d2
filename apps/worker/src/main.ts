import 'reflect-metadata';
import { startTracing } from '@infra/observability/tracing';
import { ConfigError } from '@infra/config/env.schema';
import { loadWorkerEnv } from './config/worker-env';
import { createWorkerRuntime } from './create-worker';
import { startWorkerEndpoint } from './observability/worker-endpoint';
import { installWorkerRuntime } from './observability/worker-runtime';

async function main(): Promise<void> {
  const env = loadWorkerEnv();
  const traces = startTracing('bank-flows-worker', env);
  // The SDK's logs through pino, its metrics on loopback for /metrics (observability/worker-runtime.ts).
  const { sdkMetricsUrl } = await installWorkerRuntime(env);
  const runtime = await createWorkerRuntime(env);
  const endpoint = await startWorkerEndpoint(env, runtime, sdkMetricsUrl);
  console.log(JSON.stringify({ level: 30, service: 'worker', msg: `worker polling ${env.TEMPORAL_TASK_QUEUE} on ${env.TEMPORAL_ADDRESS}` }));
  await runtime.run();
  await runtime.shutdown();
  await endpoint.close();
  await traces.shutdown();
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) for (const line of error.problems) console.error(line);
  else console.error(error);
  process.exit(1);
});
