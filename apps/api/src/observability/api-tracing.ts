import { startTracing, type Tracing } from '@infra/observability/tracing';
import type { ApiEnv } from '../config/api-env';

/** Tracing of the API process (off without an OTLP endpoint); spans that ended leave on SIGTERM. */
export function startApiTracing(env: ApiEnv): Tracing {
  const traces = startTracing('bank-flows-api', env);
  // The batch timer sends what ends during the shutdown grace.
  if (traces.enabled) process.once('SIGTERM', () => void traces.flush());
  return traces;
}
