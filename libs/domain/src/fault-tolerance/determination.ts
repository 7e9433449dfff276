import type {
  Actor,
  DeterminationVote,
  FaultToleranceOutcome,
  FaultTolerancePolicy,
  FaultToleranceRecommendation,
  MitigationKind,
} from '@dandang/contracts';
import { FAULT_TOLERANCE_OUTCOMES, MITIGATION_KINDS } from '@dandang/contracts';
import { conflict, forbidden, invalidInput } from '../errors';
import { DEFAULT_FAULT_TOLERANCE_POLICY } from './policy';

/** A review awaiting determination (认定), as the workflow holds it. */
export interface DeterminationReview {
  /** Who submitted the assessment (核实). */
  assessorId: string;
  /** Everyone who handled the investigation of the case (承办, investigation team). */
  handlerIds: readonly string[];
  recommendation: Pick<FaultToleranceRecommendation, 'outcome' | 'mitigation'>;
  /** Votes cast so far, in order. */
  votes: readonly DeterminationVote[];
}

/** A vote being cast, with the voter as the API vouches for them. */
export interface DeterminationBallot {
  voter: Pick<Actor, 'userId' | 'roles'>;
  outcome: FaultToleranceOutcome;
  mitigation?: MitigationKind;
  reason?: string;
}

export interface DeterminationDecision {
  outcome: FaultToleranceOutcome;
  mitigation?: MitigationKind;
}

export interface DeterminationTally {
  /** Every vote, this one last. */
  votes: DeterminationVote[];
  /** Votes per distinct decision (outcome and, for MITIGATION, its kind), most votes first. */
  counts: (DeterminationDecision & { votes: number })[];
  /** Whether one decision has reached the quorum. */
  decided: boolean;
  /** The decision, once decided. */
  decision?: DeterminationDecision;
  /** Whether this vote departs from the recommendation. */
  departsFromRecommendation: boolean;
}

/**
 * Checks a supervisor's vote on a fault-tolerance review and tallies it with the earlier ones.
 * Separation (cf. 监督执纪规则 art. 59, "approver ≠ assessor"): the voter must be a SUPERVISOR, and neither
 * the assessor nor anyone who handled the investigation; each supervisor votes once.
 * Collective decision: a decision (same outcome, and same kind for MITIGATION) is taken when
 * `policy.determinationQuorum` votes agree on it; no vote is taken after that.
 * A vote departing from the recommendation (another outcome, or another kind of MITIGATION) needs a
 * written reason. Throws FORBIDDEN (ROLE, ASSESSOR_CANNOT_DETERMINE, HANDLER_CANNOT_DETERMINE,
 * ALREADY_VOTED), CONFLICT (ALREADY_DETERMINED) or INVALID_INPUT (outcome, mitigation, reason).
 */
export function checkDetermination(
  review: DeterminationReview,
  vote: DeterminationBallot,
  policy: Pick<FaultTolerancePolicy, 'determinationQuorum'> = DEFAULT_FAULT_TOLERANCE_POLICY,
): DeterminationTally {
  const { userId, roles } = vote.voter;
  if (!roles.includes('SUPERVISOR')) {
    throw forbidden('ROLE', 'a fault-tolerance determination (认定) is made by supervisors');
  }
  if (userId === review.assessorId) {
    throw forbidden('ASSESSOR_CANNOT_DETERMINE', 'the assessor of this review cannot take part in its determination');
  }
  if (review.handlerIds.includes(userId)) {
    throw forbidden('HANDLER_CANNOT_DETERMINE', 'whoever handled the investigation cannot determine its fault tolerance');
  }
  if (review.votes.some((v) => v.voterId === userId)) {
    throw forbidden('ALREADY_VOTED', 'each supervisor votes once on a determination');
  }
  if (decide(review.votes, policy.determinationQuorum)) {
    throw conflict('ALREADY_DETERMINED', 'this review has already been determined');
  }

  checkVoteFields(vote);
  const departs = departsFrom(review.recommendation, vote);
  const reason = vote.reason?.trim();
  if (departs && !reason) {
    throw invalidInput([{ field: 'reason', message: 'a vote departing from the recommendation needs a written reason' }]);
  }

  const cast: DeterminationVote = { voterId: userId, outcome: vote.outcome };
  if (vote.mitigation) cast.mitigation = vote.mitigation;
  if (reason) cast.reason = reason;
  const votes = [...review.votes, cast];
  const decision = decide(votes, policy.determinationQuorum);
  return {
    votes,
    counts: countVotes(votes),
    decided: decision !== undefined,
    ...(decision ? { decision } : {}),
    departsFromRecommendation: departs,
  };
}

function checkVoteFields(vote: DeterminationBallot): void {
  if (!Object.prototype.hasOwnProperty.call(FAULT_TOLERANCE_OUTCOMES, vote.outcome)) {
    throw invalidInput([{ field: 'outcome', message: `must be one of ${Object.keys(FAULT_TOLERANCE_OUTCOMES).join(', ')}` }]);
  }
  if (vote.outcome === 'MITIGATION' && !Object.prototype.hasOwnProperty.call(MITIGATION_KINDS, vote.mitigation ?? '')) {
    throw invalidInput([{ field: 'mitigation', message: `must be one of ${Object.keys(MITIGATION_KINDS).join(', ')} with MITIGATION` }]);
  }
  if (vote.outcome !== 'MITIGATION' && vote.mitigation !== undefined) {
    throw invalidInput([{ field: 'mitigation', message: 'is only used with MITIGATION' }]);
  }
}

function departsFrom(recommendation: DeterminationReview['recommendation'], vote: DeterminationBallot): boolean {
  return keyOf(recommendation) !== keyOf(vote);
}

const keyOf = (d: DeterminationDecision): string => (d.outcome === 'MITIGATION' ? `MITIGATION/${d.mitigation}` : d.outcome);

function countVotes(votes: readonly DeterminationVote[]): (DeterminationDecision & { votes: number })[] {
  const counts = new Map<string, DeterminationDecision & { votes: number }>();
  for (const v of votes) {
    const entry = counts.get(keyOf(v));
    if (entry) entry.votes += 1;
    else counts.set(keyOf(v), { outcome: v.outcome, ...(v.mitigation ? { mitigation: v.mitigation } : {}), votes: 1 });
  }
  // Array.prototype.sort is stable: ties keep the order in which decisions first got a vote.
  return [...counts.values()].sort((a, b) => b.votes - a.votes);
}

function decide(votes: readonly DeterminationVote[], quorum: number): DeterminationDecision | undefined {
  const leading = countVotes(votes)[0];
  if (!leading || leading.votes < quorum) return undefined;
  return leading.mitigation ? { outcome: leading.outcome, mitigation: leading.mitigation } : { outcome: leading.outcome };
}
