import { WithStartWorkflowOperation, type WorkflowHandle } from '@temporalio/client';
import { CASE_WORKFLOW_TYPE, caseWorkflowId, type CaseState, type CaseWorkflow, type CaseWorkflowInput } from '@dandang/contracts';
import { caseActionUpdates, caseStateQuery, registerClueUpdate } from '@dandang/workflow-messages';
import { aDemoCaseInput, demoActor } from './case-input.factory';
import type { CaseWorkerHarness } from './case-worker-harness';

/**
 * A case started on the harness's worker and taken, through its Updates, to an investigation with one open
 * fault-tolerance review (the unit's application): its input, its handle and its state then.
 */
export async function aCaseWithOpenReview(
  h: CaseWorkerHarness,
  overrides: Parameters<typeof aDemoCaseInput>[0] = {},
): Promise<{ input: CaseWorkflowInput; handle: WorkflowHandle<CaseWorkflow>; state: CaseState }> {
  const input = aDemoCaseInput(overrides);
  await h.client.workflow.executeUpdateWithStart(registerClueUpdate, {
    startWorkflowOperation: new WithStartWorkflowOperation<CaseWorkflow>(CASE_WORKFLOW_TYPE, {
      workflowId: caseWorkflowId(input.caseId), taskQueue: h.taskQueue, args: [input], workflowIdConflictPolicy: 'FAIL',
    }),
  });
  const handle = h.client.workflow.getHandle<CaseWorkflow>(caseWorkflowId(input.caseId));
  const send = (action: keyof typeof caseActionUpdates, user: Parameters<typeof demoActor>[0], payload: object) =>
    handle.executeUpdate(caseActionUpdates[action] as never, { args: [{ actor: demoActor(user), payload }] as never });
  await send('acceptClue', 'officer1', {});
  await send('proposeDisposition', 'officer1', { disposition: 'PRELIMINARY_VERIFICATION', reason: '需初核' });
  await send('approve', 'supervisor1', {});
  await send('submitVerificationReport', 'officer1', { finding: 'PROPOSE_CASE_FILING', summary: '建议立案' });
  // Filing the case names its inquiry team (at least two: 问责条例 art. 10).
  await send('approve', 'supervisor2', { investigationTeam: [demoActor('officer2').userId] });
  await send('applyFaultTolerance', 'officer1', { reasons: '单位申请' });
  return { input, handle, state: await handle.query(caseStateQuery) };
}
