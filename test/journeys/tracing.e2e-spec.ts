import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import request from 'supertest';
import { freePort } from '@dandang/embedded-services/temporal';
import { DEMO_PASSWORD } from '@dandang/persistence';
import { buildForProcesses, startCaseWorkerHarness, testServices, type CaseWorkerHarness, type ProcessBuild } from '@dandang/testing';
import { startWorkerTracing, type WorkerTracing } from '@dandang/worker-runtime';
import { aClue } from '../support/clue';

interface ReceivedSpan {
  name: string;
  traceId: string;
  kind: number;
  service: string;
  attributes: Record<string, unknown>;
}

/**
 * An OTLP/HTTP collector in miniature: records what is POSTed to /v1/traces. The exporters (exporter-trace-otlp-http)
 * send JSON, so no protobuf decoding is needed.
 */
async function startReceiver(): Promise<{ endpoint: string; spans(): ReceivedSpan[]; close(): Promise<void> }> {
  const bodies: unknown[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method === 'POST' && req.url === '/v1/traces') bodies.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  type Attribute = { key: string; value: { stringValue?: string; intValue?: number } };
  const valueOf = (a: Attribute) => a.value.stringValue ?? a.value.intValue;
  type Body = {
    resourceSpans?: { resource?: { attributes?: Attribute[] }; scopeSpans?: { spans?: (Omit<ReceivedSpan, 'attributes' | 'service'> & { attributes?: Attribute[] })[] }[] }[];
  };
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    spans: () =>
      (bodies as Body[]).flatMap((b) =>
        (b.resourceSpans ?? []).flatMap((rs) => {
          const service = rs.resource?.attributes?.find((a) => a.key === 'service.name')?.value.stringValue ?? '';
          return (rs.scopeSpans ?? []).flatMap((ss) => (ss.spans ?? []).map((s) => ({
              name: s.name,
              traceId: s.traceId,
              kind: s.kind,
              service,
              attributes: Object.fromEntries((s.attributes ?? []).map((a) => [a.key, valueOf(a)])),
            })),
          );
        }),
      ),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The compiled API (apps/api/src/main.ts, boot.ts first) as an OS process; resolves once it answers. */
async function startApiProcess(build: ProcessBuild, env: NodeJS.ProcessEnv, baseUrl: string): Promise<{ child: ChildProcess; output(): string }> {
  const child = spawn(process.execPath, [build.script('apps/api/src/main.ts')], { env: { ...process.env, ...build.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => (output += chunk.toString());
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  // Its "listening" line is at info, which NODE_ENV=test silences: ask its liveness instead.
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`the API ended (${child.exitCode}) before it answered:\n${output}`);
    if (await fetch(`${baseUrl}/api/health/live`).then((r) => r.ok, () => false)) return { child, output: () => output };
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`the API did not answer within 120 s:\n${output}`);
}

/**
 * Issue 17 §3, tracing: with OTEL_EXPORTER_OTLP_ENDPOINT set, the HTTP request, the Temporal Update it sends and the
 * workflow's and activity's spans on the worker arrive at the collector in one trace. The API runs compiled in a
 * process of its own, as deployed: OpenTelemetry's HTTP instrumentation patches Node's require, which Jest's module
 * loader bypasses. The worker runs here with the production worker's tracing (startWorkerTracing).
 */
describe('tracing with OpenTelemetry', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let workerTracing: WorkerTracing | undefined;
  let workers: CaseWorkerHarness;
  let build: ProcessBuild;
  let api: { child: ChildProcess; output(): string } | undefined;
  let http: ReturnType<typeof request>;

  beforeAll(async () => {
    receiver = await startReceiver();
    workerTracing = startWorkerTracing(receiver.endpoint);
    workers = await startCaseWorkerHarness({ telemetry: { interceptors: workerTracing?.interceptors, sinks: workerTracing?.sinks } });
    build = await buildForProcesses(join(__dirname, '..', '..'), ['apps/api', 'libs', 'workflows', 'activities']);
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    api = await startApiProcess(build, {
      NODE_ENV: 'test',
      PORT: String(port),
      DATABASE_URL: workers.database.url,
      TEMPORAL_ADDRESS: testServices().temporalAddress,
      TEMPORAL_NAMESPACE: workers.namespace,
      TEMPORAL_TASK_QUEUE: workers.taskQueue,
      MASTER_KEYS: testServices().masterKeys,
      DANDANG_EMBEDDED_DATABASE: '1',
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint,
    }, baseUrl);
    http = request(baseUrl);
  }, 180_000);
  afterAll(async () => {
    if (api && api.child.exitCode === null) {
      api.child.kill('SIGTERM');
      await new Promise((resolve) => api!.child.once('exit', resolve));
    }
    await workers?.close();
    await workerTracing?.shutdown();
    await build?.remove();
    await receiver?.close();
  });

  it('sends the spans of an HTTP request, of the Update it runs and of the activity it schedules, in one trace', async () => {
    const login = await http.post('/api/auth/login').send({ username: 'intake1', password: DEMO_PASSWORD }).expect(200);
    const created = await http.post('/api/cases').set('Authorization', `Bearer ${login.body.accessToken}`).set('Idempotency-Key', randomUUID()).send(aClue());
    expect(created.status).toBe(201);
    // A search's text is case content: it reaches no span (the API removes query strings from URL attributes).
    const marker = `tracing${randomUUID().slice(0, 8)}`;
    await http.get(`/api/cases?q=${marker}`).set('Authorization', `Bearer ${login.body.accessToken}`).expect(200);
    // Spans are exported in batches (every second): wait for the request's server span and the worker's.
    const SERVER = 2; // SpanKind.SERVER in OTLP JSON
    const inTrace = () => {
      const spans = receiver.spans();
      const serverSpan = (method: string) =>
        spans.find((s) => s.kind === SERVER && s.service === 'dandang-api' && s.attributes['http.method'] === method && s.attributes['http.target'] === '/api/cases');
      const server = serverSpan('POST');
      return { server, search: serverSpan('GET'), trace: server ? spans.filter((s) => s.traceId === server.traceId).map((s) => s.name) : [] };
    };
    const complete = (names: string[]) =>
      names.some((n) => /^(UpdateWithStartWorkflow|StartWorkflowUpdate):/.test(n)) &&
      names.some((n) => n.startsWith('HandleUpdate:')) &&
      names.includes('CasesController.register') &&
      names.some((n) => n === 'RunActivity:projectCase');
    for (let i = 0; i < 150 && !(complete(inTrace().trace) && inTrace().search); i++) await new Promise((r) => setTimeout(r, 100));

    const { server, search, trace } = inTrace();
    expect(server).toBeDefined();
    expect(search).toBeDefined(); // its http.target without the query
    expect(JSON.stringify(receiver.spans())).not.toContain(marker);
    expect(trace).toEqual(expect.arrayContaining([expect.stringMatching(/^(UpdateWithStartWorkflow|StartWorkflowUpdate):/), expect.stringMatching(/^HandleUpdate:/), 'RunActivity:projectCase', 'CasesController.register']));
  }, 60_000);
});
