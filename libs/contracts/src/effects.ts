import type { AccountabilityFormChoice, LabelledEnum } from './enums';

/**
 * What a decision means for an official's career while its impact period (影响期) runs: the register of effects the
 * organisation department keeps (干部监督), one line per official, effect and form. Policy data decides which form
 * carries which effects for how long (`EffectsPolicy`).
 */
export const OFFICIAL_EFFECT_KINDS = {
  NO_PROMOTION: { zh: '不得提拔或者重用', en: 'No promotion or heavier use' },
  NO_LEADING_POST: { zh: '不得担任领导职务', en: 'No leading post' },
  NO_EQUAL_OR_HIGHER_POST: { zh: '不得担任与原任职务相当或者高于原任职务的职务', en: 'No post equal to or above the former one' },
  NO_EXCELLENT_RATING: { zh: '年度考核不得评为优秀', en: 'No "excellent" in the annual appraisal' },
  SALARY_STEP_HELD: { zh: '不得晋升工资档次', en: 'Salary step held' },
  DUTIES_SUSPENDED: { zh: '停职检查', en: 'Duties suspended for inspection' },
  NO_READMISSION: { zh: '不得重新入党', en: 'No re-admission to the party' },
  NO_NEGATIVE_EVALUATION: { zh: '容错免责，不作负面评价', en: 'No negative evaluation (tolerated error)' },
} as const satisfies LabelledEnum<string>;
export type OfficialEffectKind = keyof typeof OFFICIAL_EFFECT_KINDS;

/**
 * One effect a form carries: for `months` from the decision, for the rest of the decision's appraisal year
 * (`appraisalYear`), or with no set end (until lifted, or for good) when neither is given.
 */
export interface EffectRule {
  kind: OfficialEffectKind;
  months?: number;
  /** The year of the decision's annual appraisal (in China Standard Time): until the year ends. */
  appraisalYear?: boolean;
}

/**
 * Which effects each form carries, keyed like the decision rules: `FORM/SUBTYPE` first, then `FORM`. A form
 * without an entry carries none. The impact period of a form is the longest `months` among its effects.
 */
export interface EffectsPolicy {
  rules: Readonly<Record<string, readonly EffectRule[]>>;
}

/** Where an effect comes from: a decision (with a procedure or the single approval), an inquiry's 诫勉, a tolerance. */
export type OfficialEffectSource = 'DECISION' | 'INQUIRY' | 'TOLERANCE' | 'CORRECTION';

/** One effect on one official, as the case's decision imposes it now (revoked decisions carry none). */
export interface OfficialEffect {
  /** Stable within the case: person, kind, form and source. */
  key: string;
  caseId: string;
  caseNumber: string;
  personId: string;
  personName: string;
  position: string;
  orgUnitId: string;
  userId?: string;
  kind: OfficialEffectKind;
  source: OfficialEffectSource;
  /** The form it comes from; absent for NO_NEGATIVE_EVALUATION. */
  form?: AccountabilityFormChoice;
  from: string;
  /** When it ends (exclusive); absent when it has no set end. */
  until?: string;
  /** The appraisal year of NO_EXCELLENT_RATING. */
  year?: number;
}
