import { loadConfig, type AppConfig } from '@dandang/config';
import { startApiTracing, type Tracing } from './tracing';

/**
 * The configuration, and tracing started from it, as main.ts's first import: OpenTelemetry's instrumentations patch
 * `http` and Nest only if they are registered before those load. A bad configuration is kept for main to report.
 */
export const boot: { config: AppConfig; tracing?: Tracing } | { error: unknown } = (() => {
  try {
    const config = loadConfig();
    return { config, tracing: startApiTracing(config.otlpEndpoint) };
  } catch (error) {
    return { error };
  }
})();
