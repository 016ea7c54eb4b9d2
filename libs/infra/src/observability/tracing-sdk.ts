import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { PrismaInstrumentation, registerInstrumentations } from '@prisma/instrumentation';
import type { ActiveTracing } from './tracing';

/**
 * The OpenTelemetry SDK, loaded only when tracing is configured (tracing.ts). Spans leave
 * in batches over OTLP/HTTP; the exporter reads OTEL_EXPORTER_OTLP_* itself, the processor
 * OTEL_BSP_*, the provider OTEL_TRACES_SAMPLER. W3C trace context is the propagator, so a
 * proxy's or a cabinet's `traceparent` continues its trace here.
 *
 * What makes spans: the API's HTTP middleware (apps/api/src/observability/http-tracing.ts),
 * Temporal's interceptors on the client, in workflows and around activities
 * (temporal-tracing.ts), and Prisma's instrumentation for every operation and SQL statement
 * (`prisma:client:*`). None of them patches modules on load, so the order of imports does not
 * matter and the same code is traced under jest.
 */
export function startTracingSdk(serviceName: string, exporter: SpanExporter = new OTLPTraceExporter()): ActiveTracing {
  const resource = Resource.default().merge(new Resource({ 'service.name': serviceName }));
  const spanProcessor = new BatchSpanProcessor(exporter);
  const provider = new NodeTracerProvider({ resource, spanProcessors: [spanProcessor] });
  provider.register();
  registerInstrumentations({ tracerProvider: provider, instrumentations: [new PrismaInstrumentation()] });
  return {
    enabled: true,
    serviceName,
    resource,
    spanProcessor,
    flush: () => provider.forceFlush(),
    shutdown: () => provider.shutdown(),
  };
}
