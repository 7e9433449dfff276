import type { CaseEvent, CaseState, ToleranceReviewConcluded } from '@dandang/contracts';
import { SYSTEM_ACTOR } from '../deadlines/stage-clock';
import { assertTransition } from '../case/stage-transitions';

/**
 * A review told the case it was determined or declined. EXEMPTION closes a case still under investigation as
 * exempted, with no accountability form; MITIGATION obliges the approving supervisor to lighter forms; REJECTION
 * lets accountability go on. A tolerated error (exempted or mitigated) carries no negative evaluation.
 * A signal for an unknown or already concluded review changes nothing (returns undefined).
 */
export function concludeReview(state: CaseState, signal: ToleranceReviewConcluded, now: Date): { state: CaseState; event: CaseEvent } | undefined {
  const ref = state.reviews?.find((r) => r.reviewId === signal.reviewId);
  if (!ref || ref.status !== 'OPEN') return undefined;
  const at = now.toISOString();
  const next: CaseState = JSON.parse(JSON.stringify(state)) as CaseState;
  const review = next.reviews!.find((r) => r.reviewId === signal.reviewId)!;
  review.status = signal.declined ? 'DECLINED' : 'DETERMINED';
  review.concludedAt = signal.at;
  if (!signal.declined && signal.outcome) {
    review.outcome = signal.outcome;
    if (signal.mitigation) review.mitigation = signal.mitigation;
    next.tolerance = { reviewId: signal.reviewId, outcome: signal.outcome, ...(signal.mitigation ? { mitigation: signal.mitigation } : {}), determinedAt: signal.at };
    if (signal.outcome !== 'REJECTION') next.noNegativeEvaluation = true;
    if (signal.outcome === 'EXEMPTION' && state.stage === 'INVESTIGATION') {
      assertTransition(state.stage, 'CLOSED');
      next.stage = 'CLOSED';
      next.stageEnteredAt = at;
      next.closure = { kind: 'EXEMPTED', at };
      next.pendingApproval = undefined;
      next.deadline = undefined;
    }
  }
  next.version = state.version + 1;
  return {
    state: next,
    event: {
      caseId: state.caseId,
      version: next.version,
      action: 'toleranceReviewConcluded',
      actorId: SYSTEM_ACTOR.userId,
      actorName: SYSTEM_ACTOR.displayName,
      actorRole: 'SYSTEM',
      occurredAt: at,
      reason: signal.declined ? 'DECLINED' : signal.outcome,
      fromStage: state.stage,
      toStage: next.stage,
      payload: { ...signal },
    },
  };
}
