import { z } from 'zod';

/** A TCP port; 0 asks the OS for a free one (tests, several processes on one machine). */
/** `VAR=` (as compose writes `${VAR:-}`) means unset. */
const unsetWhenEmpty = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema);
const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

/**
 * Tracing follows the standard OpenTelemetry variables, so an operator's usual settings work
 * (OTEL_EXPORTER_OTLP_HEADERS, OTEL_TRACES_SAMPLER, OTEL_BSP_* are read by the SDK itself).
 * No endpoint, no tracing: nothing is loaded or patched.
 */
export const tracingEnvShape = {
  OTEL_EXPORTER_OTLP_ENDPOINT: unsetWhenEmpty(z.url().optional()),
  OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: unsetWhenEmpty(z.url().optional()),
  OTEL_SERVICE_NAME: unsetWhenEmpty(z.string().min(1).optional()),
};

/**
 * The API's Prometheus endpoint listens apart from the cabinet-facing port: what reaches
 * PORT through the bank's proxy never sees /metrics, and only loopback sees it by default.
 */
export const apiMetricsEnvShape = {
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  METRICS_PORT: port(9464),
};

/** The worker's own small HTTP server (/metrics and /health) and the SDK's internal Prometheus port. */
export const workerObservabilityEnvShape = {
  WORKER_HTTP_HOST: z.string().min(1).default('127.0.0.1'),
  WORKER_HTTP_PORT: port(9465),
  /** Loopback port of the Temporal SDK's own Prometheus exporter, merged into the worker's /metrics. */
  TEMPORAL_SDK_METRICS_PORT: port(9466),
};

export type TracingEnv = { [K in keyof typeof tracingEnvShape]: z.infer<(typeof tracingEnvShape)[K]> };
