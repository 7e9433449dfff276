import { DEMO_USERS } from '@dandang/persistence';
import { startApiHarness, type ApiHarness, type DemoUserName } from '../support/api-harness';
import { act, get, register } from '../support/actions';
import { aClue } from '../support/clue';
import { aSubject, fileForInvestigation } from '../support/case-drive';

/** Who may see a case, on every read path: where they may not, it does not exist for them. */
describe('who sees a case: recusal and the official concerned, on every read path', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApiHarness();
  });
  afterAll(() => h.close());

  /** A clue in DISPOSITION with officer1 handling it, under a title no other test uses. */
  async function aClueInDisposition(title: string, subject = aSubject('王五')): Promise<string> {
    const id = (await register(h, 'intake1', aClue({ title, subject }))).body.id as string;
    expect((await act(h, 'intake1', id, 'acceptClue', { assigneeId: DEMO_USERS.officer1.id })).status).toBe(200);
    return id;
  }

  /** Every read path of one case, as `user` finds it: each status, and whether lists, search and tasks show it. */
  async function sight(user: DemoUserName, id: string, title: string) {
    const listed = (await get(h, user, '/api/cases?pageSize=100')).body.items.map((c: { id: string }) => c.id);
    const searched = await get(h, user, `/api/cases?q=${encodeURIComponent(title)}`);
    const tasks = (await get(h, user, '/api/tasks')).body.map((t: { case: { id: string } }) => t.case.id);
    return {
      detail: (await get(h, user, `/api/cases/${id}`)).status,
      timeline: (await get(h, user, `/api/cases/${id}/timeline`)).status,
      faultTolerance: (await get(h, user, `/api/cases/${id}/fault-tolerance`)).status,
      listed: listed.includes(id),
      searched: searched.status === 200 ? searched.body.items.some((c: { id: string }) => c.id === id) : searched.status,
      task: tasks.includes(id),
    };
  }
  const unseen = { detail: 404, timeline: 404, faultTolerance: 404, listed: false, searched: false, task: false };

  it('an officer who declared a conflict no longer finds the case anywhere, while the others still do', async () => {
    const title = '回避测试：某局审批拖延';
    const id = await aClueInDisposition(title);
    expect(await sight('officer1', id, title)).toEqual({ detail: 200, timeline: 200, faultTolerance: 200, listed: true, searched: true, task: true });

    expect((await act(h, 'officer1', id, 'declareConflict', { reason: '与被反映人系同学关系' })).status).toBe(200);
    expect(await sight('officer1', id, title)).toEqual(unseen);
    expect((await get(h, 'supervisor1', `/api/cases/${id}`)).status).toBe(200);

    // A supervisor recused likewise cannot even verify its audit trail.
    expect((await act(h, 'supervisor2', id, 'declareConflict', { reason: '曾在该单位任职' })).status).toBe(200);
    expect((await get(h, 'supervisor2', `/api/audit/verify?caseId=${id}`)).status).toBe(404);
    expect((await get(h, 'supervisor1', `/api/audit/verify?caseId=${id}`)).body).toMatchObject({ valid: true });
  });

  it('a staff member who is the official concerned never finds the case about them', async () => {
    const title = '回避测试：被反映人本身是干部';
    const subject = { name: '赵敏', position: '科长', orgUnitId: DEMO_USERS.officer2.orgUnitId, userId: DEMO_USERS.officer2.id };
    const id = await aClueInDisposition(title, subject);
    expect(await sight('officer2', id, title)).toEqual(unseen);
  });

  it('the official concerned finds their case only once told of it, when it is filed for investigation (立案告知)', async () => {
    const title = '告知测试：未立案前不得知悉';
    const id = await aClueInDisposition(title, aSubject());
    const before = await sight('subject1', id, title);
    expect(before).toEqual({ ...unseen, searched: 400 });

    await fileForInvestigation(h, id);
    const after = await sight('subject1', id, title);
    expect(after).toMatchObject({ detail: 200, timeline: 200, faultTolerance: 200, listed: true });
    // No text search for them: it runs over the clue's summary, which their view leaves out.
    const search = await get(h, 'subject1', '/api/cases?q=%E5%B1%85%E6%B0%91');
    expect(search.status).toBe(400);
    expect(search.body.fields).toEqual([expect.objectContaining({ field: 'q' })]);
    const detail = (await get(h, 'subject1', `/api/cases/${id}`)).body;
    for (const hidden of ['summary', 'channel', 'intakeMethod', 'receivedAt', 'assigneeId', 'reporter']) expect(detail).not.toHaveProperty(hidden);
    // Nor does their list row or inbox say what their view of the case leaves out.
    const row = ((await get(h, 'subject1', '/api/cases')).body.items as { id: string }[]).find((c) => c.id === id);
    expect(row).toMatchObject({ id, subjectName: '张三' });
    for (const hidden of ['channel', 'intakeMethod', 'receivedAt', 'assigneeId']) expect(row).not.toHaveProperty(hidden);
  });

  it('an administrator reads no case (三员分立), though they publish the policies cases run on', async () => {
    const title = '三员分立：管理员不看案件';
    const id = await aClueInDisposition(title);
    expect(await sight('admin1', id, title)).toEqual(unseen);
    expect((await get(h, 'admin1', '/api/cases')).body).toMatchObject({ items: [], total: 0 });
    expect((await get(h, 'admin1', `/api/audit/verify?caseId=${id}`)).status).toBe(404);
    expect((await get(h, 'admin1', '/api/dashboard')).status).toBe(403);
    expect(JSON.stringify((await get(h, 'admin1', '/api/notifications')).body)).not.toContain(id);
  });

  it('an auditor reads the course of a case and verifies its trail, never its content nor the reporter (三员分立)', async () => {
    const title = '三员分立：审计员只看办理过程';
    const id = await aClueInDisposition(title, aSubject('周某某'));
    expect((await act(h, 'officer1', id, 'proposeDisposition', { disposition: 'CLOSE', reason: '反映不实，拟了结' })).status).toBe(200);

    const detail = (await get(h, 'auditor1', `/api/cases/${id}`)).body;
    expect(detail).toMatchObject({ view: 'audit', id, stage: 'DISPOSITION', assigneeId: DEMO_USERS.officer1.id, pendingApproval: { kind: 'DISPOSITION', proposedBy: DEMO_USERS.officer1.id }, availableActions: [] });
    const listed = (await get(h, 'auditor1', '/api/cases?pageSize=100')).body.items.find((c: { id: string }) => c.id === id);
    expect(listed).toMatchObject({ id, stage: 'DISPOSITION' });
    const timeline = (await get(h, 'auditor1', `/api/cases/${id}/timeline`)).body;
    expect(timeline.map((e: { action: string }) => e.action)).toEqual(['registerClue', 'acceptClue', 'proposeDisposition']);
    expect(timeline[2]).toMatchObject({ reason: null, payload: { disposition: 'CLOSE' }, withheld: ['reason', 'payload.reason'] });
    // Nothing that was written about the case, by the reporter or an officer, in anything the auditor reads.
    for (const read of [detail, listed, timeline, (await get(h, 'auditor1', `/api/cases/${id}/fault-tolerance`)).body]) {
      expect(JSON.stringify(read)).not.toMatch(/三员分立：审计员|周某某|反映不实|李四|13800000000|居民/);
    }
    // No text search, which would answer yes or no about the content; no tasks, as auditors act on no case.
    expect((await get(h, 'auditor1', `/api/cases?q=${encodeURIComponent('审计员')}`)).body).toMatchObject({ statusCode: 400, fields: [{ field: 'q' }] });
    expect((await get(h, 'auditor1', '/api/tasks')).body).toEqual([]);
    expect((await get(h, 'auditor1', `/api/audit/verify?caseId=${id}`)).body).toEqual({ caseId: id, valid: true, events: 3 });
    expect((await get(h, 'auditor1', '/api/dashboard')).status).toBe(200);
  });

  it('an auditor recused from a case cannot read its course or verify its trail', async () => {
    const title = '回避测试：审计员声明回避';
    const id = await aClueInDisposition(title);
    expect((await act(h, 'auditor1', id, 'declareConflict', { reason: '与被反映人系亲属' })).status).toBe(200);
    expect(await sight('auditor1', id, title)).toEqual({ ...unseen, searched: 400 });
    expect((await get(h, 'auditor1', `/api/audit/verify?caseId=${id}`)).status).toBe(404);
  });

  it('the official concerned has no dashboard and no directory', async () => {
    expect((await get(h, 'subject1', '/api/dashboard')).status).toBe(403);
    expect((await get(h, 'subject1', '/api/users')).status).toBe(403);
  });
});
