import { DEMO_USERS } from '@dandang/persistence';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { act, get, register } from '../support/actions';
import { aClue } from '../support/clue';

describe('a case from problem clue to served accountability decision, through the HTTP API', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApiHarness();
  });
  afterAll(() => h.close());

  it('registers, disposes, verifies, investigates, decides and serves, with every step in the timeline and audit chain', async () => {
    const created = await register(h, 'intake1', aClue());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ stage: 'INTAKE', version: 1, number: expect.stringMatching(/^DD-\d{4}-\d{6}$/) });
    // A named report, but not who made it: only an approved reveal shows that (reporter-reveal.e2e-spec.ts).
    expect(created.body.reporter).toEqual({ anonymous: false, myRequest: null, awaitingMe: [] });
    expect(created.text).not.toContain('13800000000');
    const id: string = created.body.id;

    const accepted = await act(h, 'intake1', id, 'acceptClue', { assigneeId: DEMO_USERS.officer1.id });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ stage: 'DISPOSITION', assigneeId: DEMO_USERS.officer1.id, version: 2 });
    expect(accepted.body.reporter).toEqual({ anonymous: false, myRequest: null, awaitingMe: [] });
    expect(accepted.text).not.toContain('李四');

    const proposed = await act(h, 'officer1', id, 'proposeDisposition', { disposition: 'PRELIMINARY_VERIFICATION', reason: '反映问题具体，需初核' });
    expect(proposed.status).toBe(200);
    expect(proposed.text).not.toContain('13800000000');
    const pending = await get(h, 'supervisor1', `/api/cases/${id}`);
    expect(pending.body.pendingApproval).toMatchObject({ kind: 'DISPOSITION', disposition: 'PRELIMINARY_VERIFICATION', proposedBy: DEMO_USERS.officer1.id });
    expect(pending.body.availableActions.map((a: { name: string }) => a.name)).toEqual(expect.arrayContaining(['approve', 'return']));
    expect(pending.text).not.toContain('13800000000');

    await act(h, 'supervisor1', id, 'approve', { comment: '同意初核' }).then((r) => expect(r.body).toMatchObject({ stage: 'VERIFICATION' }));
    await act(h, 'officer1', id, 'submitVerificationReport', { finding: 'PROPOSE_ACCOUNTABILITY', summary: '初核发现问题属实，建议启动问责' }).then((r) => expect(r.status).toBe(200));
    // 问责调查 by a team of at least two (问责条例 art. 10): approving the start names it.
    const unteamed = await act(h, 'supervisor2', id, 'approve', {});
    expect([unteamed.status, unteamed.body.fields]).toEqual([400, [{ field: 'investigationTeam', message: expect.stringContaining('at least two') }]]);
    const filed = await act(h, 'supervisor2', id, 'approve', { investigationTeam: [DEMO_USERS.officer2.id] });
    // An accountability inquiry (问责调查): its official is now 被问责人, told of it and able to see it.
    expect(filed.body).toMatchObject({ stage: 'INVESTIGATION', procedure: 'ACCOUNTABILITY', stageLabel: { zh: '问责调查' }, personTerm: { zh: '被问责人' }, persons: [{ personId: 'P1', name: '张三' }], investigationTeam: [DEMO_USERS.officer1.id, DEMO_USERS.officer2.id] });
    await act(h, 'officer1', id, 'addEvidence', { kind: 'DOCUMENT', description: '群众来信及街道办签收记录', sha256: 'a'.repeat(64) }).then((r) =>
      expect(r.body.evidence).toHaveLength(1),
    );
    const report = { facts: '张三对群众反映问题长期不作为，造成不良影响', responsibilityLevel: 'DIRECT', forms: [{ form: 'ADMONISHMENT' }], leniency: 'NORMAL' };
    // 陈述申辩: the report waits until the facts were shown to the official and they had their chance to answer.
    await act(h, 'officer1', id, 'submitInvestigationReport', report).then((r) => expect([r.status, r.body.reason]).toEqual([409, 'FACTS_NOT_SHOWN']));
    const shown = await act(h, 'officer1', id, 'presentFactMaterials', { personId: 'P1', presentedAt: new Date().toISOString() });
    expect(shown.body.persons[0].statement.deadline).toMatchObject({ step: 'STATEMENT', limit: { amount: 5, unit: 'WORKING_DAY' } });
    await act(h, 'officer1', id, 'submitInvestigationReport', report).then((r) => expect([r.status, r.body.reason]).toEqual([409, 'STATEMENT_PENDING']));
    await act(h, 'officer1', id, 'recordStatement', { personId: 'P1', receivedAt: new Date().toISOString(), summary: '对事实无异议', signature: 'SIGNED' }).then((r) =>
      expect(r.status).toBe(200),
    );
    await act(h, 'officer1', id, 'submitInvestigationReport', report).then((r) => expect(r.status).toBe(200));
    // The report approved goes to the body that decides an 诫勉: the commission's standing committee.
    await act(h, 'supervisor1', id, 'approve', { comment: '同意，提请常委会研究' }).then((r) => expect(r.body).toMatchObject({ stage: 'DELIBERATION', decision: null }));
    const votes = [DEMO_USERS.supervisor1.id, DEMO_USERS.supervisor2.id, DEMO_USERS.supervisor3.id].map((memberId) => ({ memberId, vote: 'FOR' }));
    const meeting = { body: 'COMMISSION_STANDING_COMMITTEE', meetingAt: new Date().toISOString(), memberCount: 5, votes, minutes: '常委会研究，同意给予诫勉' };
    const decided = await act(h, 'supervisor2', id, 'recordCollectiveDecision', meeting);
    expect(decided.body).toMatchObject({
      stage: 'DECIDED',
      stageLabel: { zh: '已作出问责决定' },
      decision: { approvedBy: DEMO_USERS.supervisor2.id, forms: [{ form: 'ADMONISHMENT' }] },
      collectiveDecisions: [{ body: 'COMMISSION_STANDING_COMMITTEE', carried: true, memberCount: 5 }],
      personDecisions: [{ personId: 'P1', bodies: ['COMMISSION_STANDING_COMMITTEE'] }],
    });
    const served = await act(h, 'officer1', id, 'serveDecision', { servedAt: new Date().toISOString(), method: 'IN_PERSON' });
    expect(served.status).toBe(200);
    expect(served.body).toMatchObject({ stage: 'SERVED', version: 13 });

    const timeline = await get(h, 'auditor1', `/api/cases/${id}/timeline`);
    expect(timeline.body.map((e: { action: string }) => e.action)).toEqual([
      'registerClue', 'acceptClue', 'proposeDisposition', 'approve', 'submitVerificationReport', 'approve',
      'addEvidence', 'presentFactMaterials', 'recordStatement', 'submitInvestigationReport', 'approve', 'recordCollectiveDecision', 'serveDecision',
    ]);
    // An auditor reads who decided what and when, and that a reason was written, not what it says (三员分立).
    expect(timeline.body[3]).toMatchObject({ actor: { id: DEMO_USERS.supervisor1.id, role: 'SUPERVISOR' }, reason: null, withheld: ['reason', 'payload.comment'], fromStage: 'DISPOSITION', toStage: 'VERIFICATION' });
    expect(JSON.stringify(timeline.body)).not.toContain('13800000000');

    const verified = await get(h, 'auditor1', `/api/audit/verify?caseId=${id}`);
    expect(verified.body).toEqual({ caseId: id, valid: true, events: 13 });

    const listed = await get(h, 'officer1', `/api/cases?stage=SERVED&q=${encodeURIComponent('噪音')}`);
    expect(listed.body.items.map((c: { id: string }) => c.id)).toContain(id);
    expect(listed.body).toMatchObject({ total: listed.body.items.length, totalCapped: false, page: 1, pageSize: 20 });
  });

  it('routes a clue through inquiry to closure, and a transfer straight to closure', async () => {
    const inquiry = (await register(h, 'intake1', aClue({ reporter: undefined, anonymous: true }))).body.id;
    await act(h, 'officer2', inquiry, 'acceptClue', {});
    await act(h, 'officer2', inquiry, 'proposeDisposition', { disposition: 'TALK_OR_LETTER_INQUIRY', reason: '问题较轻，函询' });
    await act(h, 'supervisor1', inquiry, 'approve', {}).then((r) => expect(r.body.stage).toBe('INQUIRY'));
    // 函询: the letter goes out and is received; the reply is due within 15 working days of the receipt.
    const now = new Date().toISOString();
    await act(h, 'officer2', inquiry, 'sendInquiryLetter', { sentAt: now }).then((r) => expect(r.status).toBe(200));
    const received = await act(h, 'officer2', inquiry, 'recordInquiryLetterReceipt', { receivedAt: now });
    expect(received.body.deadline).toMatchObject({ stage: 'INQUIRY', step: 'INQUIRY_REPLY', limit: { amount: 15, unit: 'WORKING_DAY' }, startedAt: now });
    const replied = await act(h, 'officer2', inquiry, 'recordInquiryReply', { receivedAt: now, summary: '书面说明，党委书记签字' });
    expect(replied.body.deadline).toMatchObject({ step: 'INQUIRY_CONCLUSION', limit: { amount: 1, unit: 'MONTH' } });
    // The conclusion is proposed and approved; the old direct record is refused for new requests.
    expect((await act(h, 'officer2', inquiry, 'recordInquiryOutcome', { outcome: 'LIGHT_HANDLING', measure: 'REMINDER_TALK', reason: '谈话提醒' })).status).toBe(409);
    await act(h, 'officer2', inquiry, 'proposeInquiryConclusion', { outcome: 'LIGHT_HANDLING', measure: 'REMINDER_TALK', reason: '说明基本属实，予以谈话提醒' });
    const closed = await act(h, 'supervisor1', inquiry, 'approve', {});
    expect(closed.body).toMatchObject({
      stage: 'CLOSED',
      closure: { kind: 'INQUIRY_CLOSED' },
      inquiry: { measure: 'REMINDER_TALK' },
      inquiryRounds: [{ seq: 1, mode: 'LETTER', conclusion: { outcome: 'LIGHT_HANDLING', approvedBy: DEMO_USERS.supervisor1.id } }],
    });

    const transferred = (await register(h, 'intake1', aClue())).body.id;
    const r = await act(h, 'intake1', transferred, 'transferClue', { toBody: '省纪委监委', reason: '属上级管辖' });
    expect(r.body).toMatchObject({ stage: 'CLOSED', closure: { kind: 'TRANSFERRED' }, transfer: { toBody: '省纪委监委' } });
  });

  it('shows each user their tasks: the supervisor the pending proposal, the officer their assigned case', async () => {
    const id = (await register(h, 'intake1', aClue({ title: '待办测试线索' }))).body.id;
    const intakeTasks = await get(h, 'intake1', '/api/tasks');
    expect(intakeTasks.body.map((t: { case: { id: string } }) => t.case.id)).toContain(id);
    await act(h, 'intake1', id, 'acceptClue', { assigneeId: DEMO_USERS.officer2.id });
    const officerTasks = await get(h, 'officer2', '/api/tasks');
    expect(officerTasks.body.find((t: { case: { id: string } }) => t.case.id === id)?.awaitedActions.map((a: { name: string }) => a.name)).toEqual(
      expect.arrayContaining(['proposeDisposition', 'transferClue']),
    );
    expect((await get(h, 'officer1', '/api/tasks')).body.map((t: { case: { id: string } }) => t.case.id)).not.toContain(id);
    await act(h, 'officer2', id, 'proposeDisposition', { disposition: 'SHELVE_PENDING', reason: '暂无法核实' });
    const supervisorTasks = await get(h, 'supervisor2', '/api/tasks');
    expect(supervisorTasks.body.find((t: { case: { id: string } }) => t.case.id === id)?.awaitedActions.map((a: { name: string }) => a.name)).toEqual(['approve', 'return']);
  });

  it('answers its health check and serves the OpenAPI document', async () => {
    const health = await h.http.get('/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok', database: 'up', temporal: 'up' });
    const docs = await h.http.get('/api/docs-json');
    expect(docs.status).toBe(200);
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/cases', '/api/cases/{id}', '/api/cases/{id}/actions/{action}', '/api/tasks']),
    );
    // A list's total stops at the count limit; the document says so.
    expect(docs.body.paths['/api/cases'].get.responses['200'].content['application/json'].schema.required).toContain('totalCapped');
  });
});
