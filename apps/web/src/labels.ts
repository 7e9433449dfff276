// Lookups over the labelled enums of @dandang/contracts: a field spec names only its values, so its
// labels are found in the enum with exactly those values (or, for a field that offers part of an enum, the one
// enum holding them all).
import {
  ACCOUNTABILITY_FORMS,
  APPEAL_OUTCOMES,
  APPLICANT_KINDS,
  CLARIFICATION_METHODS,
  CORRECTION_GROUNDS,
  CORRECTION_SEVERITIES,
  DECISION_CORRECTIONS,
  FAULT_TOLERANCE_OUTCOMES,
  MITIGATION_KINDS,
  CLOSURE_KINDS,
  CLUE_DISPOSITIONS,
  EVIDENCE_KINDS,
  INQUIRY_OUTCOMES,
  INTAKE_METHODS,
  LENIENCY_GROUNDS,
  LENIENCY_LEVELS,
  LIGHT_MEASURES,
  NO_ACCOUNTABILITY_OUTCOMES,
  ORGANIZATIONAL_MEASURES,
  PARTY_SANCTIONS,
  RESPONSIBILITY_LEVELS,
  SERVICE_METHODS,
  REPORTER_NOTICES,
  REPORTER_NOTICE_METHODS,
  SHELVED_REVIEW_DECISIONS,
  SUPERVISION_CHANNELS,
  VERIFICATION_FINDINGS,
  PERSON_KINDS,
  STATEMENT_SIGNATURES,
  TRIAL_OPINIONS,
  DECISION_BODIES,
  VOTE_CHOICES,
  PROCEDURE_STAGE_LABELS,
  STAGE_LABELS,
  enumValues,
  type CaseProcedure,
  type Label,
  type LabelledEnum,
  type Stage,
} from '@dandang/contracts';

const ENUMS: LabelledEnum<string>[] = [
  SUPERVISION_CHANNELS,
  INTAKE_METHODS,
  CLUE_DISPOSITIONS,
  INQUIRY_OUTCOMES,
  LIGHT_MEASURES,
  VERIFICATION_FINDINGS,
  ACCOUNTABILITY_FORMS,
  ORGANIZATIONAL_MEASURES,
  PARTY_SANCTIONS,
  RESPONSIBILITY_LEVELS,
  LENIENCY_LEVELS,
  SERVICE_METHODS,
  EVIDENCE_KINDS,
  CLOSURE_KINDS,
  APPEAL_OUTCOMES,
  APPLICANT_KINDS,
  CLARIFICATION_METHODS,
  CORRECTION_SEVERITIES,
  FAULT_TOLERANCE_OUTCOMES,
  MITIGATION_KINDS,
  NO_ACCOUNTABILITY_OUTCOMES,
  SHELVED_REVIEW_DECISIONS,
  LENIENCY_GROUNDS,
  CORRECTION_GROUNDS,
  DECISION_CORRECTIONS,
  REPORTER_NOTICES,
  REPORTER_NOTICE_METHODS,
  PERSON_KINDS,
  STATEMENT_SIGNATURES,
  TRIAL_OPINIONS,
  DECISION_BODIES,
  VOTE_CHOICES,
];

/** The labelled enum whose values are exactly `values`, else the only one holding them all, if any. */
export function enumFor(values: readonly string[]): LabelledEnum<string> | undefined {
  const exact = ENUMS.find((e) => {
    const own = enumValues(e);
    return own.length === values.length && own.every((v, i) => v === values[i]);
  });
  if (exact) return exact;
  const holding = ENUMS.filter((e) => values.every((v) => v in e));
  return holding.length === 1 ? holding[0] : undefined;
}

/** A value's label from the given enum, or the raw value when it has none. */
export function labelOf(e: LabelledEnum<string> | undefined, value: string): Label {
  return e?.[value] ?? { zh: value, en: value };
}

/** A stage's name as the case's procedure has it (问责调查, 立案审查调查, 已作出处分决定), else its plain name. */
export function stageLabel(stage: Stage, procedure?: CaseProcedure | null): Label {
  return (procedure && PROCEDURE_STAGE_LABELS[procedure][stage]) || STAGE_LABELS[stage];
}
