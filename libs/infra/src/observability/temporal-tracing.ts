import type { ClientInterceptors } from '@temporalio/client';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry/lib/client';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry/lib/worker';
import type { OpenTelemetryWorkflowExporter } from '@temporalio/interceptors-opentelemetry/lib/workflow/definitions';
import type { ActivityInterceptorsFactory, InjectedSinks } from '@temporalio/worker';
import { tracing, type Tracing } from './tracing';

/**
 * The Temporal side of tracing (Temporal's own OpenTelemetry interceptors): a client passes
 * the caller's trace context in workflow headers, the workflows continue it (their
 * interceptors are in the bundle, workflows/src/observability), and activities run in a span
 * under the workflow's — so their database spans join the HTTP request's trace.
 */
export function clientTracingInterceptors(t: Tracing = tracing()): ClientInterceptors {
  return t.enabled ? { workflow: [new OpenTelemetryWorkflowClientInterceptor()] } : {};
}

export interface WorkerTracing {
  /** Outermost activity interceptors: the span covers the others. */
  activity: ActivityInterceptorsFactory[];
  /** Where workflows hand their spans over; a sink that drops them when tracing is off here. */
  sinks: InjectedSinks<{ exporter: OpenTelemetryWorkflowExporter }>;
}

export function workerTracing(t: Tracing = tracing()): WorkerTracing {
  if (!t.enabled) {
    // A traced client may still start workflows on an untraced worker: their spans end here.
    return { activity: [], sinks: { exporter: { export: { fn: () => undefined, callDuringReplay: false } } } };
  }
  return {
    activity: [(ctx) => ({ inbound: new OpenTelemetryActivityInboundInterceptor(ctx), outbound: new OpenTelemetryActivityOutboundInterceptor(ctx) })],
    sinks: { exporter: makeWorkflowExporter(t.spanProcessor, t.resource) },
  };
}
