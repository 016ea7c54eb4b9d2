import { z } from 'zod';
import { apiMetricsEnvShape, tracingEnvShape, workerObservabilityEnvShape } from './observability-env';

describe('observability settings', () => {
  const parse = (source: Record<string, string>) => z.object({ ...tracingEnvShape, ...apiMetricsEnvShape, ...workerObservabilityEnvShape }).parse(source);

  it('tracing is off, operations endpoints on loopback, by default', () => {
    expect(parse({})).toEqual({
      METRICS_HOST: '127.0.0.1',
      METRICS_PORT: 9464,
      WORKER_HTTP_HOST: '127.0.0.1',
      WORKER_HTTP_PORT: 9465,
      TEMPORAL_SDK_METRICS_PORT: 9466,
    });
  });

  it('an empty variable (compose `${VAR:-}`) counts as unset; a malformed endpoint is refused', () => {
    expect(parse({ OTEL_EXPORTER_OTLP_ENDPOINT: '', OTEL_SERVICE_NAME: '' }).OTEL_EXPORTER_OTLP_ENDPOINT).toBeUndefined();
    expect(parse({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' }).OTEL_EXPORTER_OTLP_ENDPOINT).toBe('http://collector:4318');
    expect(() => parse({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector' })).toThrow();
    expect(() => parse({ METRICS_PORT: '70000' })).toThrow();
  });
});
