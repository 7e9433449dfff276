import type { Distinction, ExclusionEntry, FaultToleranceAssessment, FaultToleranceCriterion } from '@dandang/contracts';
import { FAULT_TOLERANCE_CRITERIA, SIX_ELEMENTS, THREE_DISTINCTIONS } from '@dandang/contracts';
import type { FieldProblem } from '../errors';
import { invalidInput } from '../errors';

/**
 * Each distinction and the checklist criterion that says the opposite. An assessment answering both on
 * the same side contradicts itself (e.g. deliberate, yet not deliberate) and is refused rather than guessed at.
 */
const OPPOSITES: Readonly<Record<Distinction, FaultToleranceCriterion>> = {
  wasDeliberate: 'notDeliberate',
  wasExplicitlyProhibited: 'noProhibitionViolated',
  soughtPersonalGain: 'forPublicInterest',
};

const isCount = (n: unknown): boolean => typeof n === 'number' && Number.isInteger(n) && n >= 0;

/** Everything wrong with an assessment: missing answers, contradictions, unknown exclusions, bad counts. */
export function assessmentProblems(
  assessment: FaultToleranceAssessment,
  exclusions: readonly ExclusionEntry[],
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const { distinctions, checklist, substitution, history, exclusionIds, elementNotes } = assessment;

  for (const d of Object.keys(THREE_DISTINCTIONS) as Distinction[]) {
    if (typeof distinctions?.[d] !== 'boolean') problems.push({ field: `distinctions.${d}`, message: 'must be answered yes or no' });
  }
  for (const c of Object.keys(FAULT_TOLERANCE_CRITERIA) as FaultToleranceCriterion[]) {
    if (typeof checklist?.[c] !== 'boolean') problems.push({ field: `checklist.${c}`, message: 'must be answered yes or no' });
  }
  if (typeof assessment.harmCaused !== 'boolean') problems.push({ field: 'harmCaused', message: 'must be answered yes or no' });
  if (typeof substitution?.comparableOfficialWouldHaveActedSame !== 'boolean') {
    problems.push({ field: 'substitution.comparableOfficialWouldHaveActedSame', message: 'must be answered yes or no' });
  }

  for (const [d, criterion] of Object.entries(OPPOSITES) as [Distinction, FaultToleranceCriterion][]) {
    if (distinctions?.[d] === true && checklist?.[criterion] === true) {
      problems.push({ field: `checklist.${criterion}`, message: `contradicts distinctions.${d}` });
    }
  }

  if (!Array.isArray(exclusionIds) || exclusionIds.some((id) => typeof id !== 'string')) {
    problems.push({ field: 'exclusionIds', message: 'must be a list of negative-list entry ids' });
  } else {
    const unknown = exclusionIds.filter((id) => !exclusions.some((entry) => entry.id === id));
    if (unknown.length > 0) problems.push({ field: 'exclusionIds', message: `not on the negative list: ${unknown.join(', ')}` });
  }

  for (const [element, note] of Object.entries(elementNotes ?? {})) {
    if (!Object.prototype.hasOwnProperty.call(SIX_ELEMENTS, element)) {
      problems.push({ field: `elementNotes.${element}`, message: 'is not one of the six elements' });
    } else if (typeof note !== 'string') {
      problems.push({ field: `elementNotes.${element}`, message: 'must be text' });
    }
  }

  for (const count of ['priorToleratedErrors', 'priorAccountabilityCases'] as const) {
    if (!isCount(history?.[count])) problems.push({ field: `history.${count}`, message: 'must be a whole number ≥ 0' });
  }
  return problems;
}

/** Refuses (INVALID_INPUT, naming every field) an assessment with any of the problems above. */
export function checkAssessment(assessment: FaultToleranceAssessment, exclusions: readonly ExclusionEntry[]): void {
  const problems = assessmentProblems(assessment, exclusions);
  if (problems.length > 0) throw invalidInput(problems);
}
