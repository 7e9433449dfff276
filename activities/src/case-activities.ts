import type { CaseEvent, CaseState } from '@dandang/contracts';
import type { CaseProjectionRepository } from '@dandang/persistence';

export interface CaseActivityDeps {
  projection: CaseProjectionRepository;
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
  };
}

export type CaseActivities = ReturnType<typeof createCaseActivities>;
