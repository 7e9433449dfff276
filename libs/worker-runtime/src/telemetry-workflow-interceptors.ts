/**
 * Workflow interceptors (bundled with the workflow code: workflow-bundle.ts). They add no command and read nothing
 * but headers, so histories replay as before.
 *
 * - The API's request id (header `dandang-request-id` on an Update) is remembered and passed on to the activities the
 *   workflow schedules next and to its log lines, so one id follows a request from the HTTP log into activity logs.
 * - OpenTelemetry (@temporalio/interceptors-opentelemetry) only where a caller sent trace context: a deployment without
 *   tracing creates no span in the sandbox, the cost is a header lookup.
 */
import {
  OpenTelemetryInboundInterceptor,
  OpenTelemetryInternalsInterceptor,
  OpenTelemetryOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry/lib/workflow';
import {
  defaultPayloadConverter,
  type ActivityInput,
  type Next,
  type SignalInput,
  type UpdateInput,
  type WorkflowExecuteInput,
  type WorkflowInboundCallsInterceptor,
  type WorkflowInterceptors,
  type WorkflowOutboundCallsInterceptor,
  type GetLogAttributesInput,
  type Payload,
} from '@temporalio/workflow';
import { REQUEST_ID_HEADER } from './telemetry-headers';

const TRACE_HEADER = '_tracer-data'; // @temporalio/interceptors-opentelemetry's header

// Module state is per workflow execution: the SDK evaluates the bundle's modules in each workflow's own context.
let requestId: string | undefined;
let otel: { inbound: OpenTelemetryInboundInterceptor; outbound: OpenTelemetryOutboundInterceptor; internals: OpenTelemetryInternalsInterceptor } | undefined;

function tracing(headers: Record<string, Payload>) {
  if (!otel && headers[TRACE_HEADER]) {
    otel = { inbound: new OpenTelemetryInboundInterceptor(), outbound: new OpenTelemetryOutboundInterceptor(), internals: new OpenTelemetryInternalsInterceptor() };
  }
  return otel;
}

function remember(headers: Record<string, Payload>): void {
  const header = headers[REQUEST_ID_HEADER];
  if (header) requestId = defaultPayloadConverter.fromPayload<string>(header);
}

const inbound: WorkflowInboundCallsInterceptor = {
  execute(input: WorkflowExecuteInput, next: Next<WorkflowInboundCallsInterceptor, 'execute'>) {
    remember(input.headers);
    const t = tracing(input.headers);
    return t ? t.inbound.execute(input, next) : next(input);
  },
  handleUpdate(input: UpdateInput, next: Next<WorkflowInboundCallsInterceptor, 'handleUpdate'>) {
    remember(input.headers);
    const t = tracing(input.headers);
    return t ? t.inbound.handleUpdate(input, next) : next(input);
  },
  validateUpdate(input: UpdateInput, next: Next<WorkflowInboundCallsInterceptor, 'validateUpdate'>) {
    const t = tracing(input.headers);
    return t ? t.inbound.validateUpdate(input, next) : next(input);
  },
  handleSignal(input: SignalInput, next: Next<WorkflowInboundCallsInterceptor, 'handleSignal'>) {
    const t = tracing(input.headers);
    return t ? t.inbound.handleSignal(input, next) : next(input);
  },
};

const outbound: WorkflowOutboundCallsInterceptor = {
  scheduleActivity(input: ActivityInput, next: Next<WorkflowOutboundCallsInterceptor, 'scheduleActivity'>) {
    const withId = requestId ? { ...input, headers: { ...input.headers, [REQUEST_ID_HEADER]: defaultPayloadConverter.toPayload(requestId) } } : input;
    return otel ? otel.outbound.scheduleActivity(withId, next) : next(withId);
  },
  getLogAttributes(input: GetLogAttributesInput, next: Next<WorkflowOutboundCallsInterceptor, 'getLogAttributes'>) {
    const withId = requestId ? { requestId, ...input } : input;
    return otel ? otel.outbound.getLogAttributes(withId, next) : next(withId);
  },
};

export const interceptors = (): WorkflowInterceptors => ({
  inbound: [inbound],
  outbound: [outbound],
  internals: [
    {
      dispose(input, next) {
        if (otel) void otel.internals.dispose(input, next);
        else next(input);
      },
    },
  ],
});
