// The procedure's other endings, through the HTTP API against real Temporal and PostgreSQL: an investigation that
// clears the official, a shelved clue reviewed and reopened, a written appeal recorded by staff and a revocation
// corrected, and grounds that every leniency must name.
import { DEMO_ORG_UNITS, DEMO_USERS } from '@dandang/persistence';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { act, get, register } from '../support/actions';
import { aClue } from '../support/clue';
import { aCaseUnderInvestigation, aServedCase, aSubject, approveAndDecide, fileForInvestigation, hearStatement } from '../support/case-drive';
import { eventually } from '../support/drill-policy';

describe('no dead ends, no silent endings, through the HTTP API', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApiHarness();
  });
  afterAll(() => h.close());

  it('an investigation that finds no violation withdraws the case (撤销案件): closed, nothing to serve or appeal, the name to clear', async () => {
    const id = await aCaseUnderInvestigation(h);
    const proposed = await act(h, 'officer1', id, 'proposeNoAccountability', { outcome: 'CASE_WITHDRAWN', allegationUntrue: true, reason: '经审查，未发现不作为事实' });
    expect(proposed.status).toBe(200);
    expect(proposed.body.pendingApproval).toMatchObject({ kind: 'NO_ACCOUNTABILITY', outcome: 'CASE_WITHDRAWN', allegationUntrue: true });
    const approved = await act(h, 'supervisor3', id, 'approve', { comment: '同意撤销案件' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      stage: 'CLOSED',
      closure: { kind: 'CASE_WITHDRAWN' },
      noAccountability: { outcome: 'CASE_WITHDRAWN', allegationUntrue: true, approvedBy: DEMO_USERS.supervisor3.id },
      decision: null,
      appeal: null,
      nameClearing: { status: 'DUE' },
    });
    // The official concerned, told when the case was filed, sees how it ended, and has nothing to appeal.
    const own = await get(h, 'subject1', `/api/cases/${id}`);
    expect(own.body).toMatchObject({ stage: 'CLOSED', closure: { kind: 'CASE_WITHDRAWN' }, noAccountability: { outcome: 'CASE_WITHDRAWN', allegationUntrue: true } });
    expect(own.body.noAccountability).not.toHaveProperty('reason');
    const timeline = (await get(h, 'subject1', `/api/cases/${id}/timeline`)).body.map((e: { action: string; toStage: string }) => `${e.action}:${e.toStage}`);
    expect(timeline).toEqual(['approve:CLOSED']);
    expect((await act(h, 'subject1', id, 'fileAppeal', { grounds: '申诉' })).status).toBe(409);
  });

  it('不予问责 needs the grounds of art. 17, and 免予问责 in a report needs them too (400 naming grounds)', async () => {
    const id = await aCaseUnderInvestigation(h, aSubject('孙八'));
    const bare = await act(h, 'officer1', id, 'proposeNoAccountability', { outcome: 'NOT_HELD_ACCOUNTABLE', allegationUntrue: false, reason: '集体决策时明确反对' });
    expect(bare.status).toBe(400);
    expect(bare.body.fields).toEqual([{ field: 'grounds', message: 'are required for 不予问责 (问责条例 art. 17)' }]);
    const exempted = await act(h, 'officer1', id, 'submitInvestigationReport', { facts: '因不可抗力未能按期办结', responsibilityLevel: 'DIRECT', forms: [], leniency: 'EXEMPTED' });
    expect(exempted.status).toBe(400);
    expect(exempted.body.fields).toEqual([{ field: 'grounds', message: 'are required for EXEMPTED (问责条例 art. 17)' }]);
    expect((await get(h, 'officer1', `/api/cases/${id}`)).body.pendingApproval).toBeNull();

    const notHeld = await act(h, 'officer1', id, 'proposeNoAccountability', {
      outcome: 'NOT_HELD_ACCOUNTABLE',
      grounds: ['OBJECTED_IN_COLLECTIVE_DECISION'],
      allegationUntrue: false,
      reason: '在集体决策中明确提出不同意见',
    });
    expect(notHeld.status).toBe(200);
    const approved = await act(h, 'supervisor3', id, 'approve', {});
    expect(approved.body).toMatchObject({ stage: 'CLOSED', closure: { kind: 'NOT_HELD_ACCOUNTABLE' }, noAccountability: { grounds: ['OBJECTED_IN_COLLECTIVE_DECISION'] }, nameClearing: null });
  });

  it('a shelved clue (暂存待查) runs its review clock and is reopened for disposition with approval', async () => {
    const id = (await register(h, 'intake1', aClue({ subject: aSubject('周九') }))).body.id;
    await act(h, 'intake1', id, 'acceptClue', { assigneeId: DEMO_USERS.officer1.id });
    await act(h, 'officer1', id, 'proposeDisposition', { disposition: 'SHELVE_PENDING', reason: '暂不具备核查条件' });
    const shelved = await act(h, 'supervisor1', id, 'approve', {});
    expect(shelved.body).toMatchObject({ stage: 'SHELVED', deadline: { stage: 'SHELVED', limit: { amount: 3, unit: 'MONTH' } } });
    const names = (body: { availableActions: { name: string }[] }) => body.availableActions.map((a) => a.name);
    expect(names(shelved.body)).not.toContain('reviewShelvedClue');
    expect(names((await get(h, 'officer1', `/api/cases/${id}`)).body)).toContain('reviewShelvedClue');
    const review = await act(h, 'officer1', id, 'reviewShelvedClue', { decision: 'REOPEN', reason: '出现新的问题线索，具备核查条件' });
    expect(review.body.pendingApproval).toMatchObject({ kind: 'SHELVED_REVIEW', decision: 'REOPEN' });
    const reopened = await act(h, 'supervisor1', id, 'approve', {});
    expect(reopened.body).toMatchObject({ stage: 'DISPOSITION', shelvedReviews: [{ decision: 'REOPEN', approvedBy: DEMO_USERS.supervisor1.id }], deadline: { stage: 'DISPOSITION' } });
    await act(h, 'officer1', id, 'proposeDisposition', { disposition: 'PRELIMINARY_VERIFICATION', reason: '启动初核' });
    expect((await act(h, 'supervisor1', id, 'approve', {})).body.stage).toBe('VERIFICATION');
  });

  it('staff record a written appeal for an official without an account; a revocation is corrected, not "final"', async () => {
    const id = await aServedCase(h, aSubject('吴十'));
    const receivedAt = new Date().toISOString();
    const recorded = await act(h, 'intake1', id, 'recordPaperAppeal', { grounds: '书面申诉：事实认定有误', receivedAt });
    expect(recorded.status).toBe(200);
    expect(recorded.body.appeal.filed).toEqual({ grounds: '书面申诉：事实认定有误', filedAt: receivedAt, recordedBy: DEMO_USERS.intake1.id });
    // The deciding body's month, counted from the appeal's receipt.
    expect(recorded.body.appeal.deadline).toMatchObject({ limit: { amount: 1, unit: 'MONTH' }, startedAt: receivedAt });
    expect((await act(h, 'intake1', id, 'recordPaperAppeal', { grounds: '再次', receivedAt })).status).toBe(409);

    const revoked = await act(h, 'supervisor3', id, 'decideAppeal', { outcome: 'REVOKED', reason: '事实不清，撤销原决定' });
    expect(revoked.status).toBe(200);
    const closed = await eventually(async () => {
      const c = (await get(h, 'supervisor3', `/api/cases/${id}`)).body;
      return c.stage === 'CLOSED' ? c : undefined;
    }, 10_000, 'the case to close');
    expect(closed).toMatchObject({ closure: { kind: 'DECISION_CORRECTED' }, decision: { forms: [] }, noNegativeEvaluation: true, nameClearing: { status: 'DUE' }, impactPeriodEndsAt: null });
  });

  it('the upper level orders improper accountability corrected (问责条例 art. 21), and the correction is made', async () => {
    // A case of the district commission, decided and served; the city commission is the upper level.
    const id = (await register(h, 'intake1', { ...aClue({ subject: aSubject() }), orgUnitId: DEMO_ORG_UNITS.districtA.id })).body.id;
    await act(h, 'intake1', id, 'acceptClue', { assigneeId: DEMO_USERS.officer1.id });
    await fileForInvestigation(h, id);
    await act(h, 'officer1', id, 'addEvidence', { kind: 'DOCUMENT', description: '会议纪要' });
    await hearStatement(h, id, 'P1');
    await act(h, 'officer1', id, 'submitInvestigationReport', { facts: '审批拖延', responsibilityLevel: 'DIRECT', forms: [{ form: 'ADMONISHMENT' }], leniency: 'NORMAL' });
    await approveAndDecide(h, id);
    await act(h, 'officer1', id, 'serveDecision', { servedAt: new Date().toISOString(), method: 'IN_PERSON' }).then((r) => expect(r.body.stage).toBe('SERVED'));

    const noGrounds = await act(h, 'supervisor3', id, 'orderDecisionCorrection', { grounds: [], reason: '证据不足' });
    expect(noGrounds.status).toBe(400);
    const ordered = await act(h, 'supervisor3', id, 'orderDecisionCorrection', { grounds: ['WEAK_EVIDENCE', 'IMPRECISE_ACCOUNTABILITY'], reason: '证据不足，问责不精准' });
    expect(ordered.status).toBe(200);
    expect(ordered.body.correctionOrders).toEqual([expect.objectContaining({ grounds: ['WEAK_EVIDENCE', 'IMPRECISE_ACCOUNTABILITY'], by: DEMO_USERS.supervisor3.id })]);
    const corrected = await act(h, 'supervisor2', id, 'correctDecision', { outcome: 'REVOKED', reason: '按上级要求撤销原问责决定' });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({ decision: { forms: [] }, noNegativeEvaluation: true, nameClearing: { status: 'DUE' }, correctionOrders: [{ correction: { outcome: 'REVOKED' } }] });
    // The official sees the correction of their decision.
    const seen = (await get(h, 'subject1', `/api/cases/${id}/timeline`)).body.map((e: { action: string }) => e.action);
    expect(seen).toContain('correctDecision');
    expect(seen).not.toContain('orderDecisionCorrection');
  });

  it('a real-name reporter is owed the acceptance and the result, each until recorded, the objection with the result', async () => {
    const id = (await register(h, 'intake1', aClue({ subject: aSubject('冯十二') }))).body.id;
    const owed = (await get(h, 'intake1', `/api/cases/${id}`)).body.reporterNotices;
    expect(owed).toEqual([expect.objectContaining({ kind: 'ACCEPTANCE', deadline: expect.objectContaining({ step: 'REPORTER_ACCEPTANCE_NOTICE', limit: { amount: 15, unit: 'WORKING_DAY' } }) })]);
    const awaited = async () =>
      ((await get(h, 'intake1', '/api/tasks')).body as { case: { id: string }; awaitedActions: { name: string }[] }[])
        .find((t) => t.case.id === id)
        ?.awaitedActions.map((a) => a.name) ?? [];
    expect(await awaited()).toContain('recordReporterNotice');
    const told = await act(h, 'intake1', id, 'recordReporterNotice', { notice: 'ACCEPTANCE', method: 'PHONE', notifiedAt: new Date().toISOString(), note: '电话告知已受理' });
    expect(told.body.reporterNotices[0].record).toMatchObject({ method: 'PHONE', by: DEMO_USERS.intake1.id });
    expect(await awaited()).not.toContain('recordReporterNotice');
    expect(JSON.stringify(told.body.reporterNotices)).not.toContain('李四'); // the reporter's name is never in the notices

    await act(h, 'intake1', id, 'acceptClue', { assigneeId: DEMO_USERS.officer1.id });
    await act(h, 'officer1', id, 'proposeDisposition', { disposition: 'CLOSE', reason: '反映问题已解决' });
    const closed = await act(h, 'supervisor1', id, 'approve', {});
    expect(closed.body.reporterNotices[1]).toMatchObject({ kind: 'RESULT', deadline: { startedAt: closed.body.closure.at } });
    // The reporter objects on being told the result: recorded with it; the case, owing nothing more, is over.
    const resulted = await act(h, 'intake1', id, 'recordReporterNotice', { notice: 'RESULT', method: 'WRITTEN', notifiedAt: new Date().toISOString(), note: '书面反馈处理结果', objection: '认为了结理由不充分' });
    expect(resulted.body.reporterNotices[1].record).toMatchObject({ objection: '认为了结理由不充分', by: DEMO_USERS.intake1.id });
    const handle = h.workers.client.workflow.getHandle(`case-${id}`);
    await eventually(async () => ((await handle.describe()).status.name === 'COMPLETED' ? true : undefined), 10_000, 'the case workflow to end');
    // The official concerned never sees any of it.
    expect((await get(h, 'subject1', `/api/cases/${id}`)).status).toBe(404);
  });
});
