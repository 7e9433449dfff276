import { DEMO_ORG_UNITS, DEMO_PASSWORD, DEMO_USERS, insertUser } from '@dandang/persistence';
import { startApiHarness, type ApiHarness, type DemoUserName } from '../support/api-harness';
import { act, get, register } from '../support/actions';
import { aClue } from '../support/clue';
import { aDrillPolicy, eventually } from '../support/drill-policy';

/** A second intake officer, and an intake head who is both an intake officer and a custodian under the drill policy. */
const INTAKE2 = { id: '00000000-0000-4000-8000-0000000001a1', username: 'intake2', displayName: '受理员 钱多', roles: ['INTAKE_OFFICER' as const], orgUnitId: DEMO_ORG_UNITS.commission.id };
const INTAKE_HEAD = {
  id: '00000000-0000-4000-8000-0000000001a2',
  username: 'intakehead',
  displayName: '信访室主任 冯远',
  roles: ['INTAKE_OFFICER' as const, 'SUPERVISOR' as const],
  orgUnitId: DEMO_ORG_UNITS.commission.id,
};
type Who = DemoUserName | 'intake2' | 'intakehead';

/**
 * 检举控告人信息保密: no answer carries a real-name reporter's identity but a reveal. An intake officer asks with a
 * reason, the custodian the policy names (保密责任人) approves or refuses, and the identity is shown to that officer
 * alone, for the time the policy sets; every step is in the case's audit trail and every showing in the security log.
 */
describe("revealing a real-name reporter's identity (request, custodian's approval, recorded showing)", () => {
  let h: ApiHarness;
  const tokens = new Map<string, string>();
  const token = async (who: Who): Promise<string> => {
    if (who !== 'intake2' && who !== 'intakehead') return h.token(who);
    if (!tokens.has(who)) tokens.set(who, (await h.http.post('/api/auth/login').send({ username: who, password: DEMO_PASSWORD }).expect(200)).body.accessToken);
    return tokens.get(who)!;
  };
  const as = async (who: Who) => ({ Authorization: `Bearer ${await token(who)}` });
  const reporterOf = async (who: Who, caseId: string) => h.http.get(`/api/cases/${caseId}/reporter`).set(await as(who));
  const actAs = async (who: Who, caseId: string, action: string, body: Record<string, unknown>) =>
    h.http.post(`/api/cases/${caseId}/actions/${action}`).set(await as(who)).send(body);
  let n = 0;
  const aReporter = () => ({ name: `实名举报人${++n}号`, contact: `1390000${String(1000 + n)}` });

  beforeAll(async () => {
    h = await startApiHarness();
    await insertUser(h.workers.dataSource, INTAKE2, DEMO_PASSWORD);
    await insertUser(h.workers.dataSource, INTAKE_HEAD, DEMO_PASSWORD);
  });
  afterAll(() => h.close());

  describe('under the demo policy, whose custodian is custodian1', () => {
    it('shows the identity to no one at registration, nor on any read of the case', async () => {
      const reporter = aReporter();
      const created = await register(h, 'intake1', aClue({ reporter }));
      expect(created.status).toBe(201);
      expect(created.body.reporter).toEqual({ anonymous: false, myRequest: null, awaitingMe: [] });
      const id: string = created.body.id;
      for (const who of ['intake1', 'officer1', 'supervisor1', 'custodian1', 'auditor1'] as const) {
        for (const path of [`/api/cases/${id}`, `/api/cases/${id}/timeline`, '/api/cases?pageSize=100', '/api/tasks']) {
          const answer = await get(h, who, path);
          expect(answer.status).toBe(200);
          expect(answer.text).not.toContain(reporter.name);
          expect(answer.text).not.toContain(reporter.contact);
        }
      }
      expect((await reporterOf('intake1', id)).body).toMatchObject({ reason: 'NO_REVEAL_GRANT' });
    });

    it('lets the intake officer see it once the custodian approved, and no one else', async () => {
      const reporter = aReporter();
      const id: string = (await register(h, 'intake1', aClue({ reporter }))).body.id;
      // Only intake officers ask.
      expect((await act(h, 'officer1', id, 'requestReporterIdentity', { reason: '核实需要' })).status).toBe(403);
      expect((await act(h, 'intake1', id, 'requestReporterIdentity', {})).status).toBe(400);

      const requested = await act(h, 'intake1', id, 'requestReporterIdentity', { reason: '需电话告知实名举报人受理情况' });
      expect(requested.status).toBe(200);
      expect(requested.body.reporter.myRequest).toMatchObject({ seq: 1, status: 'PENDING', requestedBy: DEMO_USERS.intake1.id });
      expect((await reporterOf('intake1', id)).status).toBe(403);

      // The custodian's queue and view show the request; another supervisor's do not, and they may not decide.
      const queue = await get(h, 'custodian1', '/api/reporter-reveals');
      expect(queue.body).toEqual(expect.arrayContaining([expect.objectContaining({ caseId: id, request: expect.objectContaining({ seq: 1, reason: '需电话告知实名举报人受理情况' }) })]));
      expect((await get(h, 'supervisor1', '/api/reporter-reveals')).body).toEqual([]);
      expect((await get(h, 'custodian1', `/api/cases/${id}`)).body.availableActions.map((a: { name: string }) => a.name)).toEqual(
        expect.arrayContaining(['approveReporterIdentity', 'refuseReporterIdentity']),
      );
      expect((await act(h, 'supervisor1', id, 'approveReporterIdentity', { seq: 1, reason: '同意' })).body).toMatchObject({ reason: 'NOT_CUSTODIAN' });
      expect((await act(h, 'custodian1', id, 'approveReporterIdentity', { seq: 1 })).status).toBe(400);

      const approved = await act(h, 'custodian1', id, 'approveReporterIdentity', { seq: 1, reason: '告知受理情况确有必要' });
      expect(approved.status).toBe(200);
      expect(approved.text).not.toContain(reporter.contact);

      const shown = await reporterOf('intake1', id);
      expect(shown.status).toBe(200);
      expect(shown.body).toMatchObject({ caseId: id, name: reporter.name, contact: reporter.contact, seq: 1, expiresAt: expect.any(String) });
      expect(Date.parse(shown.body.expiresAt) - Date.now()).toBeGreaterThan(23 * 3600_000);
      expect((await get(h, 'intake1', `/api/cases/${id}`)).body.reporter.myRequest).toMatchObject({ status: 'APPROVED', decidedBy: DEMO_USERS.custodian1.id });

      // Another intake officer, the custodian, a case officer or an auditor: 403; an administrator sees no case: 404.
      for (const who of ['intake2', 'custodian1', 'officer1', 'auditor1'] as const) expect((await reporterOf(who, id)).status).toBe(403);
      expect((await reporterOf('admin1', id)).status).toBe(404);
      expect((await reporterOf('intake1', '00000000-0000-4000-8000-00000000dead')).status).toBe(404);
    });

    it('keeps it sealed after a refusal, and from an officer who declared a conflict', async () => {
      const reporter = aReporter();
      const id: string = (await register(h, 'intake1', aClue({ reporter }))).body.id;
      await actAs('intake2', id, 'requestReporterIdentity', { reason: '需回访举报人' }).then((r) => expect(r.status).toBe(200));
      const refused = await act(h, 'custodian1', id, 'refuseReporterIdentity', { seq: 1, reason: '可由信访室书面答复，无须查看' });
      expect(refused.status).toBe(200);
      expect((await reporterOf('intake2', id)).body).toMatchObject({ reason: 'NO_REVEAL_GRANT' });
      const view = await h.http.get(`/api/cases/${id}`).set(await as('intake2'));
      expect(view.body.reporter.myRequest).toMatchObject({ status: 'REFUSED', decisionReason: '可由信访室书面答复，无须查看' });
      // Decided once: no second decision on the same request.
      expect((await act(h, 'custodian1', id, 'approveReporterIdentity', { seq: 1, reason: '改为同意' })).body).toMatchObject({ reason: 'NO_PENDING_REVEAL' });

      await act(h, 'intake1', id, 'declareConflict', { reason: '与举报人系同学' }).then((r) => expect(r.status).toBe(200));
      expect((await act(h, 'intake1', id, 'requestReporterIdentity', { reason: '回避后仍申请' })).status).toBe(404);
      expect((await reporterOf('intake1', id)).status).toBe(404);
    });

    it('has nothing to reveal of an anonymous report', async () => {
      const id: string = (await register(h, 'intake1', aClue({ reporter: undefined, anonymous: true }))).body.id;
      expect((await get(h, 'intake1', `/api/cases/${id}`)).body.reporter).toEqual({ anonymous: true, myRequest: null, awaitingMe: [] });
      expect((await act(h, 'intake1', id, 'requestReporterIdentity', { reason: '核实' })).body).toMatchObject({ reason: 'ANONYMOUS_REPORT' });
    });
  });

  describe('under a policy with an intake head as a second custodian, and a two-second reveal', () => {
    let id: string;
    const reporter = aReporter();
    /** How many times the identity was shown to the intake head: each showing must be in the log. */
    let showings = 0;
    beforeAll(async () => {
      const policy = aDrillPolicy('drill-reveal', { INTAKE: 600 }, {
        reporterIdentity: { custodianUserIds: [DEMO_USERS.custodian1.id, INTAKE_HEAD.id], custodianRoles: [], revealSeconds: 2 },
      });
      await h.http.post('/api/admin/policies').set('Authorization', `Bearer ${await h.token('admin1')}`).send(policy).expect(201);
      id = (await register(h, 'intake1', aClue({ reporter }))).body.id;
    });

    it('never lets the requester approve their own request, custodian though they are (four eyes)', async () => {
      await actAs('intakehead', id, 'requestReporterIdentity', { reason: '督办需要联系举报人' }).then((r) => expect(r.status).toBe(200));
      const own = await actAs('intakehead', id, 'approveReporterIdentity', { seq: 1, reason: '自批' });
      expect(own.status).toBe(403);
      expect(own.body).toMatchObject({ reason: 'FOUR_EYES' });
      expect((await get(h, 'custodian1', '/api/reporter-reveals')).body.map((p: { caseId: string }) => p.caseId)).toContain(id);
      expect((await h.http.get('/api/reporter-reveals').set(await as('intakehead'))).body).toEqual([]);
    });

    it('stops showing it once the time the policy sets is over', async () => {
      await act(h, 'custodian1', id, 'approveReporterIdentity', { seq: 1, reason: '同意，限时查看' }).then((r) => expect(r.status).toBe(200));
      const shown = await reporterOf('intakehead', id);
      expect(shown.body).toMatchObject({ name: reporter.name, contact: reporter.contact });
      showings++;
      const expired = await eventually(async () => {
        const answer = await reporterOf('intakehead', id);
        if (answer.status === 200) showings++;
        return answer.status === 403 ? answer : undefined;
      }, 10_000, 'the reveal to expire');
      expect(expired.body).toMatchObject({ reason: 'REVEAL_EXPIRED' });
      expect((await h.http.get(`/api/cases/${id}`).set(await as('intakehead'))).body.reporter.myRequest).toMatchObject({ status: 'EXPIRED' });
      // Once expired, the officer may ask again.
      expect((await actAs('intakehead', id, 'requestReporterIdentity', { reason: '再次联系举报人' })).body.reporter.myRequest).toMatchObject({ seq: 2, status: 'PENDING' });
    });

    it('puts request and approval in the case timeline and audit chain, without the identity', async () => {
      const timeline = await get(h, 'auditor1', `/api/cases/${id}/timeline`);
      const steps = timeline.body.filter((e: { action: string }) => e.action.endsWith('ReporterIdentity'));
      expect(steps.map((e: { action: string; actor: { id: string } }) => [e.action, e.actor.id])).toEqual([
        ['requestReporterIdentity', INTAKE_HEAD.id],
        ['approveReporterIdentity', DEMO_USERS.custodian1.id],
        ['requestReporterIdentity', INTAKE_HEAD.id],
      ]);
      expect(timeline.text).not.toContain(reporter.name);
      expect(timeline.text).not.toContain(reporter.contact);
      const officerTimeline = await get(h, 'intake1', `/api/cases/${id}/timeline`);
      expect(officerTimeline.body.find((e: { action: string }) => e.action === 'approveReporterIdentity')).toMatchObject({ reason: '同意，限时查看', payload: { seq: 1 } });
      expect(officerTimeline.text).not.toContain(reporter.contact);
      expect((await get(h, 'auditor1', `/api/audit/verify?caseId=${id}`)).body).toMatchObject({ valid: true });
    });

    it('records every showing in the security-event log, which an auditor reads without the identity', async () => {
      const log = await get(h, 'auditor1', '/api/audit/security-events?kind=REPORTER_IDENTITY_REVEALED,REPORTER_IDENTITY_REQUESTED,REPORTER_IDENTITY_APPROVED&pageSize=200');
      expect(log.status).toBe(200);
      const ofCase = log.body.items.filter((e: { subject: string }) => e.subject === id);
      const revealed = ofCase.filter((e: { kind: string }) => e.kind === 'REPORTER_IDENTITY_REVEALED');
      // Each answer that showed it, and no refused attempt (those showed nothing).
      expect(revealed).toHaveLength(showings);
      for (const e of revealed) expect(e).toMatchObject({ actorId: INTAKE_HEAD.id, details: { request: 1, approvedBy: DEMO_USERS.custodian1.id } });
      expect(ofCase.map((e: { kind: string }) => e.kind)).toEqual(
        expect.arrayContaining(['REPORTER_IDENTITY_REQUESTED', 'REPORTER_IDENTITY_APPROVED', 'REPORTER_IDENTITY_REVEALED']),
      );
      expect(log.text).not.toContain(reporter.name);
      expect(log.text).not.toContain(reporter.contact);
      expect((await get(h, 'intake1', '/api/audit/security-events')).status).toBe(403);
    });
  });
});
