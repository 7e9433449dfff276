import { WithStartWorkflowOperation, type WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { CASE_WORKFLOW_TYPE, caseWorkflowId, type CaseWorkflow } from '@dandang/contracts';
import { caseActionUpdates, caseStateQuery, registerClueUpdate } from '@dandang/workflow-messages';
import { CHINA_CALENDAR_2025_2026, DEFAULT_POLICY } from '@dandang/domain';
import { CaseReadRepository } from '@dandang/persistence';
import { aDemoCaseInput, demoActor, startCaseWorkerHarness, type CaseWorkerHarness } from '@dandang/testing';

const { EventType } = temporal.api.enums.v1;

/** The activities a workflow's history scheduled, by type, and its local-activity markers. */
async function scheduled(handle: WorkflowHandle): Promise<{ activities: Record<string, number>; localActivityMarkers: number }> {
  const events = (await handle.fetchHistory()).events ?? [];
  const activities: Record<string, number> = {};
  for (const e of events) {
    if (e.eventType !== EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED) continue;
    const type = e.activityTaskScheduledEventAttributes?.activityType?.name ?? '?';
    activities[type] = (activities[type] ?? 0) + 1;
  }
  // Local activities leave a marker of this name (sdk-core's LOCAL_ACTIVITY_MARKER_NAME); patches leave others.
  const localActivityMarkers = events.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity').length;
  return { activities, localActivityMarkers };
}

/**
 * What a run asks of the server. Projections are activities, scheduled once the task that made the change is in the
 * history (nothing reaches PostgreSQL from a task that might never be committed, as a local activity would), and a
 * clock firing is one activity for its rungs and notices.
 */
describe('the activities one action or one clock firing costs', () => {
  let h: CaseWorkerHarness;
  beforeAll(async () => {
    h = await startCaseWorkerHarness();
  });
  afterAll(() => h.close());

  async function registerCase(overrides: Parameters<typeof aDemoCaseInput>[0] = {}) {
    const input = aDemoCaseInput(overrides);
    await h.client.workflow.executeUpdateWithStart(registerClueUpdate, {
      startWorkflowOperation: new WithStartWorkflowOperation<CaseWorkflow>(CASE_WORKFLOW_TYPE, {
        workflowId: caseWorkflowId(input.caseId), taskQueue: h.taskQueue, args: [input], workflowIdConflictPolicy: 'FAIL',
      }),
    });
    return { input, handle: h.client.workflow.getHandle(caseWorkflowId(input.caseId)) };
  }

  it('projects an officer action with one activity after the change is recorded, and no local activity', async () => {
    const { input, handle } = await registerCase();
    const accepted = await handle.executeUpdate(caseActionUpdates.acceptClue, { args: [{ actor: demoActor('officer1'), payload: {} }] });
    expect(await scheduled(handle)).toEqual({ activities: { projectCase: 2 }, localActivityMarkers: 0 });
    // And the answer was readable in PostgreSQL when the Update returned.
    expect(await new CaseReadRepository(h.dataSource).findById(input.caseId)).toMatchObject({ stage: 'DISPOSITION', version: accepted.state.version });
  });

  it('records each clock firing, its rungs and notices, in one activity, and schedules no webhook without one', async () => {
    const policy = {
      ...DEFAULT_POLICY,
      version: `drill-tasks-${Date.now()}`,
      stageLimits: { INTAKE: { amount: 3, unit: 'SECOND' as const } },
      deadlineRules: { reminderPoints: [0.5, 0.8], yellowCardAt: 0.8, escalateAfter: 0.2 },
    };
    const { input, handle } = await registerCase({ policy, calendar: CHINA_CALENDAR_2025_2026 });
    const rungs = 5; // reminders at 50 % and 80 %, yellow card (with the 80 % reminder), red card, escalation
    const deadline = Date.now() + 60_000;
    // The workflow's state has a rung before PostgreSQL does (the activity runs after the task is recorded): wait on the audit trail.
    const firedRungs = async (): Promise<number> =>
      (await h.dataSource.query(`SELECT count(*)::int AS fired FROM audit_events WHERE case_id = $1 AND action = 'deadlineRung'`, [input.caseId]))[0].fired;
    while ((await firedRungs()) < rungs && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(await firedRungs()).toBe(rungs);
    expect((await handle.query(caseStateQuery)).version).toBe(1 + rungs);
    const [{ notices }] = await h.dataSource.query('SELECT count(*)::int AS notices FROM notifications WHERE case_id = $1', [input.caseId]);
    expect(notices).toBeGreaterThanOrEqual(rungs);
    const { activities, localActivityMarkers } = await scheduled(handle);
    // Registration's projection, then one activity per firing and nothing else: rungs due by the time a firing runs
    // go together (the 80 % reminder and the yellow card always; more of them when the machine is slow).
    const { projectCase, recordClockFirings, ...others } = activities;
    expect({ projectCase, others, localActivityMarkers }).toEqual({ projectCase: 1, others: {}, localActivityMarkers: 0 });
    expect(recordClockFirings).toBeGreaterThanOrEqual(1);
    expect(recordClockFirings).toBeLessThanOrEqual(4);
  });
});
