import { DEMO_USERS } from '@dandang/persistence';
import { startApiHarness, type ApiHarness, type DemoUserName } from '../support/api-harness';
import { act, get, register } from '../support/actions';
import { aClue } from '../support/clue';

const officer1 = DEMO_USERS.officer1.id;
const officer2 = DEMO_USERS.officer2.id;

interface CaseResult {
  caseId: string;
  outcome: string;
  reason?: string;
  number?: string;
}

describe('bulk reassignment when staff change posts (批量改派)', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApiHarness();
  });
  afterAll(() => h.close());

  /** A case accepted for officer1, in DISPOSITION. */
  async function officer1Case(): Promise<string> {
    const id: string = (await register(h, 'intake1', aClue())).body.id;
    expect((await act(h, 'intake1', id, 'acceptClue', { assigneeId: officer1 })).status).toBe(200);
    return id;
  }

  async function start(user: DemoUserName, body: Record<string, unknown>, key?: string) {
    const req = h.http.post('/api/reassignments').set('Authorization', `Bearer ${await h.token(user)}`);
    if (key) req.set('Idempotency-Key', key);
    return req.send(body);
  }

  /** Polls the run's progress until it is done. */
  async function done(id: string): Promise<{ status: string; applied: number; refused: number; failed: number; finished: number; total: number; cases: CaseResult[] }> {
    const until = Date.now() + 60_000;
    for (;;) {
      const res = await get(h, 'supervisor1', `/api/reassignments/${id}`);
      if (res.status === 200 && res.body.status === 'DONE') return res.body;
      if (Date.now() > until) throw new Error(`run ${id} not done: ${res.status} ${JSON.stringify(res.body)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  const assigneeOf = async (id: string) => (await get(h, 'supervisor1', `/api/cases/${id}`)).body.assigneeId;
  const reassignEvents = async (id: string) =>
    (await get(h, 'supervisor1', `/api/cases/${id}/timeline`)).body.filter((e: { action: string }) => e.action === 'reassign').length;

  it("moves officer1's open cases to officer2, refusing with RECUSAL the one officer2 is recused from, once per Idempotency-Key", async () => {
    const [a, b, recused] = [await officer1Case(), await officer1Case(), await officer1Case()];
    expect((await act(h, 'officer2', recused, 'declareConflict', { reason: '与被反映人系亲属关系' })).status).toBe(200);

    const holders = (await get(h, 'supervisor1', '/api/reassignments/holders')).body;
    expect(holders).toEqual(expect.arrayContaining([expect.objectContaining({ userId: officer1, openCases: 3, active: true })]));
    const open = (await get(h, 'supervisor1', `/api/reassignments/open-cases?from=${officer1}`)).body.map((c: { id: string }) => c.id);
    expect(open).toEqual([a, b, recused]);

    const body = { fromUserId: officer1, toUserId: officer2, reason: '岗位调整 (change of post)' };
    const first = await start('supervisor1', body, 'handover-officer1');
    expect(first.status).toBe(201);
    expect(first.body).toEqual({ id: expect.any(String), total: 3 });
    const again = await start('supervisor1', body, 'handover-officer1');
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);

    const run = await done(first.body.id);
    expect(run).toMatchObject({ status: 'DONE', total: 3, finished: 3, applied: 2, refused: 1, failed: 0 });
    const byCase = new Map(run.cases.map((c) => [c.caseId, c]));
    expect(byCase.get(a)).toMatchObject({ outcome: 'APPLIED', number: expect.stringMatching(/^DD-/) });
    expect(byCase.get(b)).toMatchObject({ outcome: 'APPLIED' });
    expect(byCase.get(recused)).toMatchObject({ outcome: 'REFUSED', reason: 'RECUSAL' });

    expect(await assigneeOf(a)).toBe(officer2);
    expect(await assigneeOf(b)).toBe(officer2);
    expect(await assigneeOf(recused)).toBe(officer1);
    // One run, one reassignment per case: the retried POST started nothing.
    expect([await reassignEvents(a), await reassignEvents(b), await reassignEvents(recused)]).toEqual([1, 1, 0]);
    // The run is its requester's: another supervisor does not see it.
    expect((await get(h, 'supervisor2', `/api/reassignments/${first.body.id}`)).status).toBe(404);
  });

  it('is for supervisors only: an officer, an intake officer and an administrator (who reads no case) get 403', async () => {
    const body = { fromUserId: officer1, toUserId: officer2, reason: '岗位调整' };
    for (const user of ['officer1', 'intake1', 'admin1', 'auditor1'] as const) {
      expect((await start(user, body)).status).toBe(403);
      expect((await get(h, user, '/api/reassignments/holders')).status).toBe(403);
    }
  });

  it('refuses a new officer who is not an active case officer, and cases that are not the officer’s', async () => {
    const own = await officer1Case();
    const notACaseOfficer = await start('supervisor1', { fromUserId: officer1, toUserId: DEMO_USERS.intake1.id, reason: '岗位调整' });
    expect(notACaseOfficer.status).toBe(400);
    expect(notACaseOfficer.body.fields).toEqual([expect.objectContaining({ field: 'toUserId' })]);
    const other = (await register(h, 'intake1', aClue())).body.id;
    const foreign = await start('supervisor1', { fromUserId: officer1, toUserId: officer2, caseIds: [own, other], reason: '岗位调整' });
    expect(foreign.status).toBe(400);
    expect(foreign.body.fields).toEqual([expect.objectContaining({ field: 'caseIds.1' })]);
  });

  it('finishes after a worker restart mid-run, each case reassigned once', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push(await officer1Case());
    const started = await start('supervisor1', { fromUserId: officer1, toUserId: officer2, caseIds: ids, reason: '岗位调整' }, 'restart-run');
    expect(started.status).toBe(201);
    await h.workers.stopWorker();
    await h.workers.startWorker();
    const run = await done(started.body.id);
    expect(run).toMatchObject({ total: 6, applied: 6, refused: 0, failed: 0 });
    for (const id of ids) {
      expect(await assigneeOf(id)).toBe(officer2);
      expect(await reassignEvents(id)).toBe(1);
    }
  });
});
