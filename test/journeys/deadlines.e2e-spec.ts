import { DEMO_ORG_UNITS, DEMO_USERS, insertUser } from '@dandang/persistence';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { act, get, register } from '../support/actions';
import { aClue } from '../support/clue';
import { aDrillPolicy, eventually } from '../support/drill-policy';

const DISTRICT_SUPERVISOR = { id: '00000000-0000-4000-8000-0000000002b1', username: 'dsup1', displayName: '区审批 吴军', roles: ['SUPERVISOR' as const], orgUnitId: DEMO_ORG_UNITS.districtA.id };

type TimelineEvent = { action: string; occurredAt: string; payload: { rung?: string; scheduledAt?: string; kind?: string } };

describe('stage clocks keep themselves: reminders, cards, escalation, suspension and extension', () => {
  let h: ApiHarness;
  const rungsOf = async (id: string) =>
    ((await get(h, 'auditor1', `/api/cases/${id}/timeline`)).body as TimelineEvent[]).filter((e) => e.action === 'deadlineRung');

  beforeAll(async () => {
    h = await startApiHarness();
    await insertUser(h.workers.dataSource, DISTRICT_SUPERVISOR, 'dandang-demo');
  });
  afterAll(() => h.close());

  it('fires every rung in order, none before its due time, and notifies up the ladder', async () => {
    const policy = aDrillPolicy('drill-ladder', { INTAKE: 4, DISPOSITION: 600 }, { deadlineRules: { reminderPoints: [0.5, 0.8], yellowCardAt: 0.8, escalateAfter: 0.25 } });
    expect((await h.http.post('/api/admin/policies').set('Authorization', `Bearer ${await h.token('admin1')}`).send(policy)).status).toBe(201);
    const created = await register(h, 'intake1', aClue({ orgUnitId: DEMO_ORG_UNITS.districtA.id }));
    expect(created.body).toMatchObject({ policyVersion: 'drill-ladder', deadline: { stage: 'INTAKE', card: 'NONE', limit: { amount: 4, unit: 'SECOND' } } });
    const id = created.body.id;

    const rungs = await eventually(async () => {
      const fired = await rungsOf(id);
      return fired.length >= 5 ? fired : undefined;
    }, 20_000, 'five rungs');
    expect(rungs.map((e) => e.payload.rung)).toEqual(['REMINDER@0.5', 'REMINDER@0.8', 'YELLOW_CARD', 'RED_CARD', 'ESCALATION']);
    // How late is the benchmark's business (npm run bench); a test on a busy machine can only say "not early".
    for (const e of rungs) {
      const lateness = Date.parse(e.occurredAt) - Date.parse(e.payload.scheduledAt!);
      expect({ rung: e.payload.rung, early: lateness < 0 }).toEqual({ rung: e.payload.rung, early: false });
    }
    const detail = (await get(h, 'intake1', `/api/cases/${id}`)).body;
    expect(detail.deadline).toMatchObject({ card: 'RED', supervised: true, fired: rungs.map((e) => e.payload.rung) });

    const district = (await h.http.post('/api/auth/login').send({ username: 'dsup1', password: 'dandang-demo' })).body.accessToken;
    const districtNotes = (await h.http.get('/api/notifications').set('Authorization', `Bearer ${district}`)).body;
    expect(districtNotes.filter((n: { caseId: string }) => n.caseId === id).map((n: { kind: string }) => n.kind).sort()).toEqual(
      ['REMINDER', 'REMINDER', 'YELLOW_CARD', 'RED_CARD'].sort(),
    );
    const escalated = (await get(h, 'supervisor1', '/api/notifications?unread=true')).body.find((n: { caseId: string }) => n.caseId === id);
    expect(escalated).toMatchObject({ kind: 'ESCALATION', readAt: null });
    const read = await h.http.post(`/api/notifications/${escalated.id}/read`).set('Authorization', `Bearer ${await h.token('supervisor1')}`);
    expect(read.status).toBe(200);
    expect((await get(h, 'supervisor1', '/api/notifications?unread=true')).body.map((n: { id: string }) => n.id)).not.toContain(escalated.id);
    expect((await h.http.post(`/api/notifications/${escalated.id}/read`).set('Authorization', `Bearer ${district}`)).status).toBe(404);

    const dashboard = (await get(h, 'supervisor1', '/api/dashboard')).body;
    expect(dashboard).toMatchObject({ redCards: expect.any(Number), supervised: expect.any(Number) });
    expect(dashboard.redCards).toBeGreaterThanOrEqual(1);
    expect(dashboard.byOrgUnit.find((u: { orgUnitId: string }) => u.orgUnitId === DEMO_ORG_UNITS.districtA.id)).toMatchObject({ red: 1 });
    expect((await get(h, 'auditor1', `/api/audit/verify?caseId=${id}`)).body).toMatchObject({ valid: true });
  });

  it('an action in time starts the next stage clock instead; extension and suspension move the deadline', async () => {
    const policy = aDrillPolicy('drill-move', { INTAKE: 600, DISPOSITION: 600 }, { maxExtensions: { DISPOSITION: 120 } });
    await h.http.post('/api/admin/policies').set('Authorization', `Bearer ${await h.token('admin1')}`).send(policy).expect(201);
    const id = (await register(h, 'intake1', aClue())).body.id;
    const accepted = await act(h, 'intake1', id, 'acceptClue', { assigneeId: DEMO_USERS.officer1.id });
    const clock = accepted.body.deadline;
    expect(clock).toMatchObject({ stage: 'DISPOSITION', fired: [], card: 'NONE' });
    expect(Date.parse(clock.dueAt) - Date.parse(clock.startedAt)).toBe(600_000);

    expect((await act(h, 'officer1', id, 'requestExtension', { amount: 121, reason: '需调取外地证据' })).body).toMatchObject({ statusCode: 400, fields: [{ field: 'amount' }] });
    await act(h, 'officer1', id, 'requestExtension', { amount: 60, reason: '需调取外地证据' }).then((r) => expect(r.body.pendingApproval).toMatchObject({ kind: 'EXTENSION', amount: 60 }));
    const extended = (await act(h, 'supervisor1', id, 'approve', { comment: '同意延期' })).body.deadline;
    expect(Date.parse(extended.dueAt) - Date.parse(clock.dueAt)).toBe(60_000);
    expect(extended.extensions).toEqual([expect.objectContaining({ amount: 60, approvedBy: DEMO_USERS.supervisor1.id })]);

    await act(h, 'officer1', id, 'requestSuspension', { reason: '被反映人因病住院' }).then((r) => expect(r.status).toBe(200));
    const suspended = (await act(h, 'supervisor2', id, 'approve', {})).body.deadline;
    expect(suspended.suspension).toMatchObject({ reason: '被反映人因病住院', remaining: { unit: 'SECOND' } });
    const left = suspended.suspension.remaining.amount;
    expect(left).toBeGreaterThan(600);
    expect((await act(h, 'officer1', id, 'requestExtension', { amount: 5, reason: 'x' })).body).toMatchObject({ statusCode: 409, reason: 'CLOCK_SUSPENDED' });
    const resumed = await act(h, 'officer1', id, 'resumeClock', { reason: '已出院' });
    expect(resumed.body.deadline.suspension).toBeUndefined();
    expect(Math.abs(Date.parse(resumed.body.deadline.dueAt) - (Date.parse(resumed.body.deadline.startedAt) + left * 1000))).toBeLessThan(1000);
    const timeline = ((await get(h, 'auditor1', `/api/cases/${id}/timeline`)).body as TimelineEvent[]).map((e) => e.action);
    expect(timeline).toEqual(['registerClue', 'acceptClue', 'requestExtension', 'approve', 'requestSuspension', 'approve', 'resumeClock']);
  });

  it('an administrator publishes policy and calendar versions; running cases keep the versions they pinned', async () => {
    const admin = { Authorization: `Bearer ${await h.token('admin1')}` };
    const before = (await register(h, 'intake1', aClue())).body;
    const calendars = (await h.http.get('/api/admin/calendars').set(admin)).body;
    const current = calendars[0].data;
    expect(before.deadline.calendarVersion).toBe(current.version);

    const bad = await h.http.post('/api/admin/calendars').set(admin).send({ years: { 2027: { holidays: ['2027-02-30'], makeupWorkdays: [] } } });
    expect(bad.status).toBe(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['version']));
    // A publication of one new year joins the years already published (it does not drop them).
    const next = { version: 'CN-2025-2027.1', years: { 2027: { holidays: ['2027-01-01'], makeupWorkdays: [] } } };
    expect((await h.http.post('/api/admin/calendars').set('Authorization', `Bearer ${await h.token('supervisor1')}`).send(next)).status).toBe(403);
    const merged = await h.http.post('/api/admin/calendars').set(admin).send(next);
    expect(merged.status).toBe(201);
    expect(merged.body.years).toEqual({ ...current.years, 2027: next.years[2027] });
    expect((await h.http.post('/api/admin/calendars').set(admin).send(next)).body).toMatchObject({ statusCode: 409, reason: 'VERSION_EXISTS' });
    // Restating a published year differently corrects it: only with a reason.
    const correction = { version: 'CN-2025-2027.2', years: { 2027: { holidays: ['2027-01-01', '2027-02-08'], makeupWorkdays: [] } } };
    expect((await h.http.post('/api/admin/calendars').set(admin).send(correction)).body).toMatchObject({ statusCode: 400, fields: [{ field: 'reason' }] });
    await h.http.post('/api/admin/calendars').set(admin).send({ ...correction, reason: '国务院办公厅更正通知' }).expect(201);
    const badPolicy = await h.http.post('/api/admin/policies').set(admin).send({ version: 'x y', stageLimits: { NOWHERE: { amount: 1, unit: 'WEEK' } } });
    expect(badPolicy.body.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['version', 'stageLimits.NOWHERE', 'deadlineRules']));
    await h.http.post('/api/admin/policies').set(admin).send(aDrillPolicy('drill-newest', { INTAKE: 900 })).expect(201);

    const after = (await register(h, 'intake1', aClue())).body;
    expect(after).toMatchObject({ policyVersion: 'drill-newest', deadline: { calendarVersion: 'CN-2025-2027.2' } });
    const unchanged = (await get(h, 'intake1', `/api/cases/${before.id}`)).body;
    expect(unchanged).toMatchObject({ policyVersion: before.policyVersion, deadline: { calendarVersion: current.version, dueAt: before.deadline.dueAt } });
  });
});
