import {
  REVIEW_CLOCK_STEPS,
  reviewStream,
  type CaseEvent,
  type DeadlineRules,
  type DeadlineRung,
  type PolicyDuration,
  type ReviewClockStep,
  type ReviewDeadline,
  type ReviewState,
} from '@dandang/contracts';
import type { ClockContext } from '../deadlines/duration';
import { SYSTEM_ACTOR, advanceDeadline, countedClock, nextRung } from '../deadlines/stage-clock';

/** The review step whose clock runs, since when, and its limit in the pinned policy. */
export interface ReviewStepTiming {
  step: ReviewClockStep;
  startedAt: string;
  limit: PolicyDuration;
}

/**
 * Which step the review waits on and since when (docs/domain.md §e rows 22–25): an application is accepted within
 * 5 WD of being made, verified within 20 WD of its acceptance, determined within 10 WD of the verification report
 * (the assessment), and the applicant told within 5 WD of the determination. Undefined once the applicant is told
 * (or the application declined, or the review filed), and for a step the pinned policy sets no limit.
 */
export function reviewStepTiming(review: ReviewState): ReviewStepTiming | undefined {
  const waiting = ((): { step: ReviewClockStep; startedAt: string | undefined } | undefined => {
    switch (review.status) {
      case 'APPLIED':
        return { step: 'ACCEPT', startedAt: review.appliedAt };
      case 'ACCEPTED':
        return { step: 'VERIFY', startedAt: review.acceptance?.at };
      case 'ASSESSED':
        return { step: 'DETERMINE', startedAt: review.assessedAt };
      case 'DETERMINED':
        return { step: 'NOTIFY', startedAt: review.determination?.at };
      default:
        return undefined;
    }
  })();
  const limit = waiting && review.policy.stepLimits?.[waiting.step];
  return waiting?.startedAt && limit ? { step: waiting.step, startedAt: waiting.startedAt, limit } : undefined;
}

/** The clock of the step the review now waits on, counted on the case's calendar; undefined when none runs. */
export function startReviewClock(review: ReviewState, context: ClockContext): ReviewDeadline | undefined {
  const timing = reviewStepTiming(review);
  return timing && { step: timing.step, ...countedClock(timing.limit, new Date(timing.startedAt), context) };
}

/** The review with the clock of the step it now waits on (none when none runs); the rungs of an earlier step are left behind. */
export function withReviewClock(review: ReviewState, context: ClockContext): ReviewState {
  const next: ReviewState = { ...review };
  const deadline = startReviewClock(review, context);
  if (deadline) next.deadline = deadline;
  else delete next.deadline;
  return next;
}

/** The next rung of the review's clock still to fire, on the case's ladder; working-day rungs on working days. */
export function nextReviewRung(review: ReviewState, rules: DeadlineRules | undefined, context: ClockContext): DeadlineRung | undefined {
  return nextRung(review.deadline, rules, context);
}

/** A rung of the review's clock fired: the review's version moves on; the event is system-authored, in the review's stream. */
export function fireReviewRung(review: ReviewState, rung: DeadlineRung, now: Date): { state: ReviewState; event: CaseEvent } {
  const deadline = review.deadline!;
  const state: ReviewState = { ...review, version: review.version + 1, deadline: advanceDeadline(deadline, rung) };
  const step = REVIEW_CLOCK_STEPS[deadline.step];
  return {
    state,
    event: {
      caseId: review.caseId,
      version: state.version,
      action: 'reviewStepRung',
      actorId: SYSTEM_ACTOR.userId,
      actorName: SYSTEM_ACTOR.displayName,
      actorRole: 'SYSTEM',
      occurredAt: now.toISOString(),
      reason: `${rung.kind} (${step.zh} ${deadline.step} due ${deadline.dueAt})`,
      fromStage: review.status,
      toStage: review.status,
      payload: { reviewId: review.reviewId, step: deadline.step, rung: rung.id, kind: rung.kind, scheduledAt: rung.at, dueAt: deadline.dueAt },
      stream: reviewStream(review.seq),
    },
  };
}
