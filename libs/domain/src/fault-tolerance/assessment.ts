import type {
  ExclusionEntry,
  FaultToleranceAssessment,
  FaultToleranceCriterion,
  FaultTolerancePolicy,
  FaultToleranceRecommendation,
  Label,
  RecommendationReason,
  RecommendationReasonCode,
} from '@dandang/contracts';
import { FAULT_TOLERANCE_CRITERIA, RECOMMENDATION_REASONS } from '@dandang/contracts';
import { checkAssessment } from './assessment-validation';
import { applicableExclusions } from './exclusions';

/**
 * The conditions of tolerance, from the checklist of docs/domain.md §d. A condition is met when any of its
 * criteria is. ESSENTIAL conditions are the checklist forms of the three distinctions: without them there
 * is no tolerance at all. The other two (procedure; reform or unclear boundary) may be partly missing.
 */
export const TOLERANCE_CONDITIONS: readonly { anyOf: readonly FaultToleranceCriterion[]; essential: boolean }[] = [
  { anyOf: ['forPublicInterest'], essential: true },
  { anyOf: ['noProhibitionViolated'], essential: true },
  { anyOf: ['notDeliberate'], essential: true },
  { anyOf: ['followedDecisionProcedure'], essential: false },
  { anyOf: ['inReformOrExploration', 'unclearPolicyBoundary'], essential: false },
];

const ALTERNATIVE_GROUNDS = {
  dissentRecorded: 'DISSENT_RECORDED',
  forceMajeureOrUnforeseeable: 'FORCE_MAJEURE_OR_UNFORESEEABLE',
} as const satisfies Partial<Record<FaultToleranceCriterion, RecommendationReasonCode>>;

const DISTINCTION_REASONS = {
  wasDeliberate: 'DELIBERATE_VIOLATION',
  wasExplicitlyProhibited: 'DEFIED_EXPLICIT_BAN',
  soughtPersonalGain: 'SOUGHT_PERSONAL_GAIN',
} as const satisfies Record<keyof FaultToleranceAssessment['distinctions'], RecommendationReasonCode>;

/**
 * Turns a structured assessment into a recommended outcome, with every reason that produced it.
 * The rules, applied in order:
 * 1. Exclusions. A distinction on the intolerable side (deliberate, explicit ban, private gain) or any
 *    entry of the policy's negative list → REJECTION. Nothing outweighs an exclusion.
 * 2. Grounds. An alternative ground (dissent on record; force majeure or the unforeseeable, 问责条例 art. 17)
 *    → EXEMPTION on its own. Otherwise, with every condition of TOLERANCE_CONDITIONS met: no harm →
 *    EXEMPTION, harm → MITIGATION. With the essential conditions met and exactly one other condition
 *    missing → MITIGATION. Anything less (an essential condition missing, or both others) → REJECTION.
 * 3. Caps on EXEMPTION. A repeated error (any earlier tolerated error or accountability case) or a failed
 *    substitution test lowers it to MITIGATION; both are given as reasons whenever tolerance is recommended.
 * 4. Kind of MITIGATION (问责条例 art. 18). REDUCED when remedial measures were taken AND the official
 *    cooperated with the inquiry; LIGHTER otherwise.
 * The six elements' notes are for the record and the determining supervisors; they never change the result.
 * Refuses (INVALID_INPUT) a malformed or self-contradictory assessment, or one citing an unknown exclusion.
 */
export function recommendOutcome(
  assessment: FaultToleranceAssessment,
  policy: Pick<FaultTolerancePolicy, 'exclusions'>,
): FaultToleranceRecommendation {
  checkAssessment(assessment, policy.exclusions);

  const exclusions = exclusionReasons(assessment, policy.exclusions);
  if (exclusions.length > 0) return { outcome: 'REJECTION', reasons: exclusions };

  const grounds = groundsFor(assessment);
  if (grounds.outcome === 'REJECTION') return { outcome: 'REJECTION', reasons: grounds.reasons };

  const reasons = [...grounds.reasons, ...capReasons(assessment)];
  const capped = reasons.some((r) => r.code === 'REPEATED_ERROR' || r.code === 'SUBSTITUTION_TEST_FAILED');
  if (grounds.outcome === 'EXEMPTION' && !capped) {
    return { outcome: 'EXEMPTION', reasons: [...reasons, reason('FIRST_ERROR'), reason('SUBSTITUTION_TEST_PASSED')] };
  }
  const { remedialMeasuresTaken, cooperatedWithInquiry } = assessment.checklist;
  return remedialMeasuresTaken && cooperatedWithInquiry
    ? { outcome: 'MITIGATION', mitigation: 'REDUCED', reasons: [...reasons, reason('REMEDIED_AND_COOPERATED')] }
    : { outcome: 'MITIGATION', mitigation: 'LIGHTER', reasons: [...reasons, reason('NOT_REMEDIED_AND_COOPERATED')] };
}

/** An error is the subject's first when they have neither an earlier tolerated error nor an accountability case. */
export function isFirstError(history: FaultToleranceAssessment['history']): boolean {
  return history.priorToleratedErrors === 0 && history.priorAccountabilityCases === 0;
}

function exclusionReasons(assessment: FaultToleranceAssessment, list: readonly ExclusionEntry[]): RecommendationReason[] {
  const distinctions = (Object.keys(DISTINCTION_REASONS) as (keyof typeof DISTINCTION_REASONS)[])
    .filter((d) => assessment.distinctions[d])
    .map((d) => reason(DISTINCTION_REASONS[d], d));
  const listed = applicableExclusions(assessment.exclusionIds, list).map((entry) =>
    reason('ON_NEGATIVE_LIST', entry.id, [entry.label]),
  );
  return [...distinctions, ...listed];
}

function groundsFor(assessment: FaultToleranceAssessment): FaultToleranceRecommendation {
  const alternatives = (Object.keys(ALTERNATIVE_GROUNDS) as (keyof typeof ALTERNATIVE_GROUNDS)[])
    .filter((criterion) => assessment.checklist[criterion])
    .map((criterion) => reason(ALTERNATIVE_GROUNDS[criterion], criterion));
  if (alternatives.length > 0) return { outcome: 'EXEMPTION', reasons: alternatives };

  const missing = TOLERANCE_CONDITIONS.filter((c) => !c.anyOf.some((criterion) => assessment.checklist[criterion]));
  if (missing.length === 0) {
    return assessment.harmCaused
      ? { outcome: 'MITIGATION', reasons: [reason('ALL_CONDITIONS_MET'), reason('HARM_CAUSED')] }
      : { outcome: 'EXEMPTION', reasons: [reason('ALL_CONDITIONS_MET'), reason('NO_HARM')] };
  }
  const notMet = missing.map((c) =>
    reason('CONDITION_NOT_MET', c.anyOf.join('|'), c.anyOf.map((criterion) => FAULT_TOLERANCE_CRITERIA[criterion])),
  );
  const partial = missing.length === 1 && !missing[0].essential;
  return { outcome: partial ? 'MITIGATION' : 'REJECTION', reasons: notMet };
}

function capReasons(assessment: FaultToleranceAssessment): RecommendationReason[] {
  const caps: RecommendationReason[] = [];
  if (!isFirstError(assessment.history)) caps.push(reason('REPEATED_ERROR'));
  if (!assessment.substitution.comparableOfficialWouldHaveActedSame) caps.push(reason('SUBSTITUTION_TEST_FAILED'));
  return caps;
}

/** A reason with its fixed label; `details` (the entry or criteria it is about) are appended to the label. */
function reason(code: RecommendationReasonCode, ref?: string, details: readonly Label[] = []): RecommendationReason {
  const { zh, en } = RECOMMENDATION_REASONS[code];
  const label =
    details.length === 0
      ? { zh, en }
      : { zh: `${zh}：${details.map((d) => d.zh).join('或')}`, en: `${en}: ${details.map((d) => d.en).join(' or ')}` };
  return ref === undefined ? { code, label } : { code, label, ref };
}
