import { WorkflowUpdateFailedError } from '@temporalio/client';
import { CASE_WORKFLOW_TYPE, DEFAULT_TASK_QUEUE, caseWorkflowId, type CaseWorkflow } from '@dandang/contracts';
import { CaseStageKey, caseActionUpdates, caseStateQuery, registerClueUpdate } from '@dandang/workflow-messages';
import { AuditRepository, CaseReadRepository } from '@dandang/persistence';
import { CHINA_CALENDAR_2025_2026, DEFAULT_POLICY, addDuration, deadlineRungs } from '@dandang/domain';
import { aDemoCaseInput, demoActor, startCaseWorkerHarness, type CaseWorkerHarness } from '@dandang/testing';
import { WithStartWorkflowOperation } from '@temporalio/client';

describe('caseWorkflow against the Temporal dev server and PostgreSQL', () => {
  let h: CaseWorkerHarness;
  beforeAll(async () => {
    h = await startCaseWorkerHarness();
  });
  afterAll(() => h.close());

  async function registerCase(input = aDemoCaseInput()) {
    const state = await h.client.workflow.executeUpdateWithStart(registerClueUpdate, {
      startWorkflowOperation: new WithStartWorkflowOperation<CaseWorkflow>(CASE_WORKFLOW_TYPE, {
        workflowId: caseWorkflowId(input.caseId),
        taskQueue: h.taskQueue,
        args: [input],
        workflowIdConflictPolicy: 'FAIL',
      }),
    });
    return { input, state, handle: h.client.workflow.getHandle(caseWorkflowId(input.caseId)) };
  }

  it('registers a case and projects it before the registration update returns', async () => {
    const { input, state } = await registerCase();
    expect(state).toMatchObject({ stage: 'INTAKE', version: 1 });
    const row = await new CaseReadRepository(h.dataSource).findById(input.caseId);
    expect(row).toMatchObject({ stage: 'INTAKE', version: 1, number: input.number });
    expect(DEFAULT_TASK_QUEUE).not.toEqual(h.taskQueue);
  });

  it('applies accepted actions in order and keeps the audit chain valid', async () => {
    const { input, handle } = await registerCase();
    const accepted = await handle.executeUpdate(caseActionUpdates.acceptClue, {
      args: [{ actor: demoActor('officer1'), payload: {} }],
    });
    expect(accepted.state).toMatchObject({ stage: 'DISPOSITION', version: 2, assigneeId: demoActor('officer1').userId });
    await handle.executeUpdate(caseActionUpdates.proposeDisposition, {
      args: [{ actor: demoActor('officer1'), payload: { disposition: 'PRELIMINARY_VERIFICATION', reason: '需核实' } }],
    });
    const approved = await handle.executeUpdate(caseActionUpdates.approve, {
      args: [{ actor: demoActor('supervisor1'), payload: { comment: '同意' } }],
    });
    expect(approved.state).toMatchObject({ stage: 'VERIFICATION', version: 4 });
    const row = await new CaseReadRepository(h.dataSource).findById(input.caseId);
    expect(row).toMatchObject({ stage: 'VERIFICATION', version: 4, hasPendingApproval: false });
    expect((await handle.describe()).typedSearchAttributes.get(CaseStageKey)).toBe('VERIFICATION');
    const chain = await new AuditRepository(h.dataSource).verifyChain(input.caseId);
    expect(chain).toEqual({ caseId: input.caseId, valid: true, events: 4 });
  });

  it('refuses a four-eyes violation in the validator and writes no history', async () => {
    const { handle } = await registerCase();
    await handle.executeUpdate(caseActionUpdates.acceptClue, { args: [{ actor: demoActor('officer1'), payload: {} }] });
    const before = (await handle.fetchHistory()).events?.length;
    // officer1 is the assignee; giving them a supervisor role must still not let them approve (four eyes).
    await handle.executeUpdate(caseActionUpdates.proposeDisposition, {
      args: [{ actor: demoActor('officer1'), payload: { disposition: 'CLOSE', reason: '无实质内容' } }],
    });
    const afterProposal = (await handle.fetchHistory()).events?.length;
    const selfApproval = handle.executeUpdate(caseActionUpdates.approve, {
      args: [{ actor: { ...demoActor('officer1'), roles: ['CASE_OFFICER', 'SUPERVISOR'] }, payload: {} }],
    });
    await expect(selfApproval).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
    await expect(selfApproval).rejects.toMatchObject({ cause: { type: 'FOUR_EYES' } });
    expect((await handle.fetchHistory()).events?.length).toBe(afterProposal);
    expect(afterProposal).toBeGreaterThan(before ?? 0);
    expect(await handle.query(caseStateQuery)).toMatchObject({ stage: 'DISPOSITION', version: 3 });
  });

  it('counts the INTAKE clock from the clue\'s receipt, days before its registration, and fires the rungs already due', async () => {
    const context = { calendar: CHINA_CALENDAR_2025_2026 };
    const registeredAt = new Date();
    const receivedAt = new Date(registeredAt.getTime() - 6 * 86_400_000);
    const base = aDemoCaseInput({ calendar: context.calendar, registeredAt: registeredAt.toISOString() });
    const { input, state, handle } = await registerCase({ ...base, registration: { ...base.registration, receivedAt: receivedAt.toISOString() } });

    const intake = DEFAULT_POLICY.stageLimits.INTAKE!;
    const dueAt = addDuration(receivedAt, intake, context).dueAt.toISOString();
    expect(dueAt < addDuration(registeredAt, intake, context).dueAt.toISOString()).toBe(true);
    expect(state.deadline).toMatchObject({ stage: 'INTAKE', startedAt: receivedAt.toISOString(), dueAt });
    expect((await new CaseReadRepository(h.dataSource).findById(input.caseId))?.dueAt?.toISOString()).toBe(dueAt);
    // The rungs due by registration fire at once, in order (the clock loop fires all that is due); none later.
    const dueByNow = deadlineRungs(state.deadline!, DEFAULT_POLICY.deadlineRules!, context).filter((r) => Date.parse(r.at) <= registeredAt.getTime());
    for (let i = 0; i < 100 && (await handle.query(caseStateQuery)).deadline!.fired.length < dueByNow.length; i++) await new Promise((r) => setTimeout(r, 100));
    expect((await handle.query(caseStateQuery)).deadline!.fired).toEqual(dueByNow.map((r) => r.id));
  });
});
