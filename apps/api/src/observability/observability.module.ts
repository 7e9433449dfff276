import { Module } from '@nestjs/common';
import { ApiMetrics, MetricsServer } from './metrics';

/** Prometheus metrics of the API and their listener (logs: logging.ts; traces: tracing.ts, started by main.ts). */
@Module({
  providers: [ApiMetrics, MetricsServer],
  exports: [ApiMetrics],
})
export class ObservabilityModule {}
