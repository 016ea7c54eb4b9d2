import type { Resource } from '@opentelemetry/resources';
import type { SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace-base';
import type { TracingEnv } from './observability-env';

/** Tracing of this process: off (the default) or exporting through one span processor. */
export type Tracing = { enabled: false; flush(): Promise<void>; shutdown(): Promise<void> } | ActiveTracing;

export interface ActiveTracing {
  enabled: true;
  serviceName: string;
  resource: Resource;
  /** Also receives the workflows' spans, which reach the worker through a sink. */
  spanProcessor: SpanProcessor;
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

const OFF: Tracing = { enabled: false, flush: async () => undefined, shutdown: async () => undefined };
let current: Tracing = OFF;

/**
 * Starts tracing once per process when an OTLP endpoint is configured, before the app is
 * built (hooks read it then). Without one the SDK is not even loaded and every hook stays a
 * no-op. `exporter` replaces OTLP's (a spec's).
 */
export function startTracing(defaultServiceName: string, env: Partial<TracingEnv> = process.env, exporter?: SpanExporter): Tracing {
  if (current.enabled) return current;
  if (!exporter && !env.OTEL_EXPORTER_OTLP_ENDPOINT && !env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) return current;
  // Required here, not imported above: with tracing off the SDK never loads.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startTracingSdk } = require('./tracing-sdk') as typeof import('./tracing-sdk');
  current = startTracingSdk(env.OTEL_SERVICE_NAME ?? defaultServiceName, exporter);
  return current;
}

/** The process's tracing, as started (or not) by startTracing. */
export const tracing = (): Tracing => current;
