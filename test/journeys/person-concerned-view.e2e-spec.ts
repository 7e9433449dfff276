// A person concerned other than the registered subject (a member of a leading group) who has an account sees the
// case once told of it, under their own name, with their own decision and appeal only, and appeals online; the
// registered subject reads nothing of theirs. Through the HTTP API against real Temporal and PostgreSQL.
import { DEMO_ORG_UNITS, DEMO_USERS } from '@dandang/persistence';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { act, get, register } from '../support/actions';
import { aClue } from '../support/clue';
import { aSubject, fileForInvestigation, hearStatement, ok } from '../support/case-drive';

describe('a person concerned with an account sees their own part of the case', () => {
  let h: ApiHarness;
  let member: { id: string; token: string };
  beforeAll(async () => {
    h = await startApiHarness();
    // The member in charge has an account of the official concerned (SUBJECT), made by the administrator.
    const admin = await h.token('admin1');
    const created = await h.http
      .post('/api/admin/users')
      .set('Authorization', `Bearer ${admin}`)
      .send({ username: 'zhou.fu', displayName: '周副主任', roles: ['SUBJECT'], orgUnitId: DEMO_ORG_UNITS.districtA.id, reason: '被问责对象账号' })
      .expect(201);
    const first = (await h.http.post('/api/auth/login').send({ username: 'zhou.fu', password: created.body.oneTimePassword }).expect(200)).body.accessToken as string;
    await h.http.post('/api/auth/password').set('Authorization', `Bearer ${first}`).send({ currentPassword: created.body.oneTimePassword, newPassword: 'Member-2026!' }).expect(204);
    const token = (await h.http.post('/api/auth/login').send({ username: 'zhou.fu', password: 'Member-2026!' }).expect(200)).body.accessToken as string;
    member = { id: created.body.user.id, token };
  });
  afterAll(() => h.close());

  const asMember = (path: string) => h.http.get(path).set('Authorization', `Bearer ${member.token}`);
  const now = () => new Date().toISOString();

  it('reads the case under their own name once added, appeals online, and neither they nor the head read the other’s part', async () => {
    const id = (await ok(register(h, 'intake1', aClue({ subject: aSubject() })), 'register')).id as string;
    await ok(act(h, 'intake1', id, 'acceptClue', { assigneeId: DEMO_USERS.officer1.id }), 'accept');
    await fileForInvestigation(h, id, 'PROPOSE_ACCOUNTABILITY');
    // Not a person of the case yet: the case does not exist for them.
    expect((await asMember(`/api/cases/${id}`)).status).toBe(404);
    await ok(
      act(h, 'officer1', id, 'addPersonConcerned', { kind: 'INDIVIDUAL', name: '周副主任', position: '街道办事处副主任（分管）', orgUnitId: DEMO_ORG_UNITS.districtA.id, userId: member.id, reason: '分管该项工作' }),
      'add the member',
    );
    // Added during the investigation, of which persons concerned are told: the case is theirs to see, under their name.
    const told = await asMember(`/api/cases/${id}`);
    expect(told.status).toBe(200);
    expect(told.body).toMatchObject({ subject: { name: '周副主任', position: '街道办事处副主任（分管）' }, decision: null });
    expect(JSON.stringify(told.body)).not.toContain('张三');
    const listed = ((await asMember('/api/cases')).body.items as { id: string; subjectName: string }[]).find((c) => c.id === id);
    expect(listed).toMatchObject({ subjectName: '周副主任' });
    expect(listed).not.toHaveProperty('assigneeId');

    await ok(act(h, 'officer1', id, 'addEvidence', { kind: 'DOCUMENT', description: '会议纪要' }), 'evidence');
    await hearStatement(h, id, 'P1');
    await hearStatement(h, id, 'P2');
    const finding = (personId: string, form: object) => ({ personId, responsibilityLevel: 'DIRECT', forms: [form], leniency: 'NORMAL' });
    await ok(act(h, 'officer1', id, 'submitInvestigationReport', { facts: '审批不作为', findings: [finding('P1', { form: 'ADMONISHMENT' }), finding('P2', { form: 'CIRCULATED_CRITICISM' })] }), 'report');
    await ok(act(h, 'supervisor1', id, 'approve', {}), 'approve report');
    const votes = (['supervisor1', 'supervisor2', 'supervisor3'] as const).map((u) => ({ memberId: DEMO_USERS[u].id, vote: 'FOR' }));
    await ok(act(h, 'supervisor2', id, 'recordCollectiveDecision', { body: 'COMMISSION_STANDING_COMMITTEE', meetingAt: now(), memberCount: 5, votes, minutes: '常委会研究' }), 'decide');
    await ok(act(h, 'officer1', id, 'serveDecision', { servedAt: now(), method: 'IN_PERSON' }), 'serve');

    // Their own decision, never the head's 诫勉; the appeal is theirs to file.
    const served = (await asMember(`/api/cases/${id}`)).body;
    expect(served).toMatchObject({ stage: 'SERVED', decision: { forms: [{ form: 'CIRCULATED_CRITICISM' }] }, tolerance: null, appeal: { windowEndsAt: expect.any(String) } });
    expect(served.availableActions.map((a: { name: string }) => a.name)).toContain('fileAppeal');
    expect(served.availableActions.map((a: { name: string }) => a.name)).not.toContain('applyFaultTolerance');
    const tasks = (await asMember('/api/tasks')).body as { case: { id: string; subjectName: string }; awaitedActions: { name: string }[] }[];
    expect(tasks.find((t) => t.case.id === id)).toMatchObject({ case: { subjectName: '周副主任' }, awaitedActions: [{ name: 'fileAppeal' }] });

    const filed = await h.http.post(`/api/cases/${id}/actions/fileAppeal`).set('Authorization', `Bearer ${member.token}`).send({ grounds: '本人已多次提出整改意见，不应通报' });
    expect(filed.status).toBe(200);
    expect(filed.body.appeal).toMatchObject({ filed: { grounds: '本人已多次提出整改意见，不应通报' } });
    // The registered subject's own 申诉 is untouched, and they read nothing of the member's.
    const head = (await get(h, 'subject1', `/api/cases/${id}`)).body;
    expect(head.appeal.filed).toBeUndefined();
    expect(head.decision).toMatchObject({ forms: [{ form: 'ADMONISHMENT' }] });
    const headTimeline = (await get(h, 'subject1', `/api/cases/${id}/timeline`)).body as { action: string }[];
    expect(headTimeline.map((e) => e.action)).not.toContain('fileAppeal');
    expect(JSON.stringify(headTimeline)).not.toContain('不应通报');
    const memberTimeline = (await asMember(`/api/cases/${id}/timeline`)).body as { action: string }[];
    expect(memberTimeline.map((e) => e.action)).toEqual(expect.arrayContaining(['serveDecision', 'fileAppeal']));
    // The staff see it as the member's appeal, waiting for a supervisor who took no part.
    expect((await get(h, 'officer1', `/api/cases/${id}`)).body.personAppeals).toEqual([expect.objectContaining({ personId: 'P2', filed: expect.objectContaining({ filedAt: expect.any(String) }) })]);
    // Filed once.
    const again = await h.http.post(`/api/cases/${id}/actions/fileAppeal`).set('Authorization', `Bearer ${member.token}`).send({ grounds: '再次申诉' });
    expect([again.status, again.body.reason]).toEqual([409, 'APPEAL_FILED']);
  });
});
