import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { Writable } from 'node:stream';
import { Runtime } from '@temporalio/worker';
import pino from 'pino';
import request from 'supertest';
import { createWorkerMetrics, freeLoopbackPort, startWorkerHttpServer, temporalLoggerOf } from '@dandang/worker-runtime';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { get, register } from '../support/actions';
import { aClue } from '../support/clue';

/** Every line written to it, as text: the API's and the worker's JSON logs. */
class Captured extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: string, done: () => void) {
    this.text += chunk.toString('utf8');
    done();
  }
  lines(): Record<string, unknown>[] {
    return this.text.split('\n').filter(Boolean).map((line) => JSON.parse(line));
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Issue 17 §3: JSON logs with request ids and no personal data, metrics, health. */
describe('operators can see what it does', () => {
  const logs = new Captured();
  const workerMetrics = createWorkerMetrics();
  let h: ApiHarness;
  let metricsPort: number;
  let sdkMetricsPort: number;

  beforeAll(async () => {
    metricsPort = await freePort();
    sdkMetricsPort = await freeLoopbackPort();
    // As apps/worker installs it: the SDK's logger into the same pino sink, its metrics on a Prometheus port.
    Runtime.install({
      logger: temporalLoggerOf(pino({ level: 'debug', base: { service: 'dandang-worker' } }, logs)),
      telemetryOptions: { metrics: { prometheus: { bindAddress: `127.0.0.1:${sdkMetricsPort}` } } },
    });
    h = await startApiHarness({
      env: { LOG_LEVEL: 'info', METRICS_PORT: String(metricsPort) },
      app: { logDestination: logs },
      workers: { telemetry: { metrics: workerMetrics } },
    });
  }, 120_000);
  afterAll(() => h.close());

  it('logs JSON lines with the request id, carried into the workflow and its activities, and never the reporter or case text', async () => {
    const marker = randomBytes(5).toString('hex');
    const reporter = { name: `孙举报人${marker}`, contact: `1${String(randomInt(3_000_000_000, 9_999_999_999))}` };
    const title = `观测测试线索${marker}`;
    const requestId = `test-${randomUUID()}`;
    const created = await register(h, 'intake1', aClue({ title, reporter }), { 'Idempotency-Key': randomUUID(), 'X-Request-Id': requestId });
    expect(created.status).toBe(201);
    expect(created.headers['x-request-id']).toBe(requestId);
    const searched = await get(h, 'intake1', `/api/cases?q=${encodeURIComponent(title)}`);
    expect(searched.status).toBe(200);
    // Projection activities run after the Update: wait until one logged with the request id. The SDK writes an
    // activity's own lines (activityType; "Activity completed" at debug, "Activity failed" at warn); none of ours log.
    const activityLine = (l: Record<string, unknown>) => typeof l.activityType === 'string' && l.requestId === requestId;
    for (let i = 0; i < 100 && !logs.lines().some(activityLine); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }

    const lines = logs.lines();
    const access = lines.filter((l) => typeof l.req === 'object');
    expect(access.find((l) => l.requestId === requestId)).toMatchObject({ req: { method: 'POST', route: '/api/cases' }, res: { statusCode: 201 } });
    expect(access.find((l) => (l.req as { route: string }).route === '/api/cases' && l.requestId === searched.headers['x-request-id'])).toBeDefined();
    expect(access.every((l) => typeof l.requestId === 'string')).toBe(true);
    expect(lines.find((l) => activityLine(l) && l.activityType === 'projectCase')).toMatchObject({ msg: 'Activity completed', service: 'dandang-worker' });
    for (const secret of [reporter.name, reporter.contact, title, marker, encodeURIComponent(title)]) expect(logs.text).not.toContain(secret);
  });

  it('keeps a well-formed incoming request id and replaces anything else', async () => {
    expect((await h.http.get('/api/health/live').set('X-Request-Id', 'abc-12345678')).headers['x-request-id']).toBe('abc-12345678');
    // Malformed yet sendable (Node's client refuses control characters): spaces, quotes, semicolons; too long; too short.
    for (const malformed of ['bad id; with "quotes"', 'a'.repeat(129), 'short']) {
      const replaced = (await h.http.get('/api/health/live').set('X-Request-Id', malformed)).headers['x-request-id'];
      expect(replaced).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('answers liveness without touching anything and readiness when PostgreSQL, Temporal and the migrations are current', async () => {
    expect((await h.http.get('/api/health/live')).body).toEqual({ status: 'ok' });
    expect((await h.http.get('/api/health/ready').expect(200)).body).toEqual({ status: 'ok', database: 'up', temporal: 'up', migrations: 'current' });
  });

  it('serves the API metrics on their own port, by route template and status, with sign-in counts and sessions', async () => {
    await h.http.post('/api/auth/login').send({ username: 'intake1', password: 'wrong-password' }).expect(401);
    // Not on the public port: there /metrics is a web-app path like any other (index.html when the app is built).
    const publicPort = await h.http.get('/metrics');
    expect(publicPort.text ?? '').not.toContain('dandang_http_requests_total');
    expect(publicPort.headers['content-type'] ?? '').not.toMatch(/^text\/plain/);
    const scrape = await request(`http://127.0.0.1:${metricsPort}`).get('/metrics').expect(200);
    expect(scrape.text).toMatch(/dandang_http_requests_total\{method="GET",route="\/api\/cases",status="200"\} \d+/);
    expect(scrape.text).toMatch(/dandang_http_request_duration_seconds_bucket\{le="[\d.]+",method="POST",route="\/api\/cases"\}/);
    expect(scrape.text).toMatch(/dandang_login_attempts_total\{outcome="failed"\} [1-9]/);
    expect(scrape.text).toMatch(/dandang_sessions_open [1-9]/);
    expect(scrape.text).toContain('dandang_login_locked_usernames');
    expect(scrape.text).not.toContain('q=');
  });

  it('serves the worker metrics (ours and the Temporal SDK`s) and its health on the worker`s port', async () => {
    let polling = true;
    const server = await startWorkerHttpServer({
      port: 0,
      host: '127.0.0.1',
      metrics: workerMetrics,
      sdkMetricsUrl: `http://127.0.0.1:${sdkMetricsPort}/metrics`,
      isReady: () => polling,
    });
    try {
      const worker = request(server);
      const scrape = await worker.get('/metrics').expect(200);
      expect(scrape.text).toMatch(/dandang_activity_executions_total\{activity="projectCase",outcome="completed"\} [1-9]/);
      expect(scrape.text).toMatch(/dandang_activity_lag_seconds_bucket\{le="[\d.]+",activity="projectCase"\}/);
      expect(scrape.text).toContain('dandang_notifications_created_total');
      expect(scrape.text).toMatch(/temporal_(workflow|activity)_\w+/);
      expect((await worker.get('/health/live')).status).toBe(200);
      expect((await worker.get('/health/ready')).status).toBe(200);
      polling = false;
      expect((await worker.get('/health/ready')).status).toBe(503);
    } finally {
      server.close();
    }
  });
});
