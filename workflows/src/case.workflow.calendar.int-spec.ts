import { CASE_WORKFLOW_TYPE, caseWorkflowId, type CaseWorkflow, type PinnedCalendar } from '@dandang/contracts';
import { calendarPublishedSignal, caseStateQuery, registerClueUpdate } from '@dandang/workflow-messages';
import { AuditRepository } from '@dandang/persistence';
import { aDemoCaseInput, startCaseWorkerHarness, type CaseWorkerHarness } from '@dandang/testing';
import { WithStartWorkflowOperation } from '@temporalio/client';

// Years far ahead, so every date of the clock is still to come whenever the test runs.
const ONLY_2098: PinnedCalendar = { version: 'T-2098', years: { 2098: { holidays: [], makeupWorkdays: [] } } };
const WITH_2099: PinnedCalendar = {
  version: 'T-2099',
  years: { ...ONLY_2098.years, 2099: { holidays: ['2099-01-01', '2099-01-02', '2099-01-03'], makeupWorkdays: [] } },
};

async function until(done: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100 && !(await done()); i++) await new Promise((resolve) => setTimeout(resolve, 100));
}

describe('a running case and a calendar year published after it started', () => {
  let h: CaseWorkerHarness;
  beforeAll(async () => {
    h = await startCaseWorkerHarness();
  });
  afterAll(() => h.close());

  it("moves the stage clock's due date to respect the newly published holidays", async () => {
    // INTAKE: 5 working days from Friday 2098-12-26. Weekends only: 12-29, 30, 31, 01-01, 01-02.
    const base = aDemoCaseInput({ calendar: ONLY_2098, registeredAt: '2098-12-26T02:00:00.000Z' });
    // Received when registered: INTAKE counts from the receipt.
    const input = { ...base, registration: { ...base.registration, receivedAt: base.registeredAt } };
    const registered = await h.client.workflow.executeUpdateWithStart(registerClueUpdate, {
      startWorkflowOperation: new WithStartWorkflowOperation<CaseWorkflow>(CASE_WORKFLOW_TYPE, {
        workflowId: caseWorkflowId(input.caseId),
        taskQueue: h.taskQueue,
        args: [input],
        workflowIdConflictPolicy: 'FAIL',
      }),
    });
    expect(registered.deadline).toMatchObject({ dueAt: '2099-01-02T15:59:59.999Z', unpublishedYears: [2099] });

    const handle = h.client.workflow.getHandle(caseWorkflowId(input.caseId));
    await handle.signal(calendarPublishedSignal, WITH_2099);
    // With 2099-01-01 to 03 off: 12-29, 30, 31, 01-05, 01-06.
    const recounted = { version: 2, deadline: { dueAt: '2099-01-06T15:59:59.999Z', unpublishedYears: [], calendarVersion: 'T-2098+T-2099' } };
    await until(async () => (await handle.query(caseStateQuery)).version === 2);
    expect(await handle.query(caseStateQuery)).toMatchObject(recounted);

    // The read model and the audit trail have it too.
    const audit = new AuditRepository(h.dataSource);
    await until(async () => (await audit.verifyChain(input.caseId)).events === 2);
    expect(await audit.verifyChain(input.caseId)).toMatchObject({ valid: true, events: 2 });
    const [row] = await h.dataSource.query(`SELECT due_at FROM cases WHERE id = $1`, [input.caseId]);
    expect(new Date(row.due_at).toISOString()).toBe('2099-01-06T15:59:59.999Z');

    // The same publication again adds no year: nothing changes.
    await handle.signal(calendarPublishedSignal, WITH_2099);
    expect(await handle.query(caseStateQuery)).toMatchObject(recounted);
  });
});
