import { FAULT_TOLERANCE_OUTCOMES, MITIGATION_KINDS, type CaseEvent, type CaseState, type Stage, type ToleranceReviewConcluded } from '@dandang/contracts';
import { SYSTEM_ACTOR } from '../deadlines/stage-clock';
import type { ClockContext } from '../deadlines/duration';
import { closeBySystem } from '../case/system-closure';
import { oweExemptionAftercare } from './exemption-aftercare';
import { conflict, invalidInput, type FieldProblem } from '../errors';


const UNDECIDED_STAGES: readonly Stage[] = ['INVESTIGATION', 'TRIAL', 'DELIBERATION'];
/**
 * Refuses a review's conclusion the case should not take (the validator of its Update): ill-formed, for a review the
 * case does not know, or for one already concluded otherwise. The same conclusion again is accepted (a retried send
 * after the case continued as new) and changes nothing.
 */
export function checkReviewConclusion(state: CaseState, concluded: ToleranceReviewConcluded): void {
  const problems = conclusionProblems(concluded);
  if (problems.length > 0) throw invalidInput(problems);
  const ref = state.reviews?.find((r) => r.reviewId === concluded.reviewId);
  if (!ref) throw conflict('UNKNOWN_REVIEW', `本案没有容错申请 ${concluded.reviewId} (the case has no such fault-tolerance review)`);
  if (ref.status === 'OPEN') return;
  const same = ref.status === (concluded.declined ? 'DECLINED' : 'DETERMINED') && ref.concludedAt === concluded.at && ref.outcome === concluded.outcome;
  if (!same) throw conflict('REVIEW_ALREADY_CONCLUDED', `容错申请 ${concluded.reviewId} 已办结 (the review was already concluded)`);
}

function conclusionProblems(c: Partial<ToleranceReviewConcluded> | undefined): FieldProblem[] {
  if (typeof c !== 'object' || c === null) return [{ field: 'conclusion', message: 'must be an object' }];
  const problems: FieldProblem[] = [];
  if (typeof c.reviewId !== 'string' || c.reviewId.trim() === '') problems.push({ field: 'reviewId', message: 'is required' });
  if (typeof c.declined !== 'boolean') problems.push({ field: 'declined', message: 'must be true or false' });
  if (typeof c.at !== 'string' || Number.isNaN(Date.parse(c.at))) problems.push({ field: 'at', message: 'must be a date and time' });
  if (c.declined === true && (c.outcome !== undefined || c.mitigation !== undefined)) {
    problems.push({ field: 'outcome', message: 'a declined review has no outcome' });
  }
  if (c.declined === false && !(typeof c.outcome === 'string' && Object.hasOwn(FAULT_TOLERANCE_OUTCOMES, c.outcome))) {
    problems.push({ field: 'outcome', message: `must be one of ${Object.keys(FAULT_TOLERANCE_OUTCOMES).join(', ')}` });
  }
  if (c.mitigation !== undefined && !(c.outcome === 'MITIGATION' && typeof c.mitigation === 'string' && Object.hasOwn(MITIGATION_KINDS, c.mitigation))) {
    problems.push({ field: 'mitigation', message: `only with MITIGATION, one of ${Object.keys(MITIGATION_KINDS).join(', ')}` });
  }
  return problems;
}

/**
 * A review told the case it was determined or declined. EXEMPTION closes a case still under investigation as
 * exempted, with no accountability form; MITIGATION obliges the approving supervisor to lighter forms; REJECTION
 * lets accountability go on. A tolerated error (exempted or mitigated) carries no negative evaluation.
 * A signal for an unknown or already concluded review changes nothing (returns undefined).
 */
export function concludeReview(
  state: CaseState,
  signal: ToleranceReviewConcluded,
  now: Date,
  clock?: ClockContext,
): { state: CaseState; event: CaseEvent } | undefined {
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
    // Exempted before the decision (under investigation, 审理 or awaiting the collective decision): the case closes.
    if (signal.outcome === 'EXEMPTION' && UNDECIDED_STAGES.includes(state.stage)) {
      closeBySystem(next, 'EXEMPTED', at, clock);
      next.pendingApproval = undefined;
      next.deadline = undefined;
      oweExemptionAftercare(next, at, clock);
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
