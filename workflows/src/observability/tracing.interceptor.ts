// Not a workflow: the interceptors the worker's bundle loads into every workflow
// (workflowInterceptorModules in libs/infra/src/temporal/workflow-bundle.ts).
import * as otel from '@opentelemetry/api';
import {
  OpenTelemetryInboundInterceptor,
  OpenTelemetryInternalsInterceptor,
  OpenTelemetryOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry/lib/workflow';
import type {
  ActivityInput,
  ContinueAsNewInput,
  GetLogAttributesInput,
  Headers,
  LocalActivityInput,
  Next,
  QueryInput,
  SignalInput,
  SignalWorkflowInput,
  StartChildWorkflowExecutionInput,
  UpdateInput,
  WorkflowExecuteInput,
  WorkflowInboundCallsInterceptor,
  WorkflowInterceptors,
  WorkflowOutboundCallsInterceptor,
} from '@temporalio/workflow';

/** The header Temporal's OpenTelemetry interceptors carry the W3C trace context in. */
const TRACE_HEADER = '_tracer-data';
const carriesTrace = (headers: Headers): boolean => TRACE_HEADER in headers;
const inTracedCall = (): boolean => otel.trace.getSpan(otel.context.active()) !== undefined;

/**
 * Temporal's OpenTelemetry workflow interceptors, engaged only for calls that arrive with a
 * trace context (set by a traced client: the API with tracing on). Untraced calls pass
 * straight through, so with tracing off workflows run exactly as without interceptors — no
 * spans, no SDK flags in history — and histories recorded before tracing replay unchanged.
 * Deterministic: the choice depends only on headers, which history holds.
 */
class TraceContextInbound implements WorkflowInboundCallsInterceptor {
  // Made on the first traced call: an untraced workflow never starts a tracer.
  private traced?: OpenTelemetryInboundInterceptor;
  private get otel(): OpenTelemetryInboundInterceptor {
    return (this.traced ??= new OpenTelemetryInboundInterceptor());
  }

  execute(input: WorkflowExecuteInput, next: Next<WorkflowInboundCallsInterceptor, 'execute'>): Promise<unknown> {
    return carriesTrace(input.headers) ? this.otel.execute(input, next) : next(input);
  }

  handleSignal(input: SignalInput, next: Next<WorkflowInboundCallsInterceptor, 'handleSignal'>): Promise<void> {
    return carriesTrace(input.headers) ? this.otel.handleSignal(input, next) : next(input);
  }

  handleUpdate(input: UpdateInput, next: Next<WorkflowInboundCallsInterceptor, 'handleUpdate'>): Promise<unknown> {
    return carriesTrace(input.headers) ? this.otel.handleUpdate(input, next) : next(input);
  }

  validateUpdate(input: UpdateInput, next: Next<WorkflowInboundCallsInterceptor, 'validateUpdate'>): void {
    return carriesTrace(input.headers) ? this.otel.validateUpdate(input, next) : next(input);
  }

  handleQuery(input: QueryInput, next: Next<WorkflowInboundCallsInterceptor, 'handleQuery'>): Promise<unknown> {
    return carriesTrace(input.headers) ? this.otel.handleQuery(input, next) : next(input);
  }
}

/** Outbound calls are traced (and pass the context on in their headers) only inside a traced call. */
class TraceContextOutbound implements WorkflowOutboundCallsInterceptor {
  private traced?: OpenTelemetryOutboundInterceptor;
  private get otel(): OpenTelemetryOutboundInterceptor {
    return (this.traced ??= new OpenTelemetryOutboundInterceptor());
  }

  scheduleActivity(input: ActivityInput, next: Next<WorkflowOutboundCallsInterceptor, 'scheduleActivity'>): Promise<unknown> {
    return inTracedCall() ? this.otel.scheduleActivity(input, next) : next(input);
  }

  scheduleLocalActivity(input: LocalActivityInput, next: Next<WorkflowOutboundCallsInterceptor, 'scheduleLocalActivity'>): Promise<unknown> {
    return inTracedCall() ? this.otel.scheduleLocalActivity(input, next) : next(input);
  }

  startChildWorkflowExecution(
    input: StartChildWorkflowExecutionInput,
    next: Next<WorkflowOutboundCallsInterceptor, 'startChildWorkflowExecution'>,
  ): Promise<[Promise<string>, Promise<unknown>]> {
    return inTracedCall() ? this.otel.startChildWorkflowExecution(input, next) : next(input);
  }

  signalWorkflow(input: SignalWorkflowInput, next: Next<WorkflowOutboundCallsInterceptor, 'signalWorkflow'>): Promise<void> {
    return inTracedCall() ? this.otel.signalWorkflow(input, next) : next(input);
  }

  continueAsNew(input: ContinueAsNewInput, next: Next<WorkflowOutboundCallsInterceptor, 'continueAsNew'>): Promise<never> {
    return inTracedCall() ? this.otel.continueAsNew(input, next) : next(input);
  }

  /** Log lines of a traced call carry its trace and span ids. */
  getLogAttributes(input: GetLogAttributesInput, next: Next<WorkflowOutboundCallsInterceptor, 'getLogAttributes'>): Record<string, unknown> {
    return inTracedCall() ? this.otel.getLogAttributes(input, next) : next(input);
  }
}

export const interceptors = (): WorkflowInterceptors => ({
  inbound: [new TraceContextInbound()],
  outbound: [new TraceContextOutbound()],
  internals: [new OpenTelemetryInternalsInterceptor()],
});
