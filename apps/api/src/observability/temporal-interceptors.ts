import { defaultPayloadConverter, type Payload, type WorkflowClientInterceptor } from '@temporalio/client';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import { currentRequestId } from './request-context';

/** libs/worker-runtime's REQUEST_ID_HEADER (the API may not import the worker's composition). */
export const TEMPORAL_REQUEST_ID_HEADER = 'dandang-request-id';

type Headers = Record<string, Payload>;

function headersWithRequestId(headers: Headers): Headers {
  const requestId = currentRequestId();
  return requestId ? { ...headers, [TEMPORAL_REQUEST_ID_HEADER]: defaultPayloadConverter.toPayload(requestId) } : headers;
}

function withRequestId<T extends { headers: Headers }>(input: T): T {
  return { ...input, headers: headersWithRequestId(input.headers) };
}

/** Puts the HTTP request's id into the Temporal headers of what the API asks of a workflow: the worker logs it. */
export const requestIdClientInterceptor: WorkflowClientInterceptor = {
  start: (input, next) => next(withRequestId(input)),
  startWithDetails: (input, next) => next(withRequestId(input)),
  startUpdate: (input, next) => next(withRequestId(input)),
  startUpdateWithStart: (input, next) =>
    next({ ...input, workflowStartHeaders: headersWithRequestId(input.workflowStartHeaders), updateHeaders: headersWithRequestId(input.updateHeaders) }),
  signal: (input, next) => next(withRequestId(input)),
};

/** The client's interceptors: the request id always, OpenTelemetry's context when tracing is on. */
export function temporalClientInterceptors(tracing: boolean): WorkflowClientInterceptor[] {
  return [requestIdClientInterceptor, ...(tracing ? [new OpenTelemetryWorkflowClientInterceptor()] : [])];
}
