import type { CaseEvent, CaseState, ReviewState } from '@dandang/contracts';
import type { CaseProjectionRepository, ReviewRepository } from '@dandang/persistence';

export interface CaseActivityDeps {
  projection: CaseProjectionRepository;
  reviews: ReviewRepository;
}

export interface ProjectCaseInput {
  state: CaseState;
  event: CaseEvent;
}

/** Activities of the case workflow, over their dependencies (the worker passes real repositories). */
export function createCaseActivities(deps: CaseActivityDeps) {
  return {
    /** Writes an accepted change to the read model and audit trail; idempotent, so retries are safe. */
    async projectCase(input: ProjectCaseInput): Promise<void> {
      await deps.projection.project(input.state, input.event);
    },
    /** Writes an accepted review step to its read row and the review's audit stream; idempotent. */
    async projectReview(input: { state: ReviewState; event: CaseEvent }): Promise<void> {
      await deps.reviews.project(input.state, input.event);
    },
  };
}

export type CaseActivities = ReturnType<typeof createCaseActivities>;
