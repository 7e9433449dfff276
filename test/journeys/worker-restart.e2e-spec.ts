import { DEMO_USERS } from '@dandang/persistence';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { act, get, register } from '../support/actions';
import { aClue } from '../support/clue';

describe('the worker stopped mid-case and restarted', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApiHarness();
  });
  afterAll(() => h.close());

  it('an action sent while no worker runs completes once it is back, and the case goes on with nothing lost', async () => {
    const id = (await register(h, 'intake1', aClue())).body.id;
    await act(h, 'intake1', id, 'acceptClue', { assigneeId: DEMO_USERS.officer1.id }).then((r) => expect(r.status).toBe(200));

    await h.workers.stopWorker();
    const whileDown = act(h, 'officer1', id, 'proposeDisposition', { disposition: 'PRELIMINARY_VERIFICATION', reason: '需初核' });
    await h.workers.startWorker();
    const proposed = await whileDown;
    expect(proposed.status).toBe(200);
    expect(proposed.body).toMatchObject({ version: 3, pendingApproval: { kind: 'DISPOSITION' } });

    await h.workers.stopWorker();
    await h.workers.startWorker();
    const approved = await act(h, 'supervisor1', id, 'approve', {});
    expect(approved.body).toMatchObject({ stage: 'VERIFICATION', version: 4 });
    const timeline = await get(h, 'auditor1', `/api/cases/${id}/timeline`);
    expect(timeline.body.map((e: { version: number }) => e.version)).toEqual([1, 2, 3, 4]);
    expect((await get(h, 'auditor1', `/api/audit/verify?caseId=${id}`)).body).toMatchObject({ valid: true, events: 4 });
  });
});
