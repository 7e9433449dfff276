import { createServer, type Server } from 'node:http';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { OperationalCountsRepository } from '@dandang/persistence';
import { ApiConfig } from '../infrastructure/api-config';
import { routeTemplate } from './request-context';

const LOGIN_ROUTE = '/api/auth/login';
/** The sign-in's answers (auth.controller.ts): 401 a wrong password, 429 a locked username or address, 503 busy. */
const LOGIN_OUTCOME: Record<number, string> = { 200: 'succeeded', 401: 'failed', 429: 'refused', 503: 'busy' };

/** The API's Prometheus metrics (prom-client), served on their own listener (MetricsServer). */
@Injectable()
export class ApiMetrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'dandang_http_requests_total',
    help: 'HTTP requests by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  private readonly duration = new Histogram({
    name: 'dandang_http_request_duration_seconds',
    help: 'HTTP request latency by method and route template',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20],
    registers: [this.registry],
  });
  private readonly logins = new Counter({
    name: 'dandang_login_attempts_total',
    help: 'Sign-in attempts by outcome: succeeded, failed (wrong password), refused (locked or rate-limited), busy',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  constructor(counts: OperationalCountsRepository, config: ApiConfig) {
    collectDefaultMetrics({ register: this.registry });
    const idleMs = config.values.sessionIdleSeconds * 1000;
    new Gauge({
      name: 'dandang_sessions_open',
      help: 'Sessions neither ended nor idle past SESSION_IDLE_SECONDS',
      registers: [this.registry],
      async collect() {
        this.set(await counts.openSessions(new Date(Date.now() - idleMs)));
      },
    });
    new Gauge({
      name: 'dandang_login_locked_usernames',
      help: 'Usernames locked now after repeated failed sign-ins',
      registers: [this.registry],
      async collect() {
        this.set(await counts.lockedUsernames(new Date()));
      },
    });
  }

  /** Express middleware: counts and times every answer by its route template once it is sent. */
  middleware() {
    return (req: Request, res: Response, next: NextFunction) => {
      const stop = this.duration.startTimer();
      res.once('finish', () => {
        const route = routeTemplate(req);
        stop({ method: req.method, route });
        this.requests.inc({ method: req.method, route, status: String(res.statusCode) });
        if (route === LOGIN_ROUTE && req.method === 'POST') this.logins.inc({ outcome: LOGIN_OUTCOME[res.statusCode] ?? 'other' });
      });
      next();
    };
  }
}

/**
 * GET /metrics on METRICS_PORT (METRICS_HOST, loopback unless set), apart from the public port: nothing there is
 * for the officers' network. node:http, as one route needs no framework.
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private server?: Server;
  private readonly logger = new Logger('metrics');

  constructor(
    private readonly metrics: ApiMetrics,
    private readonly config: ApiConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { apiPort, host } = this.config.values.metrics;
    if (apiPort === undefined) return;
    const server = createServer((req, res) => {
      if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
        res.writeHead(404).end();
        return;
      }
      this.metrics.registry.metrics().then(
        (text) => res.writeHead(200, { 'content-type': this.metrics.registry.contentType }).end(text),
        () => res.writeHead(500).end(),
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(apiPort, host, resolve);
    });
    this.server = server;
    this.logger.log(`metrics on http://${host}:${apiPort}/metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
