import { DEMO_USERS } from '@dandang/persistence';
import { DEMO_COMMITTEE_VOTES } from '@dandang/testing';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { act, get, register } from '../support/actions';
import { aClue } from '../support/clue';
import { aCaseUnderInvestigation, aSubject, anAssessmentBody as anAssessment, approveAndDecide, submitReport } from '../support/case-drive';
import { eventually } from '../support/drill-policy';

describe('fault tolerance (容错纠错) through the HTTP API: a review per application, its effect on the case', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApiHarness();
  });
  afterAll(() => h.close());

  const caseOf = async (id: string) => (await get(h, 'supervisor1', `/api/cases/${id}`)).body;
  const review = (id: string, user: Parameters<typeof act>[1], step: string, reviewId: string, body: Record<string, unknown> = {}) =>
    act(h, user, id, step, { reviewId, ...body });

  it('exempts on the official’s own application: the case closes as exempted, then the error is corrected', async () => {
    const id = await aCaseUnderInvestigation(h);
    const applied = await act(h, 'subject1', id, 'applyFaultTolerance', { reasons: '先行先试，未谋私利' });
    expect(applied.status).toBe(200);
    expect(applied.body.reviews).toEqual([expect.objectContaining({ seq: 1, applicantKind: 'SUBJECT', status: 'OPEN' })]);
    const reviewId: string = applied.body.reviews[0].reviewId;
    expect(reviewId).toMatch(/-review-1$/);

    expect((await review(id, 'officer2', 'acceptApplication', reviewId, { note: '符合受理条件' })).body).toMatchObject({ status: 'ACCEPTED' });
    const assessed = await review(id, 'supervisor3', 'submitAssessment', reviewId, anAssessment());
    expect(assessed.status).toBe(200);
    expect(assessed.body).toMatchObject({
      status: 'ASSESSED',
      assessment: { history: { priorToleratedErrors: 0, priorAccountabilityCases: 0 } },
      recommendation: { outcome: 'EXEMPTION', reasons: expect.arrayContaining([expect.objectContaining({ code: 'ALL_CONDITIONS_MET' })]) },
    });
    expect((await review(id, 'officer1', 'submitAssessment', reviewId, { ...anAssessment(), history: { priorToleratedErrors: 0, priorAccountabilityCases: 0 } })).status).toBe(400);

    const byAssessor = await review(id, 'supervisor3', 'determineTolerance', reviewId, { outcome: 'EXEMPTION' });
    expect(byAssessor.status).toBe(403);
    expect(byAssessor.body.reason).toBe('ASSESSOR_CANNOT_DETERMINE');
    expect((await review(id, 'supervisor1', 'determineTolerance', reviewId, { outcome: 'EXEMPTION' })).body).toMatchObject({ status: 'ASSESSED', votes: [expect.anything()] });
    expect((await review(id, 'supervisor2', 'determineTolerance', reviewId, { outcome: 'EXEMPTION' })).body).toMatchObject({
      status: 'DETERMINED',
      determination: { outcome: 'EXEMPTION' },
    });

    const exempted = await eventually(async () => {
      const c = await caseOf(id);
      return c.stage === 'CLOSED' ? c : undefined;
    }, 10_000, 'the exemption to close the case');
    expect(exempted).toMatchObject({
      closure: { kind: 'EXEMPTED' },
      decision: null,
      tolerance: { outcome: 'EXEMPTION', reviewId },
      noNegativeEvaluation: true,
      reviews: [expect.objectContaining({ status: 'DETERMINED', outcome: 'EXEMPTION' })],
    });
    await review(id, 'officer2', 'notifyApplicant', reviewId, { method: 'IN_PERSON', note: '已当面反馈' }).then((r) => expect(r.body.status).toBe('NOTIFIED'));
    await review(id, 'officer2', 'fileForRecord', reviewId, { recipient: '市委组织部', note: '已报备' }).then((r) => expect(r.body.status).toBe('FILED'));

    const reviews = (await get(h, 'auditor1', `/api/cases/${id}/fault-tolerance`)).body;
    expect(reviews).toEqual([
      expect.objectContaining({
        status: 'FILED',
        assessorId: DEMO_USERS.supervisor3.id,
        recommendation: expect.objectContaining({ outcome: 'EXEMPTION' }),
        votes: [expect.objectContaining({ voterId: DEMO_USERS.supervisor1.id }), expect.objectContaining({ voterId: DEMO_USERS.supervisor2.id })],
      }),
    ]);
    const timeline = (await get(h, 'auditor1', `/api/cases/${id}/timeline`)).body as { stream: string; action: string }[];
    expect(timeline.filter((e) => e.stream === 'review-1').map((e) => e.action)).toEqual([
      'applyFaultTolerance', 'acceptApplication', 'submitAssessment', 'determineTolerance', 'determineTolerance', 'notifyApplicant', 'fileForRecord',
    ]);
    expect(timeline.map((e) => e.action)).toContain('toleranceReviewConcluded');

    // 容纠并举: the exempted error is still corrected, and the case ends only then.
    const plan = await act(h, 'supervisor1', id, 'openCorrectionPlan', { items: [{ owner: DEMO_USERS.officer2.id, action: '完善审批流程', severity: 'LOW' }] });
    expect(plan.status).toBe(200);
    const item = plan.body.correction.items[0];
    expect(Date.parse(item.dueAt) - Date.parse(plan.body.correction.openedAt)).toBe(30 * 86_400_000);
    expect(item.deadline).toMatchObject({ card: 'NONE', dueAt: item.dueAt });
    expect((await act(h, 'officer1', id, 'completeCorrectionItem', { itemId: 'C1', evidence: '制度' })).body.reason).toBe('NOT_OWNER');
    await act(h, 'officer2', id, 'recordCorrectionProgress', { itemId: 'C1', note: '已起草' }).then((r) => expect(r.status).toBe(200));
    await act(h, 'officer2', id, 'completeCorrectionItem', { itemId: 'C1', evidence: '新制度已印发' }).then((r) => expect(r.body.correction.items[0].status).toBe('COMPLETED'));
    expect((await act(h, 'officer2', id, 'verifyCorrectionItem', { itemId: 'C1' })).status).toBe(403);
    const verified = await act(h, 'supervisor1', id, 'verifyCorrectionItem', { itemId: 'C1' });
    expect(verified.body.correction.items[0]).toMatchObject({ status: 'VERIFIED', verification: { by: DEMO_USERS.supervisor1.id } });

    // The real-name reporter is still owed the acceptance and the result (检举控告工作规则): the case stays open until told.
    const owed = (await get(h, 'intake1', `/api/cases/${id}`)).body.reporterNotices.filter((n: { record?: unknown }) => !n.record).map((n: { kind: string }) => n.kind);
    expect(owed).toEqual(['ACCEPTANCE', 'RESULT']);
    for (const notice of owed) {
      await act(h, 'intake1', id, 'recordReporterNotice', { notice, method: 'PHONE', notifiedAt: new Date().toISOString(), note: '电话告知' }).then((r) => expect(r.status).toBe(200));
    }
    // After an exemption the body makes it known (免责通报, on its clock) and visits the cadre (关爱回访, 1 and 6 months).
    const owedCare = (await caseOf(id)) as { exemptionNotice: { deadline: { step: string } }; followUp: { id: string; kind: string; months: number }[] };
    expect(owedCare.exemptionNotice.deadline.step).toBe('EXEMPTION_NOTICE');
    expect(owedCare.followUp.map((v) => `${v.kind}:${v.months}`)).toEqual(['CARE_VISIT:1', 'CARE_VISIT:6']);
    await act(h, 'officer1', id, 'recordExemptionNotice', { notifiedAt: new Date().toISOString(), scope: '本单位干部大会', note: '通报免责情况' }).then((r) =>
      expect(r.body.exemptionNotice.record).toMatchObject({ scope: '本单位干部大会' }),
    );
    for (const visit of owedCare.followUp) {
      await act(h, 'officer1', id, 'recordFollowUpVisit', { visitId: visit.id, findings: '思想稳定，敢于担当' }).then((r) => expect(r.status).toBe(200));
    }
    const handle = h.workers.client.workflow.getHandle(`case-${id}`);
    await eventually(async () => ((await handle.describe()).status.name === 'COMPLETED' ? true : undefined), 10_000, 'the case workflow to end');
    const cared = 1 + owedCare.followUp.length;
    expect((await get(h, 'auditor1', `/api/audit/verify?caseId=${id}`)).body).toEqual({ caseId: id, valid: true, events: timeline.length + 4 + owed.length + cared });
  });

  it('mitigates on the unit’s application: no approval while the review is open, then only lighter forms', async () => {
    const id = await aCaseUnderInvestigation(h, aSubject('李四'));
    await submitReport(h, id, [{ form: 'ADMONISHMENT' }, { form: 'CIRCULATED_CRITICISM' }]);
    const reviewId = (await act(h, 'officer1', id, 'applyFaultTolerance', { reasons: '单位申请：属探索性失误' })).body.reviews[0].reviewId;
    const blocked = await act(h, 'supervisor1', id, 'approve', {});
    expect(blocked.status).toBe(409);
    expect(blocked.body.reason).toBe('REVIEW_OPEN');

    const accepted = (await review(id, 'officer2', 'acceptApplication', reviewId)).body;
    // Verification may run 10 working days longer, once, on the approval of a supervisor who handled no part of it (§e row 23).
    expect((await review(id, 'officer2', 'extendVerification', reviewId, { reason: '需调取外地材料' })).status).toBe(403);
    expect((await review(id, 'supervisor1', 'extendVerification', reviewId, {})).status).toBe(400);
    const extended = await review(id, 'supervisor1', 'extendVerification', reviewId, { reason: '需调取外地材料' });
    expect(extended.status).toBe(200);
    expect(extended.body).toMatchObject({ status: 'ACCEPTED', deadline: { step: 'VERIFY' }, verificationExtension: { extension: { amount: 10, unit: 'WORKING_DAY' } } });
    expect(Date.parse(extended.body.deadline.dueAt)).toBeGreaterThan(Date.parse(accepted.deadline.dueAt));
    const again = await review(id, 'supervisor2', 'extendVerification', reviewId, { reason: '仍需时间' });
    expect([again.status, again.body.reason]).toEqual([409, 'ALREADY_EXTENDED']);
    const assessed = await review(id, 'supervisor3', 'submitAssessment', reviewId, anAssessment({ harmCaused: true }));
    expect(assessed.body.recommendation).toMatchObject({ outcome: 'MITIGATION', mitigation: 'REDUCED' });
    expect((await review(id, 'officer1', 'determineTolerance', reviewId, { outcome: 'MITIGATION', mitigation: 'REDUCED' })).status).toBe(403);
    const departing = await review(id, 'supervisor1', 'determineTolerance', reviewId, { outcome: 'EXEMPTION' });
    expect(departing.status).toBe(400);
    await review(id, 'supervisor1', 'determineTolerance', reviewId, { outcome: 'MITIGATION', mitigation: 'REDUCED' });
    await review(id, 'supervisor2', 'determineTolerance', reviewId, { outcome: 'MITIGATION', mitigation: 'REDUCED' });
    await eventually(async () => ((await caseOf(id)).tolerance ? true : undefined), 10_000, 'the mitigation to reach the case');

    // The mitigation binds the body that decides (集体研究决定), not the approval of the report.
    expect((await act(h, 'supervisor1', id, 'approve', { forms: [{ form: 'CIRCULATED_CRITICISM' }] })).status).toBe(400);
    await act(h, 'supervisor1', id, 'approve', {}).then((r) => expect(r.body.stage).toBe('DELIBERATION'));
    const decide = (findings?: object[]) => act(h, 'supervisor2', id, 'recordCollectiveDecision', { ...DEMO_COMMITTEE_VOTES(), ...(findings ? { findings } : {}) });
    const finding = (...forms: object[]) => [{ personId: 'P1', responsibilityLevel: 'DIRECT', forms, leniency: 'NORMAL' }];
    expect((await decide()).status).toBe(400);
    const same = await decide(finding({ form: 'ADMONISHMENT' }, { form: 'CIRCULATED_CRITICISM' }));
    expect(same.status).toBe(409);
    expect(same.body.reason).toBe('NOT_LIGHTER');
    const lighter = await decide(finding({ form: 'CIRCULATED_CRITICISM' }));
    expect(lighter.status).toBe(200);
    expect(lighter.body).toMatchObject({ stage: 'DECIDED', decision: { forms: [{ form: 'CIRCULATED_CRITICISM' }], leniency: 'REDUCED' }, noNegativeEvaluation: true });
  });

  it('rejects on the body’s own review: accountability goes on with the proposed forms', async () => {
    const id = await aCaseUnderInvestigation(h, aSubject('王五'));
    await submitReport(h, id);
    const started = await act(h, 'supervisor1', id, 'applyFaultTolerance', { reasons: '问责机关主动启动容错审查' });
    const reviewId = started.body.reviews[0].reviewId;
    expect(started.body.reviews[0].applicantKind).toBe('BODY');
    expect((await act(h, 'officer1', id, 'applyFaultTolerance', { reasons: '再次申请' })).body.reason).toBe('REVIEW_OPEN');
    await review(id, 'officer2', 'acceptApplication', reviewId);
    const assessed = await review(id, 'officer2', 'submitAssessment', reviewId, anAssessment({ exclusionIds: ['MAJOR_SAFETY_ACCIDENT'] }));
    expect(assessed.body.recommendation).toMatchObject({ outcome: 'REJECTION', reasons: [expect.objectContaining({ code: 'ON_NEGATIVE_LIST', ref: 'MAJOR_SAFETY_ACCIDENT' })] });
    expect((await review(id, 'supervisor1', 'determineTolerance', reviewId, { outcome: 'REJECTION' })).body.reason).toBe('RECUSAL');
    await review(id, 'supervisor2', 'determineTolerance', reviewId, { outcome: 'REJECTION' });
    await review(id, 'supervisor3', 'determineTolerance', reviewId, { outcome: 'REJECTION' });
    await eventually(async () => ((await caseOf(id)).tolerance ? true : undefined), 10_000, 'the rejection to reach the case');
    expect(await caseOf(id)).toMatchObject({ stage: 'INVESTIGATION', tolerance: { outcome: 'REJECTION' }, noNegativeEvaluation: false });
    // The commission decides the 诫勉, the organisation department the 调整职务, as proposed.
    await approveAndDecide(h, id).then((r) => expect(r.stage).toBe('DELIBERATION'));
    const decided = await act(h, 'supervisor2', id, 'recordCollectiveDecision', { ...DEMO_COMMITTEE_VOTES(), body: 'ORGANISATION_DEPARTMENT' });
    expect(decided.body).toMatchObject({ stage: 'DECIDED', decision: { forms: [{ form: 'ADMONISHMENT' }, { form: 'ORGANIZATIONAL_MEASURE' }] } });
  });

  it('refuses an application outside the policy window with the reason (409); before the filing the case does not exist for the official', async () => {
    const early = (await register(h, 'intake1', aClue({ subject: aSubject() }))).body.id;
    expect((await act(h, 'subject1', early, 'applyFaultTolerance', { reasons: '提前申请' })).status).toBe(404);

    const id = await aCaseUnderInvestigation(h);
    await submitReport(h, id, [{ form: 'ADMONISHMENT' }]);
    expect((await approveAndDecide(h, id)).stage).toBe('DECIDED');
    const late = await act(h, 'subject1', id, 'applyFaultTolerance', { reasons: '决定后申请' });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ reason: 'APPLICATION_WINDOW_CLOSED', message: expect.stringContaining('Investigation') });
  });

  it('counts the reviews by outcome on the dashboard', async () => {
    const outcomes = (await get(h, 'supervisor1', '/api/dashboard')).body.faultToleranceOutcomes as { outcome: string; count: number }[];
    expect(outcomes.map((o) => o.outcome)).toEqual(expect.arrayContaining(['EXEMPTION', 'MITIGATION', 'REJECTION']));
    expect(outcomes.every((o) => o.count >= 1)).toBe(true);
  });
});
