import { WithStartWorkflowOperation, type WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { CASE_WORKFLOW_TYPE, caseActionUpdates, caseStateQuery, caseWorkflowId, registerClueUpdate, type CaseWorkflow } from '@dandang/contracts';
import { CHINA_CALENDAR_2025_2026, DEFAULT_POLICY } from '@dandang/domain';
import { CaseReadRepository } from '@dandang/persistence';
import { aDemoCaseInput, demoActor, startCaseWorkerHarness, type CaseWorkerHarness } from '@dandang/testing';

const { EventType } = temporal.api.enums.v1;

/** How many events of each kind a workflow's history holds. */
async function eventCounts(handle: WorkflowHandle): Promise<{ workflowTasks: number; activities: number; markers: number }> {
  const events = (await handle.fetchHistory()).events ?? [];
  const count = (type: number) => events.filter((e) => e.eventType === type).length;
  return {
    workflowTasks: count(EventType.EVENT_TYPE_WORKFLOW_TASK_COMPLETED),
    activities: count(EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED),
    // Local activities leave a marker of this name (sdk-core's LOCAL_ACTIVITY_MARKER_NAME); patches leave others.
    markers: events.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity').length,
  };
}

/**
 * Patch local-projection-v1: a change is projected by a local activity inside the workflow task that accepted it,
 * and a clock firing records its rungs and notices in one. What the server has to schedule is the measure here:
 * on a busy server every extra task was a queue to wait in (BENCHMARKS.md).
 */
describe('the work one action or one clock firing costs the server', () => {
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

  it('projects an officer action in the one workflow task that accepts it, with no activity task', async () => {
    const { input, handle } = await registerCase();
    const before = await eventCounts(handle);
    const accepted = await handle.executeUpdate(caseActionUpdates.acceptClue, { args: [{ actor: demoActor('officer1'), payload: {} }] });
    const after = await eventCounts(handle);
    expect({ tasks: after.workflowTasks - before.workflowTasks, activities: after.activities, markers: after.markers - before.markers }).toEqual({
      tasks: 1,
      activities: 0,
      markers: 1,
    });
    // And the answer was readable in PostgreSQL when the Update returned.
    expect(await new CaseReadRepository(h.dataSource).findById(input.caseId)).toMatchObject({ stage: 'DISPOSITION', version: accepted.state.version });
  });

  it('records each clock firing, its rungs and notices, in one local activity, and no webhook task without a webhook', async () => {
    const policy = {
      ...DEFAULT_POLICY,
      version: `drill-tasks-${Date.now()}`,
      stageLimits: { INTAKE: { amount: 3, unit: 'SECOND' as const } },
      deadlineRules: { reminderPoints: [0.5, 0.8], yellowCardAt: 0.8, escalateAfter: 0.2 },
    };
    const { input, handle } = await registerCase({ policy, calendar: CHINA_CALENDAR_2025_2026 });
    const rungs = 5; // reminders at 50 % and 80 %, yellow card, red card, escalation
    const deadline = Date.now() + 60_000;
    while ((await handle.query(caseStateQuery)).version < 1 + rungs && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const state = await handle.query(caseStateQuery);
    expect(state.version).toBe(1 + rungs);
    const [{ fired }] = await h.dataSource.query(`SELECT count(*)::int AS fired FROM audit_events WHERE case_id = $1 AND action = 'deadlineRung'`, [input.caseId]);
    expect(fired).toBe(rungs);
    const [{ notices }] = await h.dataSource.query('SELECT count(*)::int AS notices FROM notifications WHERE case_id = $1', [input.caseId]);
    expect(notices).toBeGreaterThanOrEqual(rungs);
    const counts = await eventCounts(handle);
    // Registration's projection, then one marker per firing (rungs due at the same moment fire together).
    expect(counts.activities).toBe(0);
    expect(counts.markers).toBeGreaterThanOrEqual(2);
    expect(counts.markers).toBeLessThanOrEqual(1 + rungs);
  });
});
