import type { ToleranceReviewConcluded } from '@dandang/contracts';

/**
 * Sends a review's conclusion to its case workflow as a validated Update (the worker implements it with its
 * Temporal client): resolves once the case took it, throws a non-retryable ApplicationFailure when the case's
 * validator refused it or the case is gone, and a plain error when Temporal did not answer (retried).
 */
export interface CaseReviewConclusions {
  conclude(input: ConcludeCaseReviewInput): Promise<void>;
}

export interface ConcludeCaseReviewInput {
  caseWorkflowId: string;
  conclusion: ToleranceReviewConcluded;
  /** Derived from the review's workflow id: a retried send is the same Update, which the case takes once. */
  updateId: string;
}

export interface ReviewConclusionActivityDeps {
  caseReviews: CaseReviewConclusions;
}

/** The activity a review workflow tells its case through: a workflow cannot send an Update itself. */
export function createReviewConclusionActivities(deps: ReviewConclusionActivityDeps) {
  return {
    async concludeCaseReview(input: ConcludeCaseReviewInput): Promise<void> {
      await deps.caseReviews.conclude(input);
    },
  };
}

export type ReviewConclusionActivities = ReturnType<typeof createReviewConclusionActivities>;
