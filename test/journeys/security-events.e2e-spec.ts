// 安全审计 (issue 16, §6): sign-ins and their failures, lockouts, sign-outs, password changes, revocations,
// publications and refused case actions go to their own hash-chained log, which auditors alone read, filtered and
// paged; it never holds a password, a token or a reporter; a changed or removed event breaks its chain.
import { DEMO_ORG_UNITS, DEMO_PASSWORD, DEMO_USERS, insertUser } from '@dandang/persistence';
import type { SecurityEvent, SecurityEventPage } from '@dandang/contracts';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { act, register } from '../support/actions';
import { aClue } from '../support/clue';
import { aDrillPolicy } from '../support/drill-policy';
import { verifySecurityEvents } from '../../tools/verify/security-events';

/** A case officer who is a supervisor too: the four-eyes rule, not their role, stops them approving their own proposal. */
const LEAD = { id: '00000000-0000-4000-8000-0000000001c1', username: 'lead2', displayName: '组长 冯涛', roles: ['CASE_OFFICER' as const, 'SUPERVISOR' as const], orgUnitId: DEMO_ORG_UNITS.commission.id };
const WRONG_PASSWORD = 'Not-The-Password-42';

describe('the security-event log', () => {
  let h: ApiHarness;
  const secrets: string[] = [DEMO_PASSWORD, WRONG_PASSWORD, 'Autumn-2026!x'];
  const login = (username: string, password: string) => h.http.post('/api/auth/login').send({ username, password });
  const signIn = async (username: string, password = DEMO_PASSWORD) => {
    const token: string = (await login(username, password).expect(200)).body.accessToken;
    secrets.push(token);
    return token;
  };
  let caseId: string;
  let auditor: string;
  /** The log as `user` reads it; the auditor with one session, so that reading adds no sign-in between two pages. */
  const events = async (query: Record<string, string | number> = {}, user = 'auditor1') =>
    h.http.get('/api/audit/security-events').query(query).set('Authorization', `Bearer ${user === 'auditor1' ? auditor : await signIn(user)}`);
  const sql = (text: string, params: unknown[] = []) => h.workers.dataSource.query(text, params);

  beforeAll(async () => {
    h = await startApiHarness({ env: { LOGIN_MAX_FAILURES: '2', LOGIN_LOCK_SECONDS: '600' } });
    await insertUser(h.workers.dataSource, { ...LEAD, roles: [...LEAD.roles] }, DEMO_PASSWORD);

    // What an ordinary day leaves: sign-ins, a mistyped password, a username hammered until locked, a sign-out, a
    // password change, a revocation, publications, and a proposal its proposer tried to approve.
    const officer = await signIn('officer1');
    expect((await login('officer1', WRONG_PASSWORD)).status).toBe(401);
    for (let i = 0; i < 2; i++) expect((await login('intruder', WRONG_PASSWORD)).status).toBe(401);
    expect((await login('intruder', WRONG_PASSWORD)).status).toBe(429);
    await h.http.post('/api/auth/logout').set('Authorization', `Bearer ${officer}`).expect(204);
    await h.http.post('/api/auth/password').set('Authorization', `Bearer ${await signIn('officer2')}`)
      .send({ currentPassword: DEMO_PASSWORD, newPassword: 'Autumn-2026!x' }).expect(204);
    const admin = await signIn('admin1');
    await h.http.post(`/api/admin/users/${DEMO_USERS.supervisor2.id}/revoke-sessions`).set('Authorization', `Bearer ${admin}`)
      .send({ reason: '岗位调整 (moved to another post)' }).expect(204);
    await h.http.post('/api/admin/policies').set('Authorization', `Bearer ${admin}`).send(aDrillPolicy('audit-drill', { INTAKE: 900 })).expect(201);
    const calendar = (await h.http.get('/api/admin/calendars').set('Authorization', `Bearer ${admin}`)).body[0].data;
    await h.http.post('/api/admin/calendars').set('Authorization', `Bearer ${admin}`).send({ ...calendar, version: 'audit-drill-calendar' }).expect(201);

    const id: string = (caseId = (await register(h, 'intake1', aClue())).body.id);
    expect((await act(h, 'intake1', id, 'acceptClue', { assigneeId: LEAD.id })).status).toBe(200);
    const lead = await signIn(LEAD.username);
    await h.http.post(`/api/cases/${id}/actions/proposeDisposition`).set('Authorization', `Bearer ${lead}`).send({ disposition: 'CLOSE', reason: '反映内容不具体' }).expect(200);
    const own = await h.http.post(`/api/cases/${id}/actions/approve`).set('Authorization', `Bearer ${lead}`).send({});
    expect(own.body).toMatchObject({ statusCode: 403, reason: 'FOUR_EYES' });
    auditor = await signIn('auditor1');
  });
  afterAll(() => h.close());

  it('records each kind of event, newest first, with who, what about, why and from where', async () => {
    const page = (await events({ pageSize: 200 })).body as SecurityEventPage;
    const kinds = new Set(page.items.map((e) => e.kind));
    for (const kind of ['LOGIN_SUCCEEDED', 'LOGIN_FAILED', 'LOGIN_LOCKED', 'LOGGED_OUT', 'PASSWORD_CHANGED', 'TOKENS_REVOKED', 'POLICY_PUBLISHED', 'CALENDAR_PUBLISHED', 'ACTION_REFUSED']) {
      expect({ kind, recorded: kinds.has(kind as SecurityEvent['kind']) }).toEqual({ kind, recorded: true });
    }
    expect(page.items.map((e) => e.seq)).toEqual([...page.items.map((e) => e.seq)].sort((a, b) => b - a));
    const find = (kind: string) => page.items.find((e) => e.kind === kind)!;
    expect(find('TOKENS_REVOKED')).toMatchObject({ actorId: DEMO_USERS.admin1.id, actorName: 'admin1', subject: DEMO_USERS.supervisor2.id, reason: '岗位调整 (moved to another post)' });
    expect(find('POLICY_PUBLISHED')).toMatchObject({ actorName: 'admin1', subject: 'audit-drill' });
    expect(find('CALENDAR_PUBLISHED')).toMatchObject({ subject: 'audit-drill-calendar' });
    expect(find('ACTION_REFUSED')).toMatchObject({ actorId: LEAD.id, subject: caseId, reason: 'FOUR_EYES', details: { action: 'approve' } });
    expect(find('LOGIN_LOCKED')).toMatchObject({ actorId: null, actorName: 'intruder', details: { lockedUntil: expect.any(String) } });
    expect(page.items.filter((e) => e.kind === 'LOGIN_FAILED' && e.actorName === 'officer1')).toEqual([
      expect.objectContaining({ actorId: DEMO_USERS.officer1.id, reason: 'WRONG_PASSWORD', address: expect.stringMatching(/127\.0\.0\.1/) }),
    ]);
  });

  it('never holds a password or a token', async () => {
    const text = JSON.stringify((await events({ pageSize: 200 })).body);
    expect(secrets.filter((secret) => text.includes(secret))).toEqual([]);
    const [stored] = await sql(`SELECT string_agg(security_events::text, '') AS text FROM security_events`);
    expect(secrets.filter((secret) => stored.text.includes(secret))).toEqual([]);
  });

  it('filters by kind, actor and time, a page at a time', async () => {
    const failures = (await events({ kind: 'LOGIN_FAILED,LOGIN_LOCKED' })).body as SecurityEventPage;
    expect(new Set(failures.items.map((e) => e.kind))).toEqual(new Set(['LOGIN_FAILED', 'LOGIN_LOCKED']));
    const intruder = (await events({ actor: 'intruder' })).body as SecurityEventPage;
    expect(intruder.items.map((e) => e.kind).sort()).toEqual(['LOGIN_FAILED', 'LOGIN_FAILED', 'LOGIN_LOCKED']);
    const byId = (await events({ actor: DEMO_USERS.admin1.id, kind: 'TOKENS_REVOKED' })).body as SecurityEventPage;
    expect(byId.total).toBe(1);

    const all = (await events({ pageSize: 200 })).body as SecurityEventPage;
    const second = (await events({ page: 2, pageSize: 3 })).body as SecurityEventPage;
    expect(second).toMatchObject({ page: 2, pageSize: 3 });
    expect(second.total).toBe(all.total);
    expect(second.items.map((e) => e.seq)).toEqual(all.items.slice(3, 6).map((e) => e.seq));

    const future = new Date(Date.now() + 3_600_000).toISOString();
    expect((await events({ from: future })).body).toMatchObject({ items: [], total: 0 });
    expect((await events({ to: '2000-01-01T00:00:00Z' })).body).toMatchObject({ items: [], total: 0 });
    expect((await events({ kind: 'NOT_A_KIND' })).status).toBe(400);
    expect((await events({ from: 'yesterday' })).status).toBe(400);
  });

  it('is for auditors alone: others get 403, and nobody without a token', async () => {
    for (const user of ['admin1', 'officer1', 'supervisor1', 'intake1']) {
      expect({ user, status: (await events({}, user)).status }).toEqual({ user, status: 403 });
    }
    expect((await h.http.get('/api/audit/security-events')).status).toBe(401);
    expect((await h.http.get('/api/audit/security-events/verify').set('Authorization', `Bearer ${await signIn('admin1')}`)).status).toBe(403);
  });

  it('verifies its chain, and reports an event changed or removed behind the application’s back', async () => {
    const verify = async () => (await h.http.get('/api/audit/security-events/verify').set('Authorization', `Bearer ${auditor}`)).body;
    const sound = await verify();
    expect(sound).toMatchObject({ valid: true, events: expect.any(Number) });
    expect(await verifySecurityEvents(h.workers.dataSource)).toMatchObject({ valid: true });

    // The application's role may not change the log at all; its owner may not either while the trigger stands, and
    // only an insider with the owner's rights, playing here, switches that off.
    const owner = (text: string) => h.workers.database.asOwner(text);
    await expect(sql(`UPDATE security_events SET reason = '篡改' WHERE seq = 3`)).rejects.toThrow(/permission denied/);
    await expect(owner(`UPDATE security_events SET reason = '篡改' WHERE seq = 3`)).rejects.toThrow(/append-only/);
    const behindTheTrigger = (statement: string) =>
      owner(`BEGIN; ALTER TABLE security_events DISABLE TRIGGER USER; ${statement}; ALTER TABLE security_events ENABLE TRIGGER USER; COMMIT`);

    await behindTheTrigger(`UPDATE security_events SET actor_name = 'someone-else' WHERE seq = 3`);
    expect(await verifySecurityEvents(h.workers.dataSource)).toMatchObject({ valid: false, brokenAt: { seq: 3, problem: 'content does not match its hash' } });
    await behindTheTrigger('DELETE FROM security_events WHERE seq <= 3');
    expect(await verify()).toMatchObject({ valid: false, brokenAt: { seq: 4, problem: 'expected event 1, found 4' } });
  });
});
