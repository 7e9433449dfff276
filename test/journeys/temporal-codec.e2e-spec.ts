import { caseWorkflowId } from '@dandang/contracts';
import { DEMO_PASSWORD } from '@dandang/persistence';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { get, register } from '../support/actions';
import { aClue } from '../support/clue';

const UI_ORIGIN = 'http://127.0.0.1:8080';
const b64 = (bytes: Uint8Array | null | undefined): string => Buffer.from(bytes ?? []).toString('base64');
const CODEC_COOKIE = 'dandang_codec_session';
const codecCookieOf = (setCookie: string[] | string | undefined): string | undefined =>
  [setCookie ?? []].flat().find((c) => c.startsWith(`${CODEC_COOKIE}=`));
/** A Set-Cookie line's attributes, lower-cased names, e.g. { httponly: '', path: '/api/temporal-codec' }. */
const attributesOf = (setCookie: string): Record<string, string> =>
  Object.fromEntries(setCookie.split(';').slice(1).map((a) => [a.split('=')[0].trim().toLowerCase(), a.split('=').slice(1).join('=').trim()]));

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
  /** As the UI sends it with credentials: the session cookie, no Authorization header. */
  const decodeWithCookie = (body: object, cookie: string) =>
    h.http.post('/api/temporal-codec/decode').set('X-Namespace', 'default').set('Origin', UI_ORIGIN).set('Cookie', cookie).send(body);

  /** Signs in as the Dandang web app does, and keeps what the browser would: the bearer token and the codec cookie. */
  async function signIn(username: string) {
    const res = await h.http.post('/api/auth/login').send({ username, password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    const setCookie = codecCookieOf(res.headers['set-cookie']);
    expect(setCookie).toBeDefined();
    return { token: res.body.accessToken as string, setCookie: setCookie!, cookie: setCookie!.split(';')[0] };
  }

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

  it('sets, at sign-in, an HttpOnly SameSite=Strict cookie for the codec route alone, holding the session token for its lifetime', async () => {
    const { token, setCookie, cookie } = await signIn('supervisor1');
    expect(cookie).toBe(`${CODEC_COOKIE}=${token}`);
    const attributes = attributesOf(setCookie);
    expect(attributes).toMatchObject({ httponly: '', samesite: 'Strict', path: '/api/temporal-codec', 'max-age': String(8 * 60 * 60) });
    // Not Secure outside production (the tests run over plain HTTP); session-cookie.spec.ts holds production's.
    expect(attributes).not.toHaveProperty('secure');
    expect(attributes).not.toHaveProperty('domain');
  });

  it('opens payloads for a supervisor sending only the cookie, as the UI does with credentials, and refuses other roles', async () => {
    const title = `某街道办拖延信访答复${Date.now()}`;
    const body = await sealedInputOf(title);
    const res = await decodeWithCookie(body, (await signIn('supervisor1')).cookie);
    expect(res.status).toBe(200);
    expect(res.headers).toMatchObject({ 'access-control-allow-origin': UI_ORIGIN, 'access-control-allow-credentials': 'true' });
    expect(JSON.parse(Buffer.from(res.body.payloads[0].data, 'base64').toString('utf8'))).toMatchObject({ registration: { title } });
    for (const user of ['officer1', 'auditor1'] as const) {
      const refused = await decodeWithCookie(body, (await signIn(user)).cookie);
      expect({ user, status: refused.status }).toEqual({ user, status: 403 });
    }
    // A forged token, and a body a cross-site form could send without a preflight, get nothing.
    expect((await decodeWithCookie(body, `${CODEC_COOKIE}=${(await signIn('supervisor1')).token}x`)).status).toBe(401);
    const formPost = await h.http
      .post('/api/temporal-codec/decode')
      .set('Origin', 'http://127.0.0.1:9999')
      .set('Cookie', (await signIn('supervisor1')).cookie)
      .set('Content-Type', 'text/plain')
      .send(JSON.stringify(body));
    expect(formPost.status).toBe(401);
  });

  it('refuses the cookie on every other route: there only the bearer token counts', async () => {
    const { token, cookie } = await signIn('supervisor1');
    for (const path of ['/api/cases', '/api/dashboard', '/api/notifications']) {
      const res = await h.http.get(path).set('Cookie', cookie);
      expect({ path, status: res.status }).toEqual({ path, status: 401 });
    }
    expect((await h.http.post('/api/auth/logout').set('Cookie', cookie)).status).toBe(401);
    expect((await h.http.get('/api/cases').set('Authorization', `Bearer ${token}`)).status).toBe(200);
  });

  it('refuses the cookie once its session is signed out, and sign-out clears it in the browser', async () => {
    const body = await sealedInputOf('某所长违规收取押金');
    const { token, cookie } = await signIn('supervisor1');
    expect((await decodeWithCookie(body, cookie)).status).toBe(200);
    const logout = await h.http.post('/api/auth/logout').set('Authorization', `Bearer ${token}`);
    expect(logout.status).toBe(204);
    const cleared = codecCookieOf(logout.headers['set-cookie']);
    expect(cleared).toBeDefined();
    expect(cleared!.split(';')[0]).toBe(`${CODEC_COOKIE}=`);
    expect(attributesOf(cleared!)).toMatchObject({ path: '/api/temporal-codec', expires: 'Thu, 01 Jan 1970 00:00:00 GMT' });
    const refused = await decodeWithCookie(body, cookie);
    expect(refused.status).toBe(401);
    expect(JSON.stringify(refused.body)).not.toContain('某所长违规收取押金');
  });

  it("answers the UI's preflight from its configured origin only", async () => {
    const preflight = (origin: string) =>
      h.http.options('/api/temporal-codec/decode').set('Origin', origin).set('Access-Control-Request-Method', 'POST').set('Access-Control-Request-Headers', 'authorization,content-type,x-namespace');
    const allowed = await preflight(UI_ORIGIN);
    expect(allowed.status).toBe(204);
    expect(allowed.headers).toMatchObject({ 'access-control-allow-origin': UI_ORIGIN, 'access-control-allow-credentials': 'true' });
    expect(allowed.headers['access-control-allow-headers']).toMatch(/Authorization/);
    // With credentials, as the UI sends the cookie: its own headers only, no Authorization.
    const withCookie = await preflight(UI_ORIGIN).set('Access-Control-Request-Headers', 'content-type,x-namespace');
    expect(withCookie.status).toBe(204);
    expect(withCookie.headers).toMatchObject({ 'access-control-allow-origin': UI_ORIGIN, 'access-control-allow-credentials': 'true' });
    const other = await preflight('http://evil.example');
    expect(other.status).toBe(403);
    expect(Object.keys(other.headers).filter((name) => name.startsWith('access-control-'))).toEqual([]);
  });
});
