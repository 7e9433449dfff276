import type { CaseEvent, CaseState, ReviewState } from '@dandang/contracts';
import type { CaseProjectionRepository, ReviewRepository } from '@dandang/persistence';
import { deliverEffectNotices, type EffectWebhookDeps } from './effect-notice-activities';

export interface CaseActivityDeps extends EffectWebhookDeps {
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
      const effectsWritten = await deps.projection.project(input.state, input.event);
      // The register of effects changed: its notices go to the organisation department now, best effort (a receiver
      // that is down never holds the case back; the housekeeping run sends what stayed owed).
      if (effectsWritten && deps.effects && deps.effectsWebhook) {
        await deliverEffectNotices({ effects: deps.effects, webhook: deps.effectsWebhook, fetch: deps.fetch }, new Date(), { caseId: input.state.caseId }).catch(() => 0);
      }
    },
    /** Writes an accepted review step to its read row and the review's audit stream; idempotent. */
    async projectReview(input: { state: ReviewState; event: CaseEvent }): Promise<void> {
      await deps.reviews.project(input.state, input.event);
    },
  };
}

export type CaseActivities = ReturnType<typeof createCaseActivities>;
