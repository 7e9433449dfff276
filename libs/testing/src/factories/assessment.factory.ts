import type { ChecklistAnswers, DistinctionAnswers, ErrorHistory, FaultToleranceAssessment, FaultToleranceAssessmentAnswers } from '@dandang/contracts';

/** Overrides of an assessment; the checklist, the distinctions and the history merge field by field. */
export type AssessmentOverrides = Omit<Partial<FaultToleranceAssessment>, 'checklist' | 'distinctions' | 'history'> & {
  checklist?: Partial<ChecklistAnswers>;
  distinctions?: Partial<DistinctionAnswers>;
  history?: Partial<ErrorHistory>;
};

/**
 * An assessor's answers (核实) as the API takes them, without the history it computes: every condition met (both
 * the reform and the unclear-boundary criterion), remedied and cooperative, no alternative ground, no harm, nothing on
 * the negative list, the substitution test passed. Override what a test is about.
 */
export function anAssessmentAnswers(overrides: Omit<AssessmentOverrides, 'history'> = {}): FaultToleranceAssessmentAnswers {
  const { checklist, distinctions, ...rest } = overrides;
  return {
    distinctions: { wasDeliberate: false, wasExplicitlyProhibited: false, soughtPersonalGain: false, ...distinctions },
    checklist: {
      forPublicInterest: true,
      noProhibitionViolated: true,
      notDeliberate: true,
      followedDecisionProcedure: true,
      inReformOrExploration: true,
      unclearPolicyBoundary: true,
      remedialMeasuresTaken: true,
      cooperatedWithInquiry: true,
      dissentRecorded: false,
      forceMajeureOrUnforeseeable: false,
      ...checklist,
    },
    harmCaused: false,
    exclusionIds: [],
    substitution: { comparableOfficialWouldHaveActedSame: true },
    elementNotes: { MOTIVE_ATTITUDE: '为推进改革', LOSS_RECOVERY: '损失已挽回' },
    ...rest,
  };
}

/** A complete assessment, as a review step receives it: the answers above, for a first error. */
export function anAssessment(overrides: AssessmentOverrides = {}): FaultToleranceAssessment {
  const { history, ...answers } = overrides;
  return { ...anAssessmentAnswers(answers), history: { priorToleratedErrors: 0, priorAccountabilityCases: 0, ...history } };
}
