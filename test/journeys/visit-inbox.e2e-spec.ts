// A follow-up visit (回访) enters the case officer's task inbox (我的待办, GET /api/tasks) once its clock
// (stepLimits.FOLLOW_UP_VISIT, from the visit's date) has reminded them, not months ahead; recording it takes it out.
// Through the HTTP API against the real Temporal dev server and PostgreSQL.
import { DEMO_USERS } from '@dandang/persistence';
import { addMonths, DEFAULT_FAULT_TOLERANCE_POLICY, DEFAULT_POLICY } from '@dandang/domain';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { act, get, register } from '../support/actions';
import { aClue } from '../support/clue';
import { aSubject, ok } from '../support/case-drive';
import { aDrillPolicy, eventually } from '../support/drill-policy';

/** How far ahead of now the first visit falls: the inbox is watched for that long before its clock starts. */
const VISIT_LEAD_MS = 12_000;

/**
 * Visits fall whole months after the clearing, and a clearing may be recorded as made earlier: made `k` months before
 * the moment wanted, the first visit falls then. No moment a month earlier maps onto the 29th–31st after a shorter
 * month, but two months earlier does (no two short months run together): the first `k` that maps back exactly, for
 * now and the next minutes alike.
 */
function firstVisitMonths(): number {
  const exact = (at: Date, k: number) => addMonths(addMonths(at, -k), k).getTime() === at.getTime();
  const soon = [0, 10 * 60_000].map((ms) => new Date(Date.now() + ms));
  return [1, 2, 3, 12].find((k) => soon.every((at) => exact(at, k)))!;
}

interface Visit {
  id: string;
  dueAt: string;
  deadline?: { limit: { amount: number; unit: string }; fired: string[] };
  record?: unknown;
}

describe('a follow-up visit in the case officer’s task inbox', () => {
  let h: ApiHarness;
  beforeAll(async () => {
    h = await startApiHarness();
  });
  afterAll(() => h.close());

  /** The actions the case awaits of officer1 in their inbox (none when it is not there). */
  const awaited = async (id: string): Promise<string[]> => {
    const tasks = (await get(h, 'officer1', '/api/tasks')).body as { case: { id: string }; awaitedActions: { name: string }[] }[];
    return tasks.find((t) => t.case.id === id)?.awaitedActions.map((a) => a.name) ?? [];
  };
  const visitsOf = async (id: string): Promise<Visit[]> => (await get(h, 'officer1', `/api/cases/${id}`)).body.followUp;

  it('waits until the visit’s clock has reminded the officer, then lists it until the visit is recorded', async () => {
    // A visit's clock of seconds: reminders at half and four fifths of it (the default ladder). The later visits a year
    // and two after the first.
    const k = firstVisitMonths();
    const policy = aDrillPolicy('drill-visit-clock', { INTAKE: 600, DISPOSITION: 600, VERIFICATION: 600, INVESTIGATION: 600, DECIDED: 600 }, {
      stepLimits: { ...DEFAULT_POLICY.stepLimits, FOLLOW_UP_VISIT: { amount: 4, unit: 'SECOND' } },
      faultTolerance: { ...DEFAULT_FAULT_TOLERANCE_POLICY, followUpVisitMonths: [k, k + 12, k + 24] },
    });
    await h.http.post('/api/admin/policies').set('Authorization', `Bearer ${await h.token('admin1')}`).send(policy).expect(201);

    // An allegation found untrue at verification: the officer clears the official's name, which schedules visits.
    const id = (await ok(register(h, 'intake1', aClue({ subject: aSubject('周十六') })), 'register')).id as string;
    await ok(act(h, 'intake1', id, 'acceptClue', { assigneeId: DEMO_USERS.officer1.id }), 'accept');
    await ok(act(h, 'officer1', id, 'proposeDisposition', { disposition: 'PRELIMINARY_VERIFICATION', reason: '需初核' }), 'dispose');
    await ok(act(h, 'supervisor1', id, 'approve', {}), 'approve disposition');
    await ok(act(h, 'officer1', id, 'submitVerificationReport', { finding: 'UNTRUE', summary: '反映不实' }), 'verify');
    expect(await ok(act(h, 'supervisor2', id, 'approve', {}), 'approve finding')).toMatchObject({ policyVersion: 'drill-visit-clock', stage: 'CLOSED', nameClearing: { status: 'DUE' } });

    // The clearing recorded as made k months ago, less a few seconds: its first visit falls seconds from now.
    const visitAt = new Date(Date.now() + VISIT_LEAD_MS);
    const completedAt = addMonths(visitAt, -k);
    expect(addMonths(completedAt, k).toISOString()).toBe(visitAt.toISOString());
    const cleared = await ok(act(h, 'officer1', id, 'recordNameClearing', { harmed: true, methods: ['WRITTEN'], completedAt: completedAt.toISOString(), note: '书面澄清' }), 'clear');
    const scheduled = cleared.followUp as Visit[];
    expect(scheduled.map((v) => v.id)).toEqual(['V1', 'V2', 'V3']);
    expect(scheduled[0]).toMatchObject({ dueAt: visitAt.toISOString(), deadline: { limit: { amount: 4, unit: 'SECOND' }, fired: [] } });

    // Until the reminder, the case waits on nobody: not in the officer's inbox, for the visit or anything else.
    await eventually(async () => ((await awaited(id)).length === 0 ? true : undefined), 10_000, 'the clearing to leave the inbox');
    let lookedBeforeReminder = 0;
    const reminded = await eventually(
      async () => {
        // The inbox first, then the visit: a reminder the inbox reflects shows in the visit read after it.
        const inbox = await awaited(id);
        const [visit] = await visitsOf(id);
        if (visit.deadline!.fired.length > 0) return visit;
        expect(inbox).toEqual([]);
        lookedBeforeReminder++;
        return undefined;
      },
      VISIT_LEAD_MS + 20_000,
      'the first visit’s reminder',
    );
    expect(lookedBeforeReminder).toBeGreaterThan(0);
    expect(reminded.deadline!.fired[0]).toBe('REMINDER@0.5');

    await eventually(async () => ((await awaited(id)).includes('recordFollowUpVisit') ? true : undefined), 10_000, 'the visit in the inbox');
    expect(await awaited(id)).toEqual(['recordFollowUpVisit']);
    // Only the visit reminded: the later two have not started their clocks' ladders.
    expect((await visitsOf(id)).slice(1).map((v) => v.deadline!.fired)).toEqual([[], []]);

    const visited = await act(h, 'officer1', id, 'recordFollowUpVisit', { visitId: 'V1', findings: '工作状态良好' });
    expect(visited.status).toBe(200);
    expect(visited.body.followUp[0]).toMatchObject({ id: 'V1', record: { findings: '工作状态良好' } });
    // The visits months ahead keep it out until their own clocks remind.
    await eventually(async () => ((await awaited(id)).length === 0 ? true : undefined), 10_000, 'the recorded visit to leave the inbox');
  });
});
