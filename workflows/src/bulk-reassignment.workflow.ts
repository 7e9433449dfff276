import { ActivityFailure, ApplicationFailure, proxyActivities, setHandler } from '@temporalio/workflow';
import type { ReassignmentActivities } from '@dandang/activities';
import {
  REASSIGNMENT_CONCURRENCY,
  type BulkReassignmentInput,
  type ReassignmentCaseResult,
  type ReassignmentProgress,
} from '@dandang/contracts';
import { reassignmentProgressQuery } from '@dandang/workflow-messages';

const { reassignCase } = proxyActivities<ReassignmentActivities>({
  startToCloseTimeout: '30 seconds',
  // A case whose workflow does not answer for minutes is reported FAILED; the supervisor can run it again.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 8 },
});

/**
 * 批量改派: an officer's cases to another, each through its own workflow's `reassign` (recusal and four eyes apply
 * per case), a few at a time. A refused case stays where it was and is listed with its reason.
 */
export async function bulkReassignment(input: BulkReassignmentInput): Promise<ReassignmentProgress> {
  if (!input?.reassignmentId || !input.requestedBy?.userId || !input.toUserId || !Array.isArray(input.caseIds) || input.caseIds.length === 0) {
    throw ApplicationFailure.nonRetryable('a bulk reassignment needs its id, requester, new officer and cases', 'INVALID_INPUT');
  }
  const results: ReassignmentCaseResult[] = input.caseIds.map((caseId) => ({ caseId, outcome: 'PENDING' }));
  const progress = (): ReassignmentProgress => ({
    reassignmentId: input.reassignmentId,
    status: results.every((r) => r.outcome !== 'PENDING') ? 'DONE' : 'RUNNING',
    requestedBy: input.requestedBy.userId,
    requestedAt: input.requestedAt,
    fromUserId: input.fromUserId,
    toUserId: input.toUserId,
    reason: input.reason,
    total: results.length,
    finished: results.filter((r) => r.outcome !== 'PENDING').length,
    results: results.map((r) => ({ ...r })),
  });
  setHandler(reassignmentProgressQuery, progress);

  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < results.length) {
      const i = next++;
      results[i] = await reassignOne(input, results[i].caseId);
    }
  };
  await Promise.all(Array.from({ length: Math.min(REASSIGNMENT_CONCURRENCY, results.length) }, lane));
  return progress();
}

async function reassignOne(input: BulkReassignmentInput, caseId: string): Promise<ReassignmentCaseResult> {
  try {
    const result = await reassignCase({
      caseId,
      actor: input.requestedBy,
      fromUserId: input.fromUserId,
      toUserId: input.toUserId,
      reason: input.reason,
      // One Update per run and case: a step retried after a worker restart is the same Update, which the case takes once.
      updateId: `bulk-reassign:${input.reassignmentId}:${caseId}`,
    });
    return { caseId, ...result };
  } catch (e) {
    const cause = e instanceof ActivityFailure ? e.cause : undefined;
    return { caseId, outcome: 'FAILED', reason: cause instanceof ApplicationFailure && cause.type ? cause.type : 'FAILED', message: cause?.message ?? String(e) };
  }
}
