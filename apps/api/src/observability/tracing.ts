import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider, type Span, type SpanProcessor } from '@opentelemetry/sdk-trace-node';

/** Attributes that can carry a URL's query string: a case search's `q` is case content. */
const URL_ATTRIBUTES = ['http.url', 'http.target', 'url.full', 'url.query'];

/**
 * Drops query strings from spans as they start (the HTTP instrumentation records the full URL): written
 * here because neither instrumentation has an option for it.
 */
const scrubQueries: SpanProcessor = {
  onStart(span: Span) {
    for (const key of URL_ATTRIBUTES) {
      const value = span.attributes[key];
      if (typeof value === 'string' && value.includes('?')) span.setAttribute(key, key === 'url.query' ? '' : value.split('?')[0]);
    }
  },
  onEnd: () => undefined,
  forceFlush: () => Promise.resolve(),
  shutdown: () => Promise.resolve(),
};

let active = false;
/** Whether this process exports traces (the handler spans are made only then). */
export const tracingActive = (): boolean => active;

export interface Tracing {
  shutdown(): Promise<void>;
}

/**
 * OpenTelemetry for the API when an OTLP endpoint is configured: spans of HTTP requests (the field's instrumentation)
 * and Nest handlers (handler-spans.ts), and of Temporal calls (the client interceptor, temporal-interceptors.ts), exported
 * over OTLP/HTTP. Without an endpoint nothing is registered and the global tracer stays a no-op. Call before the
 * application's modules load, so that the instrumentations see `http` and Nest being required.
 */
export function startApiTracing(otlpEndpoint: string | undefined, serviceName = 'dandang-api'): Tracing | undefined {
  if (!otlpEndpoint) return undefined;
  const provider = new NodeTracerProvider({
    resource: new Resource({ 'service.name': serviceName }),
    spanProcessors: [scrubQueries, new BatchSpanProcessor(new OTLPTraceExporter({ url: `${otlpEndpoint}/v1/traces` }), { scheduledDelayMillis: 1000 })],
  });
  provider.register();
  active = true;
  const disable = registerInstrumentations({
    tracerProvider: provider,
    // Spans named by route template; neither the URL's query nor headers are recorded as attributes.
    instrumentations: [new HttpInstrumentation({ ignoreIncomingRequestHook: (req) => /^\/api\/health\//.test(req.url ?? '') })],
  });
  return {
    async shutdown() {
      active = false;
      disable();
      await provider.shutdown();
    },
  };
}
