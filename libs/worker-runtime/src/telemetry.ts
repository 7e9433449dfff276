import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Context as ActivityContext } from '@temporalio/activity';
import { defaultPayloadConverter, type LogLevel, type LogMetadata, type Logger } from '@temporalio/common';
import type { ActivityInterceptors, ActivityInterceptorsFactory } from '@temporalio/worker';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import type { Logger as PinoLogger } from 'pino';
import type { HousekeepingPurged } from '@dandang/persistence';
import { REQUEST_ID_HEADER } from './telemetry-headers';

/** The Temporal SDK's logger (Runtime.install({ logger })) writing into a pino logger: one JSON sink per process. */
export function temporalLoggerOf(pino: PinoLogger): Logger {
  const log = (level: LogLevel, message: string, meta?: LogMetadata) => pino[level.toLowerCase() as 'info'](meta ?? {}, message);
  return {
    log,
    trace: (m, meta) => log('TRACE', m, meta),
    debug: (m, meta) => log('DEBUG', m, meta),
    info: (m, meta) => log('INFO', m, meta),
    warn: (m, meta) => log('WARN', m, meta),
    error: (m, meta) => log('ERROR', m, meta),
  };
}

/** The worker's own metrics (prom-client); the Temporal SDK's come from its Prometheus exporter beside them. */
export interface WorkerMetrics {
  registry: Registry;
  /** Activity interceptors: counts, lag and the request id in activity log lines. */
  activityInterceptors: ActivityInterceptorsFactory;
  onPurged(purged: HousekeepingPurged): void;
  onNotificationsCreated(count: number): void;
}

export function createWorkerMetrics(): WorkerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const executions = new Counter({
    name: 'dandang_activity_executions_total',
    help: 'Activity executions by activity type (projectCase, projectReview: read-model projections; notifyDeadline, deliverWebhook: notifications) and outcome',
    labelNames: ['activity', 'outcome'] as const,
    registers: [registry],
  });
  const lag = new Histogram({
    name: 'dandang_activity_lag_seconds',
    help: 'From the workflow scheduling an activity to its completion, retries included: for projections, how far the read model trails the workflow',
    labelNames: ['activity'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    registers: [registry],
  });
  const notifications = new Counter({ name: 'dandang_notifications_created_total', help: 'Notifications written for officers', registers: [registry] });
  const purged = new Counter({
    name: 'dandang_housekeeping_purged_rows_total',
    help: 'Rows deleted by the housekeeping schedule, by kind',
    labelNames: ['kind'] as const,
    registers: [registry],
  });

  const activityInterceptors: ActivityInterceptorsFactory = (ctx: ActivityContext): ActivityInterceptors => {
    let requestId: string | undefined;
    return {
      inbound: {
        async execute(input, next) {
          const header = input.headers[REQUEST_ID_HEADER];
          if (header) requestId = defaultPayloadConverter.fromPayload<string>(header);
          const activity = ctx.info.activityType;
          let outcome = 'failed';
          try {
            const result = await next(input);
            outcome = 'completed';
            if (activity === 'notifyDeadline' && Array.isArray(result)) notifications.inc(result.length);
            return result;
          } finally {
            executions.inc({ activity, outcome });
            if (outcome === 'completed') lag.observe({ activity }, Math.max(0, Date.now() - ctx.info.scheduledTimestampMs) / 1000);
          }
        },
      },
      outbound: {
        getLogAttributes: (input, next) => next(requestId ? { requestId, ...input } : input),
      },
    };
  };

  return {
    registry,
    activityInterceptors,
    onPurged(rows) {
      for (const [kind, count] of Object.entries(rows)) if (typeof count === 'number' && count > 0) purged.inc({ kind }, count);
    },
    onNotificationsCreated: (count) => notifications.inc(count),
  };
}

/** A free loopback port for the SDK's Prometheus exporter, which is read through the worker's own server. */
export function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export interface WorkerHttpServerOptions {
  port: number;
  host: string;
  metrics: WorkerMetrics;
  /** The Temporal SDK's Prometheus exporter (Runtime telemetryOptions), appended to /metrics. */
  sdkMetricsUrl?: string;
  /** Polling its task queue (the worker's state is RUNNING). */
  isReady(): boolean;
}

/**
 * The worker's only HTTP: /metrics (ours and the SDK's, one scrape target and one port to protect), /health/live and
 * /health/ready (ready while it polls). node:http, as three fixed routes need no framework.
 */
export async function startWorkerHttpServer(options: WorkerHttpServerOptions): Promise<Server> {
  const server = createServer((req, res) => {
    void (async () => {
      const path = (req.url ?? '/').split('?')[0];
      if (req.method !== 'GET') return answer(405, 'text/plain', 'method not allowed\n');
      if (path === '/health/live') return answer(200, 'application/json', JSON.stringify({ status: 'ok' }));
      if (path === '/health/ready') {
        const ready = options.isReady();
        return answer(ready ? 200 : 503, 'application/json', JSON.stringify({ status: ready ? 'ok' : 'not polling' }));
      }
      if (path === '/metrics') {
        const own = await options.metrics.registry.metrics();
        const sdk = options.sdkMetricsUrl ? await fetch(options.sdkMetricsUrl).then((r) => r.text()).catch(() => '') : '';
        return answer(200, options.metrics.registry.contentType, `${own}\n${sdk}`);
      }
      return answer(404, 'text/plain', 'not found\n');
    })().catch(() => answer(500, 'text/plain', 'error\n'));
    function answer(status: number, type: string, body: string) {
      if (res.headersSent) return;
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, resolve);
  });
  return server;
}
