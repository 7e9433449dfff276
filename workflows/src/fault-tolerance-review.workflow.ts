import {
  allHandlersFinished,
  condition,
  getExternalWorkflowHandle,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { CaseActivities } from '@dandang/activities';
import { REVIEW_ACTION_NAMES, reviewStream, type CaseEvent, type FaultToleranceReviewWorkflow, type ReviewRequest, type ReviewResult, type ReviewState, type ReviewWorkflowInput } from '@dandang/contracts';
import { reviewActionUpdates, reviewStateQuery, toleranceReviewConcludedSignal } from '@dandang/workflow-messages';
import { applyReviewAction, checkReviewAction, isReviewOver } from '@dandang/domain';
import { LOCAL_PROJECTION_PATCH, PROJECTION_AFTER_COMMIT_PATCH } from './patches';
import { refusal } from './refusal';

const projectionOptions = {
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds' },
} as const;
const { projectReview } = proxyActivities<CaseActivities>(projectionOptions);
const local = proxyLocalActivities<CaseActivities>(projectionOptions);

/**
 * One fault-tolerance application (容错申请), from acceptance to filing for the record. Each step is an Update with a
 * validator; each accepted step is projected into the review's read row and its own audit stream. Once determined
 * or declined, the review tells its case (which applies the effect) and runs on to notification and filing.
 */
export const faultToleranceReview: FaultToleranceReviewWorkflow = async (input: ReviewWorkflowInput): Promise<ReviewState> => {
  const { parentWorkflowId, ...application } = input;
  let state: ReviewState = { ...application, version: 1, status: 'APPLIED', votes: [] };
  // As the case workflow: runs with local-projection-v1 alone project in the task that accepted the step; new runs
  // (projection-after-commit-v1) project once that task is committed.
  const projectActivity = !patched(PROJECTION_AFTER_COMMIT_PATCH) && patched(LOCAL_PROJECTION_PATCH) ? local.projectReview : projectReview;
  let projections: Promise<void> = Promise.resolve();
  const project = (s: ReviewState, event: CaseEvent): Promise<void> => {
    projections = projections.then(() => projectActivity({ state: s, event }));
    return projections;
  };

  setHandler(reviewStateQuery, () => state);
  for (const action of REVIEW_ACTION_NAMES) {
    setHandler(
      reviewActionUpdates[action] as unknown as UpdateDefinition<ReviewResult, [ReviewRequest]>,
      async (request: ReviewRequest) => {
        let result: ReviewResult;
        try {
          result = applyReviewAction(state, action, request, new Date());
        } catch (e) {
          refusal(e);
        }
        const before = state.status;
        state = result.state; // mutate before the first await: the next validator sees the new step
        await project(result.state, result.event);
        const concluded = before !== state.status && (state.status === 'DETERMINED' || state.status === 'DECLINED');
        if (concluded) {
          await getExternalWorkflowHandle(parentWorkflowId).signal(toleranceReviewConcludedSignal, {
            reviewId: state.reviewId,
            declined: state.status === 'DECLINED',
            ...(state.determination ? { outcome: state.determination.outcome } : {}),
            ...(state.determination?.mitigation ? { mitigation: state.determination.mitigation } : {}),
            at: result.event.occurredAt,
          });
        }
        return result;
      },
      {
        validator: (request: ReviewRequest) => {
          try {
            checkReviewAction(state, action, request, new Date());
          } catch (e) {
            refusal(e);
          }
        },
      },
    );
  }

  await project(state, {
    caseId: state.caseId,
    version: 1,
    action: 'applyFaultTolerance',
    actorId: state.applicant.userId,
    actorName: state.applicant.name,
    actorRole: state.applicant.kind === 'SUBJECT' ? 'SUBJECT' : state.applicant.kind === 'BODY' ? 'SUPERVISOR' : 'CASE_OFFICER',
    occurredAt: state.appliedAt,
    reason: state.reasons,
    toStage: 'APPLIED',
    payload: { reviewId: state.reviewId, applicantKind: state.applicant.kind, reasons: state.reasons, evidence: state.evidence },
    stream: reviewStream(state.seq),
  });
  await condition(() => isReviewOver(state));
  await condition(allHandlersFinished);
  await projections;
  return state;
};
