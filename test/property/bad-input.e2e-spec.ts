import fc from 'fast-check';
import type { Response } from 'supertest';
import { ACTION_NAMES } from '@dandang/contracts';
import { DEMO_USERS } from '@dandang/persistence';
import { startApiHarness, type ApiHarness, type DemoUserName } from '../support/api-harness';
import { act, register } from '../support/actions';
import { aClue } from '../support/clue';

/**
 * Bad input of every kind, generated: no answer is ever a 5xx, every refusal is a 4xx whose JSON body names the
 * problem, and a refused request changes no table and no case.
 */
describe('bad input at every endpoint', () => {
  let h: ApiHarness;
  let target: string;
  const USERS: DemoUserName[] = ['intake1', 'officer1', 'supervisor1', 'auditor1'];
  const RUNS = 25;

  beforeAll(async () => {
    h = await startApiHarness({ listen: true });
    target = (await register(h, 'intake1', aClue())).body.id;
    await act(h, 'intake1', target, 'acceptClue', { assigneeId: DEMO_USERS.officer1.id }).then((r) => expect(r.status).toBe(200));
    for (const u of USERS) await h.token(u);
  });
  afterAll(() => h.close());

  /** Bytes exactly as given (supertest would serialize a Buffer as JSON): through a real socket with fetch. */
  async function raw(path: string, token: string, body: Buffer | string, type = 'application/json') {
    const res = await fetch(`${h.baseUrl}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': type },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: res.status, text, body: parsed as Record<string, unknown> | undefined, headers: { 'content-type': res.headers.get('content-type') ?? '' } };
  }

  /** Everything a refused request must leave as it was. */
  async function snapshot(): Promise<Record<string, unknown>> {
    const [row] = await h.workers.dataSource.query(
      `SELECT (SELECT count(*) FROM cases)::int AS cases, (SELECT count(*) FROM case_reporters)::int AS reporters,
         (SELECT count(*) FROM audit_events)::int AS audit, (SELECT count(*) FROM idempotency_keys)::int AS keys,
         (SELECT version FROM cases WHERE id = $1) AS version, (SELECT md5(state::text) FROM cases WHERE id = $1) AS state`,
      [target],
    );
    return row;
  }

  /** The answer is no 5xx; a refusal is a 4xx with a JSON body naming the problem, and changed nothing. */
  function expectSound(res: Pick<Response, 'status' | 'text' | 'body' | 'headers'>, before: Record<string, unknown>, after: Record<string, unknown>, what: string): void {
    const context = `${what} → ${res.status} ${res.text.slice(0, 300)}`;
    const problems: string[] = [];
    if (res.status >= 500) problems.push('a 5xx answer');
    if (res.status >= 400) {
      if (!/^application\/json/.test(String(res.headers['content-type']))) problems.push('a refusal that is not JSON');
      if (res.body?.statusCode !== res.status) problems.push('statusCode missing or different from the status');
      if (typeof res.body?.reason !== 'string' || !/^[A-Z_]+$/.test(res.body.reason)) problems.push('no reason code');
      if (typeof res.body?.message !== 'string') problems.push('no message');
      // Every 400 names its fields; a body that cannot be parsed at all names `body`.
      if (res.status === 400 && !(Array.isArray(res.body?.fields) && res.body.fields.length > 0)) problems.push('a 400 that names no field');
      if (JSON.stringify(after) !== JSON.stringify(before)) problems.push(`a refusal that changed data: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
    }
    expect({ context, problems }).toEqual({ context, problems: [] });
  }

  const weirdText = fc.oneof(
    fc.string({ maxLength: 40 }),
    // Without NUL: a known defect left out of this suite (see the end of this file).
    fc.string({ unit: 'grapheme', maxLength: 20 }).filter((t) => !t.includes('\u0000')),
    fc.constantFrom(
      "'; DROP TABLE cases; --",
      "' OR '1'='1",
      '<script>alert(1)</script>',
      '"><img src=x onerror=alert(1)>',
      '${7*7}{{7*7}}',
      '%s%n%x',
      '../../etc/passwd',
      '🙂 多字节 ‮RTL',
    ),
  );
  const anyValue = fc.oneof(weirdText, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(weirdText, { maxLength: 3 }), fc.dictionary(weirdText, weirdText, { maxKeys: 3 }));

  it('registration: mutated, extended and truncated clues are stored as typed (trimmed) or refused', async () => {
    const fields = Object.keys(aClue());
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), field: fc.constantFrom(...fields, 'subject.name', 'subject.orgUnitId', 'reporter.contact'), value: anyValue }),
      fc.record({ kind: fc.constant('unknown' as const), field: fc.string({ minLength: 1, maxLength: 12 }), value: anyValue }),
      fc.record({ kind: fc.constant('drop' as const), field: fc.constantFrom(...fields) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        const body = aClue() as Record<string, unknown>;
        for (const m of mutations) {
          const [head, tail] = m.field.split('.');
          if (m.kind === 'drop') delete body[head];
          else if (tail && typeof body[head] === 'object' && body[head] !== null) body[head] = { ...(body[head] as object), [tail]: m.value };
          else body[m.kind === 'unknown' ? `x_${m.field}` : m.field] = m.value;
        }
        const before = await snapshot();
        const res = await register(h, 'intake1', body);
        expectSound(res, before, await snapshot(), `POST /api/cases ${JSON.stringify(body)}`);
        if (res.status === 201) {
          const stored = await h.workers.dataSource.query('SELECT title, summary FROM cases WHERE id = $1', [res.body.id]);
          expect(stored).toEqual([{ title: (body.title as string).trim(), summary: (body.summary as string).trim() }]);
          expect(stored[0].title && stored[0].summary).not.toBe('');
        }
      }),
      // Found by an earlier run: a title of spaces alone was recorded empty; it is refused now.
      { numRuns: RUNS, examples: [[[{ kind: 'set', field: 'title', value: ' ' }]]] },
    );
  });

  it('actions: every action name with arbitrary payloads, as any user, is applied or refused without a trace', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...ACTION_NAMES),
        fc.constantFrom(...USERS),
        fc.oneof(fc.dictionary(fc.oneof(fc.constantFrom('reason', 'disposition', 'assigneeId', 'expectedVersion', 'comment', 'summary'), fc.string({ maxLength: 8 })), anyValue, { maxKeys: 4 }), anyValue),
        async (action, user, body) => {
          const before = await snapshot();
          // Any JSON value, sent as it is: supertest would refuse to send a bare number itself.
          const res = await h.http
            .post(`/api/cases/${target}/actions/${action}`)
            .set('Authorization', `Bearer ${await h.token(user)}`)
            .set('Content-Type', 'application/json')
            .send(JSON.stringify(body));
          expectSound(res, before, await snapshot(), `${user} POST ${action} ${JSON.stringify(body)}`);
        },
      ),
      { numRuns: ACTION_NAMES.length * 3 },
    );
  });

  it('path parameters: odd case ids and action names are a 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(weirdText, fc.uuid(), fc.constant(target)),
        fc.oneof(weirdText, fc.constantFrom(...ACTION_NAMES), fc.constantFrom('__proto__', 'constructor', 'toString')),
        async (id, action) => {
          const before = await snapshot();
          const token = await h.token('officer1');
          const path = `/api/cases/${encodeURIComponent(id)}/actions/${encodeURIComponent(action)}`;
          const res = await h.http.post(path).set('Authorization', `Bearer ${token}`).send({ reason: 'x' });
          const afterPost = await snapshot();
          expectSound(res, before, afterPost, `POST ${path}`);
          // From what the POST left: an accepted one (a declared conflict, say) may rightly make the reads 404.
          for (const read of [`/api/cases/${encodeURIComponent(id)}`, `/api/cases/${encodeURIComponent(id)}/timeline`]) {
            const r = await h.http.get(read).set('Authorization', `Bearer ${token}`);
            expectSound(r, afterPost, await snapshot(), `GET ${read}`);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('list queries: arbitrary query parameters answer 200 or a 400 naming the field', async () => {
    const key = fc.oneof(fc.constantFrom('stage', 'channel', 'assignee', 'orgUnit', 'q', 'page', 'pageSize', 'sort', 'order'), fc.string({ minLength: 1, maxLength: 6 }));
    const value = fc.oneof(weirdText, fc.integer().map(String), fc.constantFrom('-1', '0', '1e9', 'NaN', 'SERVED', 'asc', '[object Object]'));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(key, value), { maxLength: 4 }), async (pairs) => {
        const query = new URLSearchParams(pairs).toString();
        const before = await snapshot();
        const res = await h.http.get(`/api/cases?${query}`).set('Authorization', `Bearer ${await h.token('officer1')}`);
        expectSound(res, before, await snapshot(), `GET /api/cases?${query}`);
        if (res.status === 200) expect(res.body).toMatchObject({ items: expect.any(Array) });
        const tasks = await h.http.get(`/api/tasks?${query}`).set('Authorization', `Bearer ${await h.token('officer1')}`);
        expectSound(tasks, before, await snapshot(), `GET /api/tasks?${query}`);
        const audit = await h.http.get(`/api/audit/verify?${query}`).set('Authorization', `Bearer ${await h.token('auditor1')}`);
        expectSound(audit, before, await snapshot(), `GET /api/audit/verify?${query}`);
      }),
      { numRuns: RUNS },
    );
  });

  it('headers: odd Idempotency-Keys, content types and authorization are answered soundly', async () => {
    const printable = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 220 });
    const contentType = fc.constantFrom(
      'text/plain', 'application/xml', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x',
      'application/json; charset=latin1', 'application/json; charset=utf-16', 'application/json; charset=utf-8', 'application/json',
    );
    await fc.assert(
      fc.asyncProperty(fc.option(printable), contentType, fc.option(printable), fc.boolean(), async (key, type, auth, toAction) => {
        const before = await snapshot();
        const req = (toAction ? h.http.post(`/api/cases/${target}/actions/declareConflict`) : h.http.post('/api/cases'))
          .set('Authorization', auth ?? `Bearer ${await h.token('officer2')}`)
          .set('Content-Type', type);
        if (key !== null) req.set('Idempotency-Key', key);
        // officer2 declaring a conflict would change the case; an empty reason keeps the request a refusal.
        const res = await req.send(toAction ? JSON.stringify({ reason: '' }) : JSON.stringify({ title: '' }));
        expectSound(res, before, await snapshot(), `POST (${type}, key ${JSON.stringify(key)}, auth ${JSON.stringify(auth)})`);
        expect(res.status).toBeGreaterThanOrEqual(400);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  it('oversized bodies are a 413; malformed JSON and invalid UTF-8 a 400 — never a 5xx', async () => {
    const token = await h.token('intake1');
    const cases: { what: string; body: Buffer | string; type?: string; status: number[] }[] = [
      { what: 'a 300 kB clue', body: JSON.stringify(aClue({ summary: '长'.repeat(100_000) })), status: [413] },
      { what: 'a 2 MB blob', body: Buffer.alloc(2_000_000, 0x61), status: [413] },
      { what: 'truncated JSON', body: '{"title":"x",', status: [400] },
      { what: 'a JSON array', body: '[1,2,3]', status: [400] },
      { what: 'a bare JSON string', body: '"title"', status: [400] },
      { what: 'NaN in JSON', body: '{"title":NaN}', status: [400] },
      { what: 'duplicate keys', body: '{"title":"a","title":"b"}', status: [400] },
      { what: 'a deeply nested object', body: '{"title":'.repeat(2000) + '1' + '}'.repeat(2000), status: [400, 413] },
      { what: 'a prototype-pollution key', body: JSON.stringify(aClue()).replace(/^\{/, '{"__proto__":{"admin":true},'), status: [400, 201] },
    ];
    for (const c of cases) {
      const before = await snapshot();
      const res = await raw('/api/cases', token, c.body, c.type);
      expectSound(res, before, await snapshot(), c.what);
      expect({ what: c.what, status: c.status.includes(res.status) ? 'as expected' : res.status }).toEqual({ what: c.what, status: 'as expected' });
    }
  });

  it.each([
    ['a NUL character', 'a\u0000b'],
    ['a lone surrogate', 'a\ud800b'],
  ])('%s in a text field is refused with 400 naming the field, and nothing is created', async (_what, title) => {
    const before = await snapshot();
    const res = await raw('/api/cases', await h.token('intake1'), JSON.stringify(aClue({ title })));
    expect(res.status).toBe(400);
    expect(res.body?.fields).toEqual([expect.objectContaining({ field: "title" })]);
    expectSound(res, before, await snapshot(), `title ${JSON.stringify(title)}`);
  });

  it('invalid UTF-8 bytes are refused with 400 — never stored, never a 5xx', async () => {
    const token = await h.token('intake1');
    const [head, tail] = JSON.stringify(aClue({ title: 'TITLE' })).split('TITLE');
    const body = Buffer.concat([Buffer.from(head), Buffer.from([0x61, 0xff, 0xfe, 0xc3]), Buffer.from(tail)]);
    const before = await snapshot();
    const res = await raw('/api/cases', token, body);
    expectSound(res, before, await snapshot(), `invalid UTF-8 in the title: ${body.toString('latin1').slice(0, 60)}`);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ reason: 'INVALID_INPUT', message: expect.stringContaining('UTF-8'), fields: [{ field: 'body' }] });
  });
});
