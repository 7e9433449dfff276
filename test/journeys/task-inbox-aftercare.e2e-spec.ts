// The task inbox (我的待办, GET /api/tasks) lists work that waits beside or after the stage, through the HTTP API
// against real Temporal and PostgreSQL: the reporter's result owed after a clue closed, an appeal filed on a served
// decision, a name to clear after a withdrawn case. Each is gone once done.
import { DEMO_USERS } from '@dandang/persistence';
import { startApiHarness, type ApiHarness, type DemoUserName } from '../support/api-harness';
import { act, get, register } from '../support/actions';
import { aClue } from '../support/clue';
import { aCaseUnderInvestigation, aServedCase, aSubject } from '../support/case-drive';
import { eventually } from '../support/drill-policy';

describe('the task inbox lists aftercare that waits on someone, through the HTTP API', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApiHarness();
  });
  afterAll(() => h.close());

  /** The actions the case awaits of `user` in their inbox (none when it is not there). */
  const awaited = async (user: DemoUserName, id: string): Promise<string[]> => {
    const tasks = (await get(h, user, '/api/tasks')).body as { case: { id: string }; awaitedActions: { name: string }[] }[];
    return tasks.find((t) => t.case.id === id)?.awaitedActions.map((a) => a.name) ?? [];
  };
  /** Waits until the inbox of `user` shows the case awaiting `action` (or, with `listed` false, no longer shows it). */
  const inboxShows = (user: DemoUserName, id: string, action: string, listed = true) =>
    eventually(async () => ((await awaited(user, id)).includes(action) === listed ? true : undefined), 10_000, `${user}'s inbox ${listed ? 'to list' : 'to drop'} ${action}`);

  it("lists a clue closed at disposition for its intake officer until the reporter is told the result", async () => {
    const id = (await register(h, 'intake1', aClue({ subject: aSubject('陈十三') }))).body.id as string;
    await act(h, 'intake1', id, 'recordReporterNotice', { notice: 'ACCEPTANCE', method: 'PHONE', notifiedAt: new Date().toISOString(), note: '电话告知已受理' });
    await act(h, 'intake1', id, 'acceptClue', { assigneeId: DEMO_USERS.officer1.id });
    await act(h, 'officer1', id, 'proposeDisposition', { disposition: 'CLOSE', reason: '反映问题已解决' });
    const closed = await act(h, 'supervisor1', id, 'approve', {});
    expect(closed.body).toMatchObject({ stage: 'CLOSED', reporterNotices: [{ kind: 'ACCEPTANCE' }, { kind: 'RESULT' }] });

    await inboxShows('intake1', id, 'recordReporterNotice');
    expect(await awaited('intake1', id)).toEqual(['recordReporterNotice']);
    // Nobody else's: the officer and the supervisor owe the reporter nothing.
    expect(await awaited('officer1', id)).toEqual([]);
    expect(await awaited('supervisor1', id)).toEqual([]);
    const told = await act(h, 'intake1', id, 'recordReporterNotice', { notice: 'RESULT', method: 'WRITTEN', notifiedAt: new Date().toISOString(), note: '书面反馈处理结果' });
    expect(told.status).toBe(200);
    await inboxShows('intake1', id, 'recordReporterNotice', false);
  });

  it('lists an appeal filed on a served decision for a supervisor of the deciding body until decided', async () => {
    const id = await aServedCase(h, aSubject('林十四'));
    const recorded = await act(h, 'intake1', id, 'recordPaperAppeal', { grounds: '书面申诉：事实认定有误', receivedAt: new Date().toISOString() });
    expect(recorded.body).toMatchObject({ stage: 'SERVED', appeal: { filed: { grounds: '书面申诉：事实认定有误' } } });
    await inboxShows('supervisor3', id, 'decideAppeal');
    const decided = await act(h, 'supervisor3', id, 'decideAppeal', { outcome: 'UPHELD', reason: '原决定事实清楚' });
    expect(decided.status).toBe(200);
    await inboxShows('supervisor3', id, 'decideAppeal', false);
  });

  it("lists a withdrawn case's name clearing for the officer who handled it until recorded (谁核实谁澄清)", async () => {
    const id = await aCaseUnderInvestigation(h, aSubject('郑十五'));
    await act(h, 'officer1', id, 'proposeNoAccountability', { outcome: 'CASE_WITHDRAWN', allegationUntrue: true, reason: '经审查，反映失实' });
    const withdrawn = await act(h, 'supervisor3', id, 'approve', { comment: '同意撤销案件' });
    expect(withdrawn.body).toMatchObject({ stage: 'CLOSED', nameClearing: { status: 'DUE' } });
    await inboxShows('officer1', id, 'recordNameClearing');
    const cleared = await act(h, 'officer1', id, 'recordNameClearing', { harmed: true, methods: ['WRITTEN'], completedAt: new Date().toISOString(), note: '书面澄清' });
    expect(cleared.status).toBe(200);
    await inboxShows('officer1', id, 'recordNameClearing', false);
  });
});
