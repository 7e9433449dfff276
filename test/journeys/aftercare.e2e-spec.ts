import { DEMO_USERS } from '@dandang/persistence';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { act, get, register } from '../support/actions';
import { aClue } from '../support/clue';
import { aServedCase, aSubject, fileForInvestigation } from '../support/case-drive';
import { DEFAULT_FAULT_TOLERANCE_POLICY } from '@dandang/domain';
import { aDrillPolicy, eventually } from '../support/drill-policy';

describe('after the decision, through the HTTP API: appeal, name clearing, follow-up, and what the official sees', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApiHarness();
  });
  afterAll(() => h.close());

  const closed = (id: string) =>
    eventually(async () => {
      const c = (await get(h, 'supervisor1', `/api/cases/${id}`)).body;
      return c.stage === 'CLOSED' ? c : undefined;
    }, 10_000, 'the case to close');

  it('upholds an appeal decided by a supervisor who took no part, then closes the case', async () => {
    const id = await aServedCase(h);
    const served = (await get(h, 'officer1', `/api/cases/${id}`)).body;
    expect(served.appeal.windowEndsAt > served.service.servedAt).toBe(true);
    expect(served.impactPeriodEndsAt).toEqual(expect.any(String));
    expect(served.followUp.map((v: { kind: string; months?: number }) => v.months ?? v.kind)).toEqual([1, 6, 12]);

    expect((await act(h, 'officer1', id, 'fileAppeal', { grounds: '代为申诉' })).status).toBe(403);
    const filed = await act(h, 'subject1', id, 'fileAppeal', { grounds: '事实认定有误' });
    expect(filed.status).toBe(200);
    expect(filed.body).toMatchObject({ stage: 'SERVED', appeal: { filed: { grounds: '事实认定有误' } } });
    expect(filed.body).not.toHaveProperty('evidence');

    const byApprover = await act(h, 'supervisor1', id, 'decideAppeal', { outcome: 'UPHELD', reason: '维持' });
    expect(byApprover.status).toBe(403);
    expect(byApprover.body.reason).toBe('TOOK_PART');
    await act(h, 'supervisor3', id, 'decideAppeal', { outcome: 'UPHELD', reason: '原决定事实清楚，维持' }).then((r) => expect(r.status).toBe(200));
    expect(await closed(id)).toMatchObject({ closure: { kind: 'DECISION_FINAL' }, appeal: { decision: { outcome: 'UPHELD' } } });
    const timeline = (await get(h, 'auditor1', `/api/cases/${id}/timeline`)).body.map((e: { action: string }) => e.action);
    expect(timeline.slice(-2)).toEqual(['decideAppeal', 'caseClosedAfterAppeal']);
  });

  it('never makes the outcome heavier on appeal; a revoked decision leaves no forms and no visits', async () => {
    const id = await aServedCase(h);
    await act(h, 'subject1', id, 'fileAppeal', { grounds: '处理过重' });
    const heavier = await act(h, 'supervisor3', id, 'decideAppeal', { outcome: 'VARIED', forms: [{ form: 'ORGANIZATIONAL_MEASURE', subtype: 'REMOVAL' }], reason: '加重' });
    expect(heavier.status).toBe(409);
    expect(heavier.body.reason).toBe('HEAVIER');
    await act(h, 'supervisor3', id, 'decideAppeal', { outcome: 'REVOKED', reason: '证据不足，撤销' }).then((r) => expect(r.status).toBe(200));
    // 纠正: corrected, never "final"; the official's name is cleared and no negative evaluation remains.
    expect(await closed(id)).toMatchObject({
      closure: { kind: 'DECISION_CORRECTED' },
      decision: { forms: [] },
      impactPeriodEndsAt: null,
      followUp: [],
      appeal: { decision: { outcome: 'REVOKED' } },
      nameClearing: { status: 'DUE' },
      noNegativeEvaluation: true,
    });
  });

  it('records a name clearing after an untrue finding, and the follow-up visits it schedules', async () => {
    const id = (await register(h, 'intake1', aClue({ subject: aSubject('赵六') }))).body.id;
    await act(h, 'intake1', id, 'acceptClue', { assigneeId: DEMO_USERS.officer1.id });
    await act(h, 'officer1', id, 'proposeDisposition', { disposition: 'PRELIMINARY_VERIFICATION', reason: '需初核' });
    await act(h, 'supervisor1', id, 'approve', {});
    await act(h, 'officer1', id, 'submitVerificationReport', { finding: 'UNTRUE', summary: '反映不实' });
    const untrue = await act(h, 'supervisor2', id, 'approve', {});
    expect(untrue.body).toMatchObject({ stage: 'CLOSED', closure: { kind: 'UNTRUE' }, nameClearing: { status: 'DUE' } });

    const unwritten = await act(h, 'officer1', id, 'recordNameClearing', { harmed: true, methods: ['MEETING'], completedAt: new Date().toISOString(), note: '会上澄清' });
    expect(unwritten.status).toBe(400);
    const cleared = await act(h, 'officer1', id, 'recordNameClearing', { harmed: true, methods: ['WRITTEN', 'MEETING'], completedAt: new Date().toISOString(), note: '书面并在会上澄清' });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ nameClearing: { status: 'RECORDED', record: { methods: ['WRITTEN', 'MEETING'] } } });
    expect(cleared.body.followUp).toHaveLength(3);
    const visited = await act(h, 'supervisor1', id, 'recordFollowUpVisit', { visitId: 'V1', findings: '工作状态良好' });
    expect(visited.body.followUp[0]).toMatchObject({ id: 'V1', record: { findings: '工作状态良好' } });
    expect((await act(h, 'supervisor1', id, 'recordFollowUpVisit', { visitId: 'V1', findings: '重复' })).status).toBe(409);
  });

  it('shows the official concerned only their own case, and nothing internal', async () => {
    const own = await aServedCase(h);
    const other = (await register(h, 'intake1', aClue({ subject: aSubject('钱七') }))).body.id;
    const listed = (await get(h, 'subject1', '/api/cases')).body.items.map((c: { id: string }) => c.id);
    expect(listed).toContain(own);
    expect(listed).not.toContain(other);
    expect((await get(h, 'subject1', `/api/cases/${other}`)).status).toBe(404);

    const detail = (await get(h, 'subject1', `/api/cases/${own}`)).body;
    expect(detail).toMatchObject({ stage: 'SERVED', decision: { forms: [{ form: 'ADMONISHMENT' }] } });
    for (const hidden of ['summary', 'evidence', 'pendingApproval', 'reporter', 'assigneeId', 'disposition', 'verification']) expect(detail).not.toHaveProperty(hidden);
    expect(detail.availableActions.map((a: { name: string }) => a.name)).toEqual(['fileAppeal']);
    const actions = (await get(h, 'subject1', `/api/cases/${own}/timeline`)).body.map((e: { action: string }) => e.action);
    // The meeting that decided (which body, when), never its votes: recordCollectiveDecision is shown bare.
    expect(actions).toEqual(['recordCollectiveDecision', 'serveDecision']);
    expect(JSON.stringify((await get(h, 'subject1', `/api/cases/${own}/timeline`)).body)).not.toContain('13800000000');
    expect((await act(h, 'subject1', own, 'declareConflict', { reason: '回避' })).status).toBe(403);
    expect((await get(h, 'subject1', '/api/tasks')).body.map((t: { case: { id: string } }) => t.case.id)).toContain(own);
  });

  it("links the official's account after registration: they are recused from it, and see it once it is filed", async () => {
    const id = (await register(h, 'intake1', aClue({ subject: aSubject('张三') }))).body.id;
    await act(h, 'intake1', id, 'acceptClue', { assigneeId: DEMO_USERS.officer1.id });
    expect((await get(h, 'subject1', `/api/cases/${id}`)).status).toBe(404);
    const notSubject = await act(h, 'officer1', id, 'linkSubjectAccount', { userId: DEMO_USERS.auditor1.id, reason: '开通账号' });
    expect(notSubject.body).toMatchObject({ statusCode: 400, fields: [{ field: 'userId' }] });
    const linked = await act(h, 'officer1', id, 'linkSubjectAccount', { userId: DEMO_USERS.subject1.id, reason: '被反映人已开通账号' });
    expect(linked.status).toBe(200);
    expect(linked.body.subject).toMatchObject({ userId: DEMO_USERS.subject1.id });
    // Not yet told of it (立案告知 comes with the filing): the clue does not exist for them.
    expect((await get(h, 'subject1', `/api/cases/${id}`)).status).toBe(404);
    await fileForInvestigation(h, id);
    expect((await get(h, 'subject1', `/api/cases/${id}`)).status).toBe(200);
    expect((await act(h, 'officer1', id, 'linkSubjectAccount', { userId: DEMO_USERS.subject1.id, reason: '再次' })).body).toMatchObject({ statusCode: 409, reason: 'SUBJECT_LINKED' });
  });

  it('closes the case by itself when the appeal window runs out without an appeal', async () => {
    const policy = aDrillPolicy('drill-appeal-window', { INTAKE: 600, DISPOSITION: 600, VERIFICATION: 600, INVESTIGATION: 600, DECIDED: 600 }, {
      faultTolerance: { ...DEFAULT_FAULT_TOLERANCE_POLICY, appealWindow: { amount: 3, unit: 'SECOND' } as never },
    });
    await h.http.post('/api/admin/policies').set('Authorization', `Bearer ${await h.token('admin1')}`).send(policy).expect(201);
    const id = await aServedCase(h);
    const served = (await get(h, 'supervisor1', `/api/cases/${id}`)).body;
    expect(served).toMatchObject({ stage: 'SERVED', policyVersion: 'drill-appeal-window' });
    const closed = await eventually(async () => {
      const c = (await get(h, 'supervisor1', `/api/cases/${id}`)).body;
      return c.stage === 'CLOSED' ? c : undefined;
    }, 20_000, 'the appeal window to close the case');
    expect(closed.version).toBeGreaterThan(served.version);
    const timeline = (await get(h, 'auditor1', `/api/cases/${id}/timeline`)).body as { action: string; actor: { role: string } }[];
    expect(timeline.at(-1)).toMatchObject({ action: 'appealWindowClosed', actor: { role: 'SYSTEM' } });
    expect((await act(h, 'subject1', id, 'fileAppeal', { grounds: '逾期申诉' })).status).toBe(409);
  });
});
