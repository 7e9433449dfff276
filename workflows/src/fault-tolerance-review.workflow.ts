import { allHandlersFinished, condition, getExternalWorkflowHandle, patched, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { CaseActivities, ReviewConclusionActivities } from '@dandang/activities';
import { REVIEW_ACTION_NAMES, reviewStream, type FaultToleranceReviewWorkflow, type ReviewActionName, type ReviewRequest, type ReviewResult, type ReviewState, type ReviewWorkflowInput, type ToleranceReviewConcluded } from '@dandang/contracts';
import { reviewActionUpdates, reviewStateQuery, toleranceReviewConcludedSignal } from '@dandang/workflow-messages';
import { applyReviewAction, checkReviewAction, isReviewOver } from '@dandang/domain';
import { registerActionUpdates } from './action-updates';
import { REVIEW_CONCLUSION_UPDATE } from './patches';
import { serialProjector } from './serial-projector';

const { projectReview } = proxyActivities<CaseActivities>({
  startToCloseTimeout: '15 seconds',
  // A projection must land eventually: retried until PostgreSQL answers again.
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

const { concludeCaseReview } = proxyActivities<ReviewConclusionActivities>({
  // The case answers once it has projected the conclusion; a refusal by its validator is not retried.
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

/**
 * One fault-tolerance application (容错申请), from acceptance to filing for the record. Each step is an Update with a
 * validator; each accepted step is projected into the review's read row and its own audit stream. Once determined
 * or declined, the review tells its case (which validates and applies the effect; the determining step answers once
 * the case has it) and runs on to notification and filing.
 */
export const faultToleranceReview: FaultToleranceReviewWorkflow = async (input: ReviewWorkflowInput): Promise<ReviewState> => {
  const { parentWorkflowId, ...application } = input;
  let state: ReviewState = { ...application, version: 1, status: 'APPLIED', votes: [] };
  const projector = serialProjector(projectReview);

  setHandler(reviewStateQuery, () => state);
  registerActionUpdates<ReviewActionName, ReviewRequest, ReviewResult>(reviewActionUpdates, REVIEW_ACTION_NAMES, {
    check: (action, request) => checkReviewAction(state, action, request, new Date()),
    apply: (action, request) => {
      const result = applyReviewAction(state, action, request, new Date());
      state = result.state;
      return result;
    },
    follow: async (_action, _request, result) => {
      await projector.project(result.state, result.event);
      // The step that determined or declined the review (its event records the move) tells the case, which applies the effect.
      const { fromStage, toStage, occurredAt } = result.event;
      if (fromStage === toStage || (toStage !== 'DETERMINED' && toStage !== 'DECLINED')) return;
      const { reviewId, determination } = result.state;
      const conclusion: ToleranceReviewConcluded = {
        reviewId,
        declined: toStage === 'DECLINED',
        ...(determination ? { outcome: determination.outcome } : {}),
        ...(determination?.mitigation ? { mitigation: determination.mitigation } : {}),
        at: occurredAt,
      };
      if (patched(REVIEW_CONCLUSION_UPDATE)) {
        const updateId = `${workflowInfo().workflowId}:conclusion`;
        await concludeCaseReview({ caseWorkflowId: parentWorkflowId, conclusion, updateId });
      } else {
        await getExternalWorkflowHandle(parentWorkflowId).signal(toleranceReviewConcludedSignal, conclusion);
      }
    },
  });

  await projector.project(state, {
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
  await projector.settled();
  return state;
};
