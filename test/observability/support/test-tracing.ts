import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import { startTracing } from '@infra/observability/tracing';

/**
 * The spec's OTLP exporter, made once the receiver listens: tracing itself starts on import,
 * before the harness builds the apps, whose hooks read whether it is on.
 */
class ExporterOnceReceiving implements SpanExporter {
  private target?: SpanExporter;

  /** Exports to `endpoint` through the same OTLP exporter production builds from OTEL_EXPORTER_OTLP_ENDPOINT. */
  sendTo(endpoint: string): void {
    process.env.OTEL_EXPORTER_OTLP_ENDPOINT = endpoint;
    this.target = new OTLPTraceExporter();
  }

  export(spans: ReadableSpan[], done: (result: ExportResult) => void): void {
    if (this.target) this.target.export(spans, done);
    else done({ code: ExportResultCode.FAILED, error: new Error('no receiver yet') });
  }

  async shutdown(): Promise<void> {
    await this.target?.shutdown();
  }
}

export const testExporter = new ExporterOnceReceiving();
export const testTracing = startTracing('bank-flows-test', {}, testExporter);
