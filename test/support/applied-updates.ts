import type { Client } from '@temporalio/client';
import { caseWorkflowId } from '@dandang/contracts';

/** Names of the Updates a case workflow's history completed successfully, in the order it accepted them. */
export async function appliedUpdates(client: Client, caseId: string): Promise<string[]> {
  const events = (await client.workflow.getHandle(caseWorkflowId(caseId)).fetchHistory()).events ?? [];
  const succeeded = new Set(
    events
      .map((e) => e.workflowExecutionUpdateCompletedEventAttributes)
      .filter((completed) => completed?.outcome?.success)
      .map((completed) => completed?.meta?.updateId),
  );
  return events
    .map((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest)
    .filter((accepted) => accepted && succeeded.has(accepted.meta?.updateId))
    .map((accepted) => accepted?.input?.name ?? '?');
}
