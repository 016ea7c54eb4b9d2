// First: sizes libuv's pool (argon2) before anything can start it.
import './thread-pool';
import 'reflect-metadata';
import { ConfigError } from '@infra/config/env.schema';
import { createApiApp } from './bootstrap';
import { loadApiEnv } from './config/api-env';
import { startApiTracing } from './observability/api-tracing';

async function main(): Promise<void> {
  const env = loadApiEnv();
  startApiTracing(env);
  const app = await createApiApp(env);
  const server = await app.listen(env.PORT, env.HOST);
  // Let in-flight requests finish on SIGTERM before the process ends.
  server.keepAliveTimeout = 5_000;
  process.once('SIGTERM', () => setTimeout(() => process.exit(0), env.SHUTDOWN_GRACE_MS).unref());
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    for (const line of error.problems) console.error(line);
  } else {
    console.error(error);
  }
  process.exit(1);
});
