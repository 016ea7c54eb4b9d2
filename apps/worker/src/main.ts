import 'reflect-metadata';
import { Runtime, makeTelemetryFilterString } from '@temporalio/worker';
import { ConfigError } from '../../../libs/infra/src/config/env.schema';
import { loadWorkerEnv } from './config/worker-env';
import { createWorkerRuntime } from './create-worker';

async function main(): Promise<void> {
  const env = loadWorkerEnv();
  Runtime.install({
    // SIGINT/SIGTERM make the worker stop polling and finish in-flight activities.
    shutdownSignals: ['SIGINT', 'SIGTERM'],
    telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'WARN' }) } },
  });
  const runtime = await createWorkerRuntime(env);
  console.log(JSON.stringify({ level: 30, service: 'worker', msg: `worker polling ${env.TEMPORAL_TASK_QUEUE} on ${env.TEMPORAL_ADDRESS}` }));
  await runtime.run();
  await runtime.shutdown();
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) for (const line of error.problems) console.error(line);
  else console.error(error);
  process.exit(1);
});
