import { type Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { CaseReassignments } from '@dandang/activities';
import { caseActionUpdates } from '@dandang/workflow-messages';

/** How long one case may take to answer before the step is retried (the same Update id: taken once). */
const UPDATE_DEADLINE_MS = 20_000;

/** A case's `reassign` as its Update, through the worker's own client (payloads sealed like the rest). */
export function caseReassignments(client: Client): CaseReassignments {
  return {
    async reassign({ caseWorkflowId, request, updateId }) {
      try {
        await client.connection.withDeadline(Date.now() + UPDATE_DEADLINE_MS, () =>
          client.workflow.getHandle(caseWorkflowId).executeUpdate(caseActionUpdates.reassign, { args: [request], updateId }),
        );
        return { outcome: 'APPLIED' };
      } catch (e) {
        // The case's rules refused it, or the case is gone: asking again would not change that.
        if (e instanceof WorkflowUpdateFailedError && e.cause instanceof ApplicationFailure) {
          const detail = e.cause.details?.[0] as { reason?: string } | undefined;
          return { outcome: 'REFUSED', reason: detail?.reason ?? e.cause.type ?? 'REFUSED', message: e.cause.message };
        }
        if (e instanceof WorkflowNotFoundError) return { outcome: 'REFUSED', reason: 'NOT_FOUND', message: 'case workflow not found' };
        throw e;
      }
    },
  };
}
