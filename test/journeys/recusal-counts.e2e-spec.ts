import { DEMO_USERS, NotificationRepository } from '@dandang/persistence';
import { startApiHarness, type ApiHarness, type DemoUserName } from '../support/api-harness';
import { act, get, register } from '../support/actions';
import { aClue } from '../support/clue';
import { aSubject, fileForInvestigation } from '../support/case-drive';
import { aDrillPolicy, eventually } from '../support/drill-policy';

type Figures = {
  byStage: { stage: string; count: number }[];
  byOrgUnit: { orgUnitId: string; count: number }[];
  dueSoon: number;
  daysPerStage: { stage: string; visits: number }[];
};
type Notice = { id: string; caseId: string | null; title: string; body: string };

/** A recused user never finds the case in a count or a notification, the official concerned none before being told. */
describe('recusal in counts and notifications', () => {
  let h: ApiHarness;
  let outbox: NotificationRepository;
  beforeAll(async () => {
    h = await startApiHarness();
    outbox = new NotificationRepository(h.workers.dataSource);
  });
  afterAll(() => h.close());

  /** The figures of the caller's dashboard that count one DISPOSITION case with a running clock and an ended INTAKE visit. */
  async function counted(user: DemoUserName) {
    const f = (await get(h, user, '/api/dashboard?dueSoonDays=90')).body as Figures;
    return {
      disposition: f.byStage.find((s) => s.stage === 'DISPOSITION')?.count ?? 0,
      units: f.byOrgUnit.find((u) => u.orgUnitId === DEMO_USERS.officer1.orgUnitId)?.count ?? 0,
      dueSoon: f.dueSoon,
      intakeVisits: f.daysPerStage.find((s) => s.stage === 'INTAKE')?.visits ?? 0,
    };
  }
  const notices = async (user: DemoUserName) => (await get(h, user, '/api/notifications')).body as Notice[];

  it("the dashboard leaves out the cases the viewer is recused from, and only from the viewer's counts", async () => {
    const id = (await register(h, 'intake1', aClue({ subject: aSubject('钱七') }))).body.id as string;
    expect((await act(h, 'intake1', id, 'acceptClue', { assigneeId: DEMO_USERS.officer1.id })).status).toBe(200);
    const [officer, supervisor] = [await counted('officer1'), await counted('supervisor1')];
    expect(officer).toEqual(supervisor);

    expect((await act(h, 'officer1', id, 'declareConflict', { reason: '与被反映人系亲属关系' })).status).toBe(200);
    expect(await counted('supervisor1')).toEqual(supervisor);
    expect(await counted('officer1')).toEqual({
      disposition: supervisor.disposition - 1,
      units: supervisor.units - 1,
      dueSoon: supervisor.dueSoon - 1,
      intakeVisits: supervisor.intakeVisits - 1,
    });
  });

  it('an administrator has no dashboard: its counts are of cases they may not read (三员分立)', async () => {
    expect((await get(h, 'admin1', '/api/dashboard')).status).toBe(403);
    expect((await get(h, 'auditor1', '/api/dashboard')).status).toBe(200);
  });

  it('a notification about a case is withdrawn from a user recused after it was sent, title and all', async () => {
    const policy = aDrillPolicy('drill-recusal-notice', { INTAKE: 600, DISPOSITION: 2 }, { deadlineRules: { reminderPoints: [0.5], yellowCardAt: 0.9, escalateAfter: 10 } });
    expect((await h.http.post('/api/admin/policies').set('Authorization', `Bearer ${await h.token('admin1')}`).send(policy)).status).toBe(201);
    const title = '通知回避测试：某所违规收费';
    const id = (await register(h, 'intake1', aClue({ title, subject: aSubject('孙八') }))).body.id as string;
    expect((await act(h, 'intake1', id, 'acceptClue', { assigneeId: DEMO_USERS.officer2.id })).status).toBe(200);
    const reminder = await eventually(async () => (await notices('officer2')).find((n) => n.caseId === id), 20_000, 'a reminder to officer2');
    expect(reminder.body).toContain(title);

    expect((await act(h, 'officer2', id, 'declareConflict', { reason: '曾与被反映人共事' })).status).toBe(200);
    const after = await notices('officer2');
    expect(after.map((n) => n.caseId)).not.toContain(id);
    expect(JSON.stringify(after)).not.toContain(title);
    expect((await h.http.post(`/api/notifications/${reminder.id}/read`).set('Authorization', `Bearer ${await h.token('officer2')}`)).status).toBe(404);
  });

  it('the official concerned reads no notification about their case before being told of it, nor an administrator any', async () => {
    const id = (await register(h, 'intake1', aClue({ subject: aSubject() }))).body.id as string;
    expect((await act(h, 'intake1', id, 'acceptClue', { assigneeId: DEMO_USERS.officer1.id })).status).toBe(200);
    const draft = (who: string) => ({ caseId: id, kind: 'REMINDER', title: `提醒 ${who}`, body: '通知正文', dedupeKey: `${id}:test:${who}` });
    await outbox.notify([DEMO_USERS.subject1.id], draft('subject'));
    await outbox.notify([DEMO_USERS.admin1.id], draft('admin'));
    await outbox.notify([DEMO_USERS.admin1.id], { ...draft('admin-system'), caseId: null, dedupeKey: `${id}:system` });

    expect((await notices('subject1')).map((n) => n.caseId)).not.toContain(id);
    expect((await notices('admin1')).map((n) => n.caseId)).toEqual([null]);

    await fileForInvestigation(h, id);
    expect((await notices('subject1')).map((n) => n.caseId)).toContain(id);
  });
});
