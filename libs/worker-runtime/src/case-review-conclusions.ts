import { type Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { CaseReviewConclusions, ConcludeCaseReviewInput } from '@dandang/activities';
import { concludeToleranceReviewUpdate } from '@dandang/workflow-messages';

/** The review's conclusion as an Update to its case, through the worker's own client (payloads sealed like the rest). */
export function caseReviewConclusions(client: Client): CaseReviewConclusions {
  return {
    async conclude({ caseWorkflowId, conclusion, updateId }: ConcludeCaseReviewInput): Promise<void> {
      try {
        await client.workflow.getHandle(caseWorkflowId).executeUpdate(concludeToleranceReviewUpdate, { args: [conclusion], updateId });
      } catch (e) {
        // The case refused it or is gone: sending again would not change that.
        if (e instanceof WorkflowUpdateFailedError || e instanceof WorkflowNotFoundError) {
          const cause = e.cause instanceof ApplicationFailure ? e.cause : undefined;
          throw ApplicationFailure.create({
            type: cause?.type ?? e.name,
            message: `the case did not take the review's conclusion: ${cause?.message ?? e.message}`,
            nonRetryable: true,
            details: cause?.details ? [...cause.details] : [],
          });
        }
        throw e;
      }
    },
  };
}
