import { caseWorkflowId } from '@dandang/contracts';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { get, register } from '../support/actions';
import { aClue } from '../support/clue';

const UI_ORIGIN = 'http://127.0.0.1:8080';
const b64 = (bytes: Uint8Array | null | undefined): string => Buffer.from(bytes ?? []).toString('base64');

/** The Temporal Web UI's codec endpoint: authorised staff read a sealed history, nobody else does. */
describe('POST /api/temporal-codec/decode (issue 16 §5)', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApiHarness({ env: { TEMPORAL_CODEC_CORS_ORIGINS: UI_ORIGIN } });
  });
  afterAll(() => h.close());

  /** The sealed input of a registered case's workflow, as the UI sends it. */
  async function sealedInputOf(title: string) {
    const created = await register(h, 'intake1', aClue({ title }));
    expect(created.status).toBe(201);
    const history = await h.workers.client.workflow.getHandle(caseWorkflowId(created.body.id)).fetchHistory();
    const payloads = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads ?? [];
    expect(payloads.length).toBe(1);
    return { payloads: payloads.map((p) => ({ metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, b64(v)])), data: b64(p.data) })) };
  }
  const decode = (body: object, token?: string) => {
    const req = h.http.post('/api/temporal-codec/decode').set('X-Namespace', 'default').set('Origin', UI_ORIGIN);
    return (token ? req.set('Authorization', `Bearer ${token}`) : req).send(body);
  };

  it("opens a real history's sealed payload for a supervisor, and records the read as a security event", async () => {
    const title = `某镇党委书记插手工程招标${Date.now()}`;
    const body = await sealedInputOf(title);
    expect(Buffer.from(body.payloads[0].data, 'base64').toString('utf8')).not.toContain(title);
    expect(Buffer.from(body.payloads[0].metadata.encoding, 'base64').toString()).toBe('binary/encrypted');

    const res = await decode(body, await h.token('supervisor1'));
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe(UI_ORIGIN);
    const [opened] = res.body.payloads;
    expect(Buffer.from(opened.metadata.encoding, 'base64').toString()).toBe('json/plain');
    expect(JSON.parse(Buffer.from(opened.data, 'base64').toString('utf8'))).toMatchObject({ registration: { title } });

    const events = await get(h, 'auditor1', '/api/audit/security-events?kind=TEMPORAL_PAYLOADS_DECODED');
    expect(events.status).toBe(200);
    expect(events.body.items[0]).toMatchObject({ kind: 'TEMPORAL_PAYLOADS_DECODED', subject: 'default', details: { payloads: 1, sealed: 1 } });
    expect(JSON.stringify(events.body)).not.toContain(title);
  });

  it('passes a payload that was never sealed back unchanged', async () => {
    const plain = { payloads: [{ metadata: { encoding: b64(Buffer.from('json/plain')) }, data: b64(Buffer.from('"x"')) }] };
    const res = await decode(plain, await h.token('supervisor1'));
    expect(res.status).toBe(200);
    expect(res.body).toEqual(plain);
  });

  it('refuses a caller without a token (401), the administrator and the auditor (403), and a malformed body (400)', async () => {
    const body = await sealedInputOf('某局违规发放津贴');
    expect((await decode(body)).status).toBe(401);
    for (const user of ['admin1', 'auditor1', 'officer1'] as const) {
      const res = await decode(body, await h.token(user));
      expect({ user, status: res.status }).toEqual({ user, status: 403 });
      expect(JSON.stringify(res.body)).not.toContain('某局违规发放津贴');
    }
    expect((await decode({ payloads: [{ data: '**not base64**' }] }, await h.token('supervisor1'))).status).toBe(400);
  });

  it("answers the UI's preflight from its configured origin only", async () => {
    const preflight = (origin: string) =>
      h.http.options('/api/temporal-codec/decode').set('Origin', origin).set('Access-Control-Request-Method', 'POST').set('Access-Control-Request-Headers', 'authorization,content-type,x-namespace');
    const allowed = await preflight(UI_ORIGIN);
    expect(allowed.status).toBe(204);
    expect(allowed.headers).toMatchObject({ 'access-control-allow-origin': UI_ORIGIN, 'access-control-allow-credentials': 'true' });
    expect(allowed.headers['access-control-allow-headers']).toMatch(/Authorization/);
    const other = await preflight('http://evil.example');
    expect(other.status).toBe(403);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});
