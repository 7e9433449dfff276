import { createHmac } from 'node:crypto';
import { DEMO_ORG_UNITS, DEMO_USERS, insertUser } from '@dandang/persistence';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { act, get, register } from '../support/actions';
import { aClue } from '../support/clue';

const LEAD = { id: '00000000-0000-4000-8000-0000000001a1', username: 'lead1', displayName: '组长 钱进', roles: ['CASE_OFFICER', 'SUPERVISOR'] as const, orgUnitId: DEMO_ORG_UNITS.commission.id };
const DISTRICT_OFFICER = { id: '00000000-0000-4000-8000-0000000001a2', username: 'district1', displayName: '区承办人 孙丽', roles: ['CASE_OFFICER'] as const, orgUnitId: DEMO_ORG_UNITS.districtA.id };

describe('refusals through the HTTP API leave the case exactly as it was', () => {
  let h: ApiHarness;
  const tokenOf = async (username: string) =>
    (await h.http.post('/api/auth/login').send({ username, password: 'dandang-demo' }).expect(200)).body.accessToken as string;

  beforeAll(async () => {
    h = await startApiHarness();
    await insertUser(h.workers.dataSource, { ...LEAD, roles: [...LEAD.roles] }, 'dandang-demo');
    await insertUser(h.workers.dataSource, { ...DISTRICT_OFFICER, roles: [...DISTRICT_OFFICER.roles] }, 'dandang-demo');
  });
  afterAll(() => h.close());

  /**
   * The case and its timeline, to compare before and after a refusal: as supervisor3 sees them, who takes no part in
   * these cases (an auditor reads no case content, so not the proposal compared here).
   */
  async function snapshot(id: string) {
    const detail = (await get(h, 'supervisor3', `/api/cases/${id}`)).body;
    const timeline = (await get(h, 'supervisor3', `/api/cases/${id}/timeline`)).body;
    const history = (await h.workers.client.workflow.getHandle(`case-${id}`).fetchHistory()).events?.length;
    return { version: detail.version, stage: detail.stage, pendingApproval: detail.pendingApproval, assigneeId: detail.assigneeId, events: timeline.length, history };
  }

  async function caseInDisposition(assignee: string = DEMO_USERS.officer1.id, extra: Record<string, unknown> = {}) {
    const id = (await register(h, 'intake1', aClue(extra))).body.id as string;
    expect((await act(h, 'intake1', id, 'acceptClue', { assigneeId: assignee })).status).toBe(200);
    return id;
  }

  it('four eyes: neither the proposer nor the investigator may approve', async () => {
    const lead = await tokenOf('lead1');
    // lead1 is the assigned investigator and proposes; as a supervisor too, they still may not approve.
    const id = await caseInDisposition(LEAD.id);
    const proposed = await h.http.post(`/api/cases/${id}/actions/proposeDisposition`).set('Authorization', `Bearer ${lead}`)
      .send({ disposition: 'CLOSE', reason: '反映内容不具体' });
    expect(proposed.status).toBe(200);
    const before = await snapshot(id);
    const selfApproval = await h.http.post(`/api/cases/${id}/actions/approve`).set('Authorization', `Bearer ${lead}`).send({});
    expect(selfApproval.status).toBe(403);
    expect(selfApproval.body).toMatchObject({ reason: 'FOUR_EYES', statusCode: 403 });
    expect(await snapshot(id)).toEqual(before);

    // A supervisor who proposed (not the assignee) may not approve their own proposal either.
    const other = await caseInDisposition();
    await h.http.post(`/api/cases/${other}/actions/proposeDisposition`).set('Authorization', `Bearer ${lead}`)
      .send({ disposition: 'CLOSE', reason: '组长直接提出' }).expect(200);
    const own = await h.http.post(`/api/cases/${other}/actions/approve`).set('Authorization', `Bearer ${lead}`).send({});
    expect(own.body).toMatchObject({ statusCode: 403, reason: 'FOUR_EYES' });
    expect((await act(h, 'supervisor1', other, 'approve', {})).body.stage).toBe('CLOSED');
  });

  it('recusal: the subject, and anyone who declared a conflict, can never act on the case, which does not exist for them', async () => {
    const id = (await register(h, 'intake1', aClue({ subject: { name: '赵敏', position: '科长', orgUnitId: DEMO_ORG_UNITS.commission.id, userId: DEMO_USERS.officer2.id } }))).body.id;
    const before = await snapshot(id);
    const bySubject = await act(h, 'officer2', id, 'acceptClue', {});
    expect(bySubject.body).toMatchObject({ statusCode: 404, reason: 'NOT_FOUND' });
    const toSubject = await act(h, 'intake1', id, 'acceptClue', { assigneeId: DEMO_USERS.officer2.id });
    expect(toSubject.body).toMatchObject({ statusCode: 403, reason: 'RECUSAL' });
    expect(await snapshot(id)).toEqual(before);
    // Recused, the case does not exist for them (case-sight.e2e-spec.ts covers every read path).
    expect((await get(h, 'officer2', `/api/cases/${id}`)).status).toBe(404);

    const declared = await caseInDisposition();
    expect((await act(h, 'officer1', declared, 'declareConflict', { reason: '与被反映人系同学关系' })).status).toBe(200);
    const afterDeclaring = await act(h, 'officer1', declared, 'proposeDisposition', { disposition: 'CLOSE', reason: 'x' });
    expect(afterDeclaring.body).toMatchObject({ statusCode: 404, reason: 'NOT_FOUND' });
  });

  it('409: a wrong-stage action or a stale expectedVersion changes nothing and says why', async () => {
    const id = await caseInDisposition();
    const before = await snapshot(id);
    const wrongStage = await act(h, 'officer1', id, 'serveDecision', { servedAt: new Date().toISOString(), method: 'IN_PERSON' });
    expect(wrongStage.status).toBe(409);
    expect(wrongStage.body).toMatchObject({ reason: 'WRONG_STAGE', message: expect.stringContaining('线索处置') });
    const stale = await act(h, 'officer1', id, 'proposeDisposition', { disposition: 'CLOSE', reason: '了结', expectedVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.reason).toBe('STALE_VERSION');
    const noProposal = await act(h, 'supervisor1', id, 'approve', {});
    expect(noProposal.body).toMatchObject({ statusCode: 409, reason: 'NO_PENDING_APPROVAL' });
    expect(await snapshot(id)).toEqual(before);
    const current = await act(h, 'officer1', id, 'proposeDisposition', { disposition: 'CLOSE', reason: '了结', expectedVersion: before.version });
    expect(current.status).toBe(200);
  });

  it('400: bad payloads name their fields and create nothing', async () => {
    const count = async () => (await h.workers.dataSource.query('SELECT (SELECT count(*) FROM cases) AS c, (SELECT count(*) FROM case_reporters) AS r'))[0];
    const before = await count();
    const cases: [Record<string, unknown>, string][] = [
      [aClue({ title: '' }), 'title'],
      [aClue({ channel: 'TWITTER' }), 'channel'],
      [aClue({ subject: { name: '张三', position: '主任', orgUnitId: 'not-a-uuid' } }), 'subject.orgUnitId'],
      [aClue({ subject: { name: '张三', position: '主任', orgUnitId: '11111111-1111-4111-8111-111111111111' } }), 'subject.orgUnitId'],
      [aClue({ unexpected: 'x' }), 'unexpected'],
      [aClue({ receivedAt: '2026-13-45' }), 'receivedAt'],
      [aClue({ receivedAt: new Date(Date.now() + 86_400_000).toISOString() }), 'receivedAt'],
      [aClue({ reporter: undefined }), 'reporter'],
      [aClue({ anonymous: true }), 'reporter'],
    ];
    for (const [body, field] of cases) {
      const res = await register(h, 'intake1', body);
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
    }
    const malformed = await h.http.post('/api/cases').set('Authorization', `Bearer ${await h.token('intake1')}`)
      .set('Content-Type', 'application/json').send('{"title": ');
    expect(malformed.status).toBe(400);
    expect(await count()).toEqual(before);

    const id = await caseInDisposition();
    const snap = await snapshot(id);
    const badAction = await act(h, 'officer1', id, 'proposeDisposition', { disposition: 'MAYBE', reason: '', extra: 1 });
    expect(badAction.status).toBe(400);
    expect(badAction.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['disposition', 'extra', 'reason']);
    expect((await act(h, 'officer1', id, 'flyToMoon', {})).status).toBe(404);
    const notAnOfficer = await act(h, 'officer1', id, 'reassign', { toUserId: DEMO_USERS.auditor1.id, reason: '改派' });
    expect(notAnOfficer.body).toMatchObject({ statusCode: 400, fields: [{ field: 'toUserId' }] });
    expect(await snapshot(id)).toEqual(snap);
  });

  it('a repeated Idempotency-Key returns the first response and changes nothing', async () => {
    const key = { 'Idempotency-Key': `register-${Date.now()}` };
    const clue = aClue({ title: '幂等登记' });
    const first = await register(h, 'intake1', clue, key);
    const again = await register(h, 'intake1', clue, key);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect((await h.workers.dataSource.query(`SELECT count(*)::int AS n FROM cases WHERE title = '幂等登记'`))[0].n).toBe(1);
    const reused = await register(h, 'intake1', aClue({ title: '另一条线索' }), key);
    expect(reused.body).toMatchObject({ statusCode: 409, reason: 'IDEMPOTENCY_KEY_REUSED' });

    const id = first.body.id;
    const actionKey = { 'Idempotency-Key': `accept-${id}` };
    const accepted = await act(h, 'officer1', id, 'acceptClue', {}, actionKey);
    const repeated = await act(h, 'officer1', id, 'acceptClue', {}, actionKey);
    expect(repeated.status).toBe(200);
    expect(repeated.body).toEqual(accepted.body);
    expect((await snapshot(id)).version).toBe(2);
    expect((await act(h, 'officer1', id, 'acceptClue', {}, { 'Idempotency-Key': 'bad key with spaces' })).body.fields[0].field).toBe('Idempotency-Key');
  });

  it('401 without a valid token, 403 for the wrong role, 404 outside the org subtree', async () => {
    expect((await h.http.get('/api/cases')).status).toBe(401);
    expect((await h.http.get('/api/tasks').set('Authorization', 'Bearer not-a-jwt')).status).toBe(401);
    expect((await h.http.post('/api/auth/login').send({ username: 'officer1', password: 'wrong' })).status).toBe(401);
    expect((await register(h, 'auditor1', aClue())).status).toBe(403);
    const id = await caseInDisposition();
    expect((await get(h, 'officer1', `/api/audit/verify?caseId=${id}`)).status).toBe(403);
    expect((await get(h, 'auditor1', `/api/audit/verify?caseId=${id}`)).body.valid).toBe(true);
    expect((await act(h, 'auditor1', id, 'proposeDisposition', { disposition: 'CLOSE', reason: 'x' })).body).toMatchObject({ statusCode: 403, reason: 'ROLE' });
    expect((await act(h, 'officer2', id, 'proposeDisposition', { disposition: 'CLOSE', reason: 'x' })).body).toMatchObject({ statusCode: 403, reason: 'NOT_ASSIGNEE' });

    const district = await tokenOf('district1');
    expect((await h.http.get(`/api/cases/${id}`).set('Authorization', `Bearer ${district}`)).status).toBe(404);
    const list = await h.http.get('/api/cases').set('Authorization', `Bearer ${district}`);
    expect(list.body.items.map((c: { id: string }) => c.id)).not.toContain(id);
  });

  it('names a case by its number as by its id, to those who may see it; 404 for others, unknown numbers and other text', async () => {
    const id = await caseInDisposition();
    const byId = (await get(h, 'officer1', `/api/cases/${id}`)).body;
    const byNumber = await get(h, 'officer1', `/api/cases/${byId.number}`);
    expect(byNumber.status).toBe(200);
    expect(byNumber.body).toEqual(byId);
    const district = await tokenOf('district1');
    expect((await h.http.get(`/api/cases/${byId.number}`).set('Authorization', `Bearer ${district}`)).status).toBe(404);
    expect((await get(h, 'officer1', '/api/cases/DD-1999-000001')).body).toMatchObject({ statusCode: 404, message: 'case not found' });
    for (const ref of ['DD-2026-1', 'dd-2026-000001', `${byId.number}x`]) {
      expect((await get(h, 'officer1', `/api/cases/${encodeURIComponent(ref)}`)).body).toMatchObject({ statusCode: 404, message: expect.stringContaining('case not found') });
    }
    // Only reading names a case by number: actions and the timeline take its id.
    expect((await get(h, 'officer1', `/api/cases/${byId.number}/timeline`)).status).toBe(404);
    expect((await act(h, 'officer1', byId.number, 'proposeDisposition', { disposition: 'CLOSE', reason: 'x' })).status).toBe(404);
  });

  it('accepts a bearer token only when signed with HS256 and the configured secret, and not expired', async () => {
    const base64url = (value: object | Buffer) => (Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value))).toString('base64url');
    const tokenSignedWith = (alg: string, secret: string | undefined, claims: object) => {
      const unsigned = `${base64url({ alg, typ: 'JWT' })}.${base64url(claims)}`;
      const hmac = alg === 'none' || !secret ? undefined : createHmac(alg === 'HS512' ? 'sha512' : 'sha256', secret).update(unsigned).digest();
      return `${unsigned}.${hmac ? base64url(hmac) : ''}`;
    };
    const now = Math.floor(Date.now() / 1000);
    // The id of a session signed in for real: a token stands for a session the server keeps, whoever signed it.
    const { jti } = JSON.parse(Buffer.from((await h.token('officer1')).split('.')[1], 'base64url').toString());
    const claims = { sub: DEMO_USERS.officer1.id, username: 'officer1', jti, iat: now, exp: now + 60 };
    const status = async (token: string) => (await h.http.get('/api/cases').set('Authorization', `Bearer ${token}`)).status;

    expect(await status(tokenSignedWith('HS256', h.config.jwtSecret, claims))).toBe(200);
    expect(await status(tokenSignedWith('HS256', `${h.config.jwtSecret}-but-another`, claims))).toBe(401);
    expect(await status(tokenSignedWith('none', undefined, claims))).toBe(401);
    expect(await status(tokenSignedWith('HS512', h.config.jwtSecret, claims))).toBe(401);
    expect(await status(tokenSignedWith('HS256', h.config.jwtSecret, { ...claims, exp: now - 10 }))).toBe(401);
  });

  it('answers a burst of logins correctly (password checks take turns)', async () => {
    const attempts = ['officer1', 'officer2', 'supervisor1', 'intake1', 'auditor1', 'admin1'].map((username, i) =>
      h.http.post('/api/auth/login').send({ username, password: i % 2 ? 'dandang-demo' : 'wrong-password' }),
    );
    const statuses = (await Promise.all(attempts)).map((r) => r.status);
    expect(statuses).toEqual([401, 200, 401, 200, 401, 200]);
  });
});
