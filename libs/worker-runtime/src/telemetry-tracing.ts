import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
} from '@temporalio/interceptors-opentelemetry';
import type { CaseWorkerOptions } from './case-worker';

export interface WorkerTracing extends Pick<CaseWorkerOptions, 'interceptors' | 'sinks'> {
  shutdown(): Promise<void>;
}

/**
 * OpenTelemetry for the worker when an OTLP endpoint is configured (@temporalio/interceptors-opentelemetry, as its
 * samples wire it): activity spans, and the workflow's spans (telemetry-workflow-interceptors.ts) through its sink.
 * Without an endpoint: undefined, and the worker registers a sink that drops nothing-to-drop.
 */
export function startWorkerTracing(otlpEndpoint: string | undefined, serviceName = 'dandang-worker'): WorkerTracing | undefined {
  if (!otlpEndpoint) return undefined;
  const resource = new Resource({ 'service.name': serviceName });
  const processor = new BatchSpanProcessor(new OTLPTraceExporter({ url: `${otlpEndpoint}/v1/traces` }), { scheduledDelayMillis: 1000 });
  const provider = new NodeTracerProvider({ resource, spanProcessors: [processor] });
  provider.register();
  return {
    interceptors: {
      activity: [(ctx) => ({ inbound: new OpenTelemetryActivityInboundInterceptor(ctx), outbound: new OpenTelemetryActivityOutboundInterceptor(ctx) })],
    },
    sinks: { exporter: makeWorkflowExporter(processor, resource) },
    shutdown: () => provider.shutdown(),
  };
}
