import { allHandlersFinished, condition, getExternalWorkflowHandle, patched, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { CaseActivities, ClockActivities, DeadlineNotice, ReviewConclusionActivities } from '@dandang/activities';
import {
  REVIEW_ACTION_NAMES,
  REVIEW_CLOCK_STEPS,
  reviewStream,
  type DeadlineRung,
  type FaultToleranceReviewWorkflow,
  type ReviewActionName,
  type ReviewClockInput,
  type ReviewRequest,
  type ReviewResult,
  type ReviewState,
  type ReviewWorkflowInput,
  type ToleranceReviewConcluded,
} from '@dandang/contracts';
import { reviewActionUpdates, reviewStateQuery, toleranceReviewConcludedSignal } from '@dandang/workflow-messages';
import { applyReviewAction, checkReviewAction, fireReviewRung, isReviewOver, nextReviewRung, withReviewClock, type ClockContext } from '@dandang/domain';
import { registerActionUpdates } from './action-updates';
import { keepClocks } from './case-clocks';
import { REVIEW_CONCLUSION_UPDATE, REVIEW_STEP_CLOCKS } from './patches';
import { serialProjector, type SerialProjector } from './serial-projector';

const { projectReview } = proxyActivities<CaseActivities>({
  startToCloseTimeout: '15 seconds',
  // A projection must land eventually: retried until PostgreSQL answers again.
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

const { recordReviewClockFirings } = proxyActivities<ClockActivities>({
  startToCloseTimeout: '15 seconds',
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
  const { parentWorkflowId, clock: clockInput, ...application } = input;
  // Step clocks run when the case gave its calendar; decided once, so reviews whose history predates them keep none.
  const clock: ClockContext | undefined =
    clockInput && patched(REVIEW_STEP_CLOCKS) ? { calendar: clockInput.calendar, ...(clockInput.region ? { region: clockInput.region } : {}) } : undefined;
  let state: ReviewState = { ...application, version: 1, status: 'APPLIED', votes: [] };
  if (clock) state = withReviewClock(state, clock);
  const projector = serialProjector(projectReview);

  setHandler(reviewStateQuery, () => state);
  registerActionUpdates<ReviewActionName, ReviewRequest, ReviewResult>(reviewActionUpdates, REVIEW_ACTION_NAMES, {
    check: (action, request) => checkReviewAction(state, action, request, new Date()),
    apply: (action, request) => {
      const result = applyReviewAction(state, action, request, new Date(), clock);
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
  if (clock && clockInput) {
    void keepReviewClock(clock, clockInput, projector, {
      get: () => state,
      set: (next) => {
        state = next;
      },
    });
  }
  await condition(() => isReviewOver(state));
  await condition(allHandlersFinished);
  await projector.settled();
  return state;
};

/**
 * The clock of the step the review waits on (`ReviewState.deadline`, started by each step that moves the review on),
 * kept by the case clocks' loop: the rungs fire as events of the review's stream, with their notices (the case's
 * assignee, and its unit's supervisors and those above for cards and escalation, as for a case's clocks).
 */
function keepReviewClock(
  clock: ClockContext,
  input: ReviewClockInput,
  projector: SerialProjector<ReviewState>,
  review: { get(): ReviewState; set(next: ReviewState): void },
): Promise<void> {
  return keepClocks<ReviewState, DeadlineRung>({
    get: review.get,
    set: review.set,
    isDone: () => isReviewOver(review.get()),
    round: () => (state) => nextReviewRung(state, input.deadlineRules, clock),
    fire: (state, rung, now) => {
      const fired = fireReviewRung(state, rung, now);
      return { ...fired, notice: reviewNotice(fired.state, rung, input) };
    },
    record: (firings, notices) =>
      projector.write(
        firings.map((f) => f.event.version),
        () => recordReviewClockFirings({ firings, notices }),
      ),
  });
}

/** Who hears of a review step's rung: the case's assignee, and above (`deadlineNoticeAudience`), never a recused user. */
function reviewNotice(review: ReviewState, rung: DeadlineRung, input: ReviewClockInput): DeadlineNotice {
  const deadline = review.deadline!;
  const step = REVIEW_CLOCK_STEPS[deadline.step];
  return {
    caseId: review.caseId,
    caseNumber: review.caseNumber,
    caseTitle: `${input.caseTitle} — 容错申请 ${review.seq}`,
    clockLabel: step,
    rungId: `${reviewStream(review.seq)}:${deadline.step}:${rung.id}`,
    kind: rung.kind,
    dueAt: deadline.dueAt,
    clockStartedAt: deadline.startedAt,
    ...(input.assigneeId ? { assigneeId: input.assigneeId } : {}),
    orgUnitId: input.orgUnitId,
    // The applicant and the official concerned take no review step: they are not told of its clock either.
    recusedUserIds: [...new Set([...input.recusedUserIds, review.applicant.userId, ...(review.subjectUserId ? [review.subjectUserId] : [])])],
  };
}
