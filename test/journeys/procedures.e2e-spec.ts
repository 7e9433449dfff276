// The two procedures after verification, end to end through the HTTP API against real Temporal and PostgreSQL: an
// accountability inquiry (问责) into a leading group — its head, a member in charge and the group itself — decided by
// the bodies that decide each form; and a discipline case (纪律审查) through 审理 to its announcement.
import { DEMO_ORG_UNITS, DEMO_USERS } from '@dandang/persistence';
import { startApiHarness, type ApiHarness, type DemoUserName } from '../support/api-harness';
import { act, get, register } from '../support/actions';
import { aClue } from '../support/clue';
import { aCaseUnderInvestigation, aSubject, fileForInvestigation, hearStatement } from '../support/case-drive';
import { eventually } from '../support/drill-policy';

describe('the two procedures after verification, through the HTTP API', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApiHarness();
  });
  afterAll(() => h.close());

  const now = () => new Date().toISOString();
  const members = (...votes: [DemoUserName, string, string?][]) =>
    votes.map(([user, vote, opinion]) => ({ memberId: DEMO_USERS[user].id, vote, ...(opinion ? { opinion } : {}) }));
  const meeting = (body: string, votes: ReturnType<typeof members>, minutes: string) => ({ body, meetingAt: now(), memberCount: 5, votes, minutes });
  /** The actions the case awaits of `user` in their inbox, once it shows `action`. */
  const inboxShows = (user: DemoUserName, id: string, action: string) =>
    eventually(
      async () => {
        const tasks = (await get(h, user, '/api/tasks')).body as { case: { id: string }; awaitedActions: { name: string }[] }[];
        return tasks.find((t) => t.case.id === id)?.awaitedActions.some((a) => a.name === action) ? true : undefined;
      },
      10_000,
      `${user}'s inbox to list ${action}`,
    );

  it('holds a leading group to account: each person answers the facts, each form is decided by its body, dissent recorded', async () => {
    const id = (await register(h, 'intake1', aClue({ subject: aSubject() }))).body.id as string;
    await act(h, 'intake1', id, 'acceptClue', { assigneeId: DEMO_USERS.officer1.id });
    await fileForInvestigation(h, id, 'PROPOSE_ACCOUNTABILITY');
    const deputy = await act(h, 'officer1', id, 'addPersonConcerned', { kind: 'INDIVIDUAL', name: '周副主任', position: '街道办事处副主任（分管）', orgUnitId: DEMO_ORG_UNITS.districtA.id, reason: '分管该项工作' });
    expect(deputy.status).toBe(200);
    const withGroup = await act(h, 'officer1', id, 'addPersonConcerned', { kind: 'ORGANISATION', name: '某街道党工委', position: '领导班子', orgUnitId: DEMO_ORG_UNITS.districtA.id, reason: '履行主体责任不力' });
    expect(withGroup.body.persons.map((p: { personId: string; kind: string }) => `${p.personId}:${p.kind}`)).toEqual(['P1:INDIVIDUAL', 'P2:INDIVIDUAL', 'P3:ORGANISATION']);
    await act(h, 'officer1', id, 'addEvidence', { kind: 'DOCUMENT', description: '会议纪要' });
    await hearStatement(h, id, 'P1');
    await act(h, 'officer1', id, 'presentFactMaterials', { personId: 'P2', presentedAt: now() });
    // The member in charge answers and refuses to sign: the refusal is noted, and the report may go on.
    await act(h, 'officer1', id, 'recordStatement', { personId: 'P2', receivedAt: now(), summary: '认为系主要负责人决定', signature: 'REFUSED_TO_SIGN', adopted: '未采纳' });
    const early = await act(h, 'officer1', id, 'submitInvestigationReport', { facts: '班子履职不力', findings: [] });
    expect([early.status, early.body.reason]).toEqual([409, 'FACTS_NOT_SHOWN']);
    await hearStatement(h, id, 'P3');

    const finding = (personId: string, responsibilityLevel: string, forms: object[]) => ({ personId, responsibilityLevel, forms, leniency: 'NORMAL' });
    const misfit = await act(h, 'officer1', id, 'submitInvestigationReport', {
      facts: '班子履职不力',
      findings: [finding('P1', 'PRINCIPAL_LEADERSHIP', [{ form: 'ADMONISHMENT' }]), finding('P2', 'IMPORTANT_LEADERSHIP', [{ form: 'ADMONISHMENT' }]), finding('P3', 'OVERALL_LEADERSHIP', [{ form: 'ADMONISHMENT' }])],
    });
    expect(misfit.status).toBe(400);
    expect(misfit.body.fields).toEqual([{ field: 'findings[2].forms', message: expect.stringContaining('organisation') }]);
    expect((await get(h, 'officer1', `/api/cases/${id}`)).body.pendingApproval).toBeNull();
    const findings = [
      finding('P1', 'PRINCIPAL_LEADERSHIP', [{ form: 'ORGANIZATIONAL_MEASURE', subtype: 'POSITION_ADJUSTMENT' }]),
      finding('P2', 'IMPORTANT_LEADERSHIP', [{ form: 'ADMONISHMENT' }]),
      finding('P3', 'OVERALL_LEADERSHIP', [{ form: 'CIRCULATED_NOTICE' }]),
    ];
    await act(h, 'officer1', id, 'submitInvestigationReport', { facts: '班子履职不力', findings }).then((r) => expect(r.status).toBe(200));
    await act(h, 'supervisor1', id, 'approve', { comment: '同意' }).then((r) => expect(r.body).toMatchObject({ stage: 'DELIBERATION', report: { findings } }));
    await inboxShows('supervisor2', id, 'recordCollectiveDecision');

    // The standing committee decides 诫勉 and 通报, one member against (the dissent recorded); the organisation
    // department's 调整职务 is still to come.
    const committee = await act(h, 'supervisor2', id, 'recordCollectiveDecision', meeting('COMMISSION_STANDING_COMMITTEE', members(['supervisor1', 'FOR'], ['supervisor2', 'FOR'], ['supervisor3', 'FOR'], ['custodian1', 'AGAINST', '对班子通报偏重']), '常委会研究'));
    expect(committee.body).toMatchObject({ stage: 'DELIBERATION', collectiveDecisions: [{ carried: true, votes: expect.arrayContaining([{ memberId: DEMO_USERS.custodian1.id, vote: 'AGAINST', opinion: '对班子通报偏重' }]) }] });
    // The official concerned never votes on their own case.
    const selfVote = await act(h, 'supervisor2', id, 'recordCollectiveDecision', meeting('ORGANISATION_DEPARTMENT', members(['subject1', 'FOR'], ['supervisor1', 'FOR'], ['supervisor3', 'FOR']), '部务会'));
    expect(selfVote.body.fields).toEqual([{ field: 'votes[0].memberId', message: expect.stringContaining('person concerned') }]);
    const decided = await act(h, 'supervisor2', id, 'recordCollectiveDecision', meeting('ORGANISATION_DEPARTMENT', members(['supervisor1', 'FOR'], ['supervisor2', 'FOR'], ['supervisor3', 'FOR']), '部务会研究，同意调整职务'));
    expect(decided.body).toMatchObject({ stage: 'DECIDED', stageLabel: { zh: '已作出问责决定' }, measureExecutions: [{ personId: 'P1' }] });
    expect(decided.body.personDecisions.map((d: { personId: string; bodies: string[] }) => `${d.personId}:${d.bodies.join('+')}`)).toEqual([
      'P1:ORGANISATION_DEPARTMENT',
      'P2:COMMISSION_STANDING_COMMITTEE',
      'P3:COMMISSION_STANDING_COMMITTEE',
    ]);

    // The official sees the meeting that decided, never how anyone voted.
    const seen = (await get(h, 'subject1', `/api/cases/${id}/timeline`)).body as { action: string; payload: Record<string, unknown>; reason: string | null }[];
    expect(seen.filter((e) => e.action === 'recordCollectiveDecision')).toEqual([expect.objectContaining({ reason: null, payload: { body: 'ORGANISATION_DEPARTMENT', meetingAt: expect.any(String) } })]);
    expect(JSON.stringify(seen)).not.toContain('对班子通报偏重');

    await act(h, 'officer1', id, 'serveDecision', { servedAt: now(), method: 'IN_PERSON' }).then((r) => expect(r.body.stage).toBe('SERVED'));
    const carried = await act(h, 'officer1', id, 'recordMeasureExecution', { personId: 'P1', completedAt: now(), note: '已办理职务调整手续' });
    expect(carried.body.measureExecutions).toEqual([expect.objectContaining({ personId: 'P1', completedAt: expect.any(String) })]);

    // The member in charge appeals their 诫勉 in writing (问责条例 art. 22); a supervisor who took no part revokes it.
    const effectsOfCase = async () =>
      ((await get(h, 'supervisor1', '/api/effects?active=true')).body.items as { caseId: string; personId: string; kind: string }[]).filter((e) => e.caseId === id);
    const before = await eventually(async () => {
      const rows = await effectsOfCase();
      return rows.some((e) => e.personId === 'P2') ? rows : undefined;
    }, 10_000, 'the member’s effects in the register');
    const strange = await act(h, 'officer1', id, 'recordPaperAppeal', { grounds: '…', receivedAt: now(), personId: 'P9' });
    expect(strange.body.fields).toEqual([expect.objectContaining({ field: 'personId' })]);
    const appealed = await act(h, 'officer1', id, 'recordPaperAppeal', { grounds: '本人已多次提出整改意见', receivedAt: now(), personId: 'P2' });
    expect(appealed.body).toMatchObject({ stage: 'SERVED', personAppeals: [{ personId: 'P2', filed: { grounds: '本人已多次提出整改意见' } }], appeal: { windowEndsAt: expect.any(String) } });
    expect(appealed.body.appeal.filed).toBeUndefined();
    await inboxShows('supervisor3', id, 'decideAppeal');
    const revoked = await act(h, 'supervisor3', id, 'decideAppeal', { outcome: 'REVOKED', reason: '分管领导已尽责，撤销对其诫勉', personId: 'P2' });
    expect(revoked.body).toMatchObject({ stage: 'SERVED', personAppeals: [{ personId: 'P2', decision: { outcome: 'REVOKED' } }] });
    expect(revoked.body.personDecisions.map((d: { personId: string; forms: unknown[] }) => `${d.personId}:${d.forms.length}`)).toEqual(['P1:1', 'P2:0', 'P3:1']);
    // Their effects leave the register; the others' stay as they were.
    const after = await eventually(async () => {
      const rows = await effectsOfCase();
      return rows.some((e) => e.personId === 'P2') ? undefined : rows;
    }, 10_000, 'the member’s effects to be withdrawn');
    const others = (rows: { personId: string; kind: string }[]) => rows.filter((e) => e.personId !== 'P2').map((e) => `${e.personId}:${e.kind}`).sort();
    expect(others(after)).toEqual(others(before));
    // The head reads nothing of the member's appeal.
    const subjectTimeline = (await get(h, 'subject1', `/api/cases/${id}/timeline`)).body as { action: string }[];
    expect(subjectTimeline.map((e) => e.action)).not.toEqual(expect.arrayContaining(['recordPaperAppeal']));
    expect(subjectTimeline.map((e) => e.action)).not.toEqual(expect.arrayContaining(['decideAppeal']));
    // The 申诉复查决定书 is the member's.
    const review = await h.http.post(`/api/cases/${id}/documents`).set('Authorization', `Bearer ${await h.token('officer1')}`).send({ kind: 'APPEAL_REVIEW_DECISION' });
    expect(review.status).toBe(201);
    expect(review.body).toMatchObject({ kind: 'APPEAL_REVIEW_DECISION', personId: 'P2', personName: '周副主任' });
  });

  it('holds a clue the upper level ordered accountability started for to that way on (问责条例 art. 9)', async () => {
    // A clue of the district commission: the city commission is the upper level.
    const id = (await register(h, 'intake1', { ...aClue({ subject: aSubject('郑某') }), orgUnitId: DEMO_ORG_UNITS.districtA.id })).body.id as string;
    await act(h, 'intake1', id, 'acceptClue', { assigneeId: DEMO_USERS.officer1.id });
    const ordered = await act(h, 'supervisor3', id, 'orderAccountabilityStart', { reason: '群众反映强烈，应当问责而未启动' });
    expect(ordered.body.startOrder).toMatchObject({ by: DEMO_USERS.supervisor3.id });
    const closing = await act(h, 'officer1', id, 'proposeDisposition', { disposition: 'CLOSE', reason: '拟了结' });
    expect([closing.status, closing.body.reason]).toEqual([409, 'ORDERED_TO_START']);
    expect((await get(h, 'officer1', `/api/cases/${id}`)).body).toMatchObject({ stage: 'DISPOSITION', pendingApproval: null });
    await act(h, 'officer1', id, 'proposeDisposition', { disposition: 'PRELIMINARY_VERIFICATION', reason: '初核' }).then((r) => expect(r.status).toBe(200));

    // Or it designates another body of its own, which takes the clue over (its staff see it, its supervisor assigns it).
    const other = (await register(h, 'intake1', { ...aClue({ subject: aSubject('钱某') }), orgUnitId: DEMO_ORG_UNITS.districtA.id })).body.id as string;
    const outside = await act(h, 'supervisor3', other, 'designateAccountabilityBody', { orgUnitId: '00000000-0000-4000-8000-00000000dead', reason: '指定' });
    expect(outside.status).toBe(400);
    await act(h, 'intake1', other, 'acceptClue', { assigneeId: DEMO_USERS.officer1.id });
    const designated = await act(h, 'supervisor3', other, 'designateAccountabilityBody', { orgUnitId: DEMO_ORG_UNITS.districtB.id, reason: '原机关不宜启动，指定西城区纪委监委' });
    expect(designated.body).toMatchObject({ orgUnitId: DEMO_ORG_UNITS.districtB.id, assigneeId: null, startOrder: { designatedFrom: DEMO_ORG_UNITS.districtA.id } });
  });

  it('takes a discipline case through 审理 by the case review department, then announces the sanction', async () => {
    const id = await aCaseUnderInvestigation(h, aSubject('吴某'), 'PROPOSE_CASE_FILING');
    const filed = (await get(h, 'officer1', `/api/cases/${id}`)).body;
    expect(filed).toMatchObject({ procedure: 'DISCIPLINE', stageLabel: { zh: '立案审查调查' }, personTerm: { zh: '被审查调查人' } });
    await act(h, 'officer1', id, 'submitInvestigationReport', { facts: '违反工作纪律', responsibilityLevel: 'DIRECT', forms: [{ form: 'DISCIPLINARY_SANCTION', subtype: 'WARNING' }], leniency: 'NORMAL' });
    await act(h, 'supervisor1', id, 'approve', {}).then((r) => expect(r.body.stage).toBe('TRIAL'));
    await inboxShows('reviewer1', id, 'acceptForTrial');
    // The investigators never review their own case; the case review department does.
    expect((await act(h, 'officer1', id, 'acceptForTrial', {})).status).toBe(403);
    const accepted = await act(h, 'reviewer1', id, 'acceptForTrial', { note: '材料齐全' });
    expect(accepted.body).toMatchObject({ trial: { reviewerId: DEMO_USERS.reviewer1.id }, deadline: { stage: 'TRIAL', limit: { amount: 1, unit: 'MONTH' } } });
    await act(h, 'reviewer1', id, 'recordTrialOpinion', { opinion: 'AGREE', reason: '事实清楚，证据确凿，定性准确，处理恰当' }).then((r) => expect(r.body.stage).toBe('DELIBERATION'));

    const decided = await act(h, 'supervisor2', id, 'recordCollectiveDecision', meeting('COMMISSION_STANDING_COMMITTEE', members(['supervisor1', 'FOR'], ['supervisor2', 'FOR'], ['supervisor3', 'FOR'], ['custodian1', 'ABSTAIN']), '常委会研究，给予警告处分'));
    expect(decided.body).toMatchObject({ stage: 'DECIDED', stageLabel: { zh: '已作出处分决定' }, announcement: { deadline: { step: 'ANNOUNCEMENT' } } });
    await act(h, 'officer1', id, 'announceDecision', { announcedAt: now(), to: '本人及所在党支部全体党员' }).then((r) =>
      expect(r.body.announcement).toMatchObject({ to: '本人及所在党支部全体党员', announcedAt: expect.any(String) }),
    );
  });
});
