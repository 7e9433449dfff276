import { caseWorkflowId, type ActionRequest, type ReassignCaseInput, type ReassignCaseResult } from '@dandang/contracts';
import { reassignmentRefusal } from '@dandang/domain';
import type { CaseReadRepository, UserRepository } from '@dandang/persistence';

/**
 * Sends `reassign` to a case workflow as its validated Update (the worker implements it with its Temporal client):
 * APPLIED once the case took it, REFUSED with the rule's reason when its validator refused it or the case is gone;
 * throws when Temporal did not answer (the activity is retried, with the same Update id, so the case takes it once).
 */
export interface CaseReassignments {
  reassign(input: { caseWorkflowId: string; request: ActionRequest<'reassign'>; updateId: string }): Promise<ReassignCaseResult>;
}

export interface ReassignmentActivityDeps {
  caseReassignments: CaseReassignments;
  users: Pick<UserRepository, 'findActiveWithOrgPath'>;
  caseReads: Pick<CaseReadRepository, 'findById'>;
}

/** One case of a bulk reassignment (批量改派): the checks that need the database, then the case's own `reassign`. */
export function createReassignmentActivities(deps: ReassignmentActivityDeps) {
  return {
    async reassignCase(input: ReassignCaseInput): Promise<ReassignCaseResult> {
      const record = await deps.caseReads.findById(input.caseId);
      if (!record) return { outcome: 'REFUSED', reason: 'NOT_FOUND', message: 'case not found' };
      // The workflow's validator cannot read accounts: eligibility is checked here, as the API's action route does.
      const refusal = reassignmentRefusal(record, input, await deps.users.findActiveWithOrgPath(input.toUserId));
      if (refusal) return { outcome: 'REFUSED', ...refusal };
      return deps.caseReassignments.reassign({
        caseWorkflowId: caseWorkflowId(input.caseId),
        request: { actor: input.actor, payload: { toUserId: input.toUserId, reason: input.reason } },
        updateId: input.updateId,
      });
    },
  };
}

export type ReassignmentActivities = ReturnType<typeof createReassignmentActivities>;
