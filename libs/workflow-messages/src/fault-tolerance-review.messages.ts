import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import {
  REVIEW_ACTION_NAMES,
  type ReviewActionName,
  type ReviewRequest,
  type ReviewResult,
  type ReviewState,
  type ToleranceReviewConcluded,
} from '@dandang/contracts';

export type ReviewActionUpdates = { [A in ReviewActionName]: UpdateDefinition<ReviewResult, [ReviewRequest<A>], A> };

/** One Workflow Update per review step, named after the step. */
export const reviewActionUpdates = Object.fromEntries(
  REVIEW_ACTION_NAMES.map((name) => [name, defineUpdate<ReviewResult, [ReviewRequest]>(name)]),
) as unknown as ReviewActionUpdates;

export const reviewStateQuery = defineQuery<ReviewState>('reviewState');

/** How reviews started before the `review-conclusion-update` patch tell their case; kept for those runs only. */
export const toleranceReviewConcludedSignal = defineSignal<[ToleranceReviewConcluded]>('toleranceReviewConcluded');

/**
 * The review tells its case that it was determined or declined (sent by an activity of the review, as a workflow
 * cannot send an Update). The case's validator refuses a conclusion it does not wait for; the answer is the case's
 * version once the conclusion is projected.
 */
export const concludeToleranceReviewUpdate = defineUpdate<number, [ToleranceReviewConcluded]>('concludeToleranceReview');
