import type { AccountabilityFormChoice, FourForm, LightMeasure } from '@dandang/contracts';

/**
 * Which of the four forms (四种形态) each accountability form counts under, as data so that the reports' SQL is
 * built from the same table. A rule without a subtype covers every subtype of its form. Forms that hold an
 * organisation to account (检查, 通报 of an organisation, 改组) are no form of the four, which concern a person.
 * Every organisational measure counts as the second form: 重大职务调整 (third) is not told apart from the others in a
 * decision.
 */
export const FOUR_FORM_RULES: readonly { form: AccountabilityFormChoice['form']; subtype?: string; fourForm: FourForm }[] = [
  { form: 'CIRCULATED_CRITICISM', fourForm: 'FIRST' },
  { form: 'ADMONISHMENT', fourForm: 'FIRST' },
  { form: 'ORGANIZATIONAL_MEASURE', fourForm: 'SECOND' },
  { form: 'DISCIPLINARY_SANCTION', subtype: 'WARNING', fourForm: 'SECOND' },
  { form: 'DISCIPLINARY_SANCTION', subtype: 'SERIOUS_WARNING', fourForm: 'SECOND' },
  { form: 'DISCIPLINARY_SANCTION', subtype: 'REMOVAL_FROM_PARTY_POST', fourForm: 'THIRD' },
  { form: 'DISCIPLINARY_SANCTION', subtype: 'PROBATION_1Y', fourForm: 'THIRD' },
  { form: 'DISCIPLINARY_SANCTION', subtype: 'PROBATION_2Y', fourForm: 'THIRD' },
  { form: 'DISCIPLINARY_SANCTION', subtype: 'EXPULSION', fourForm: 'THIRD' },
];

/** The four forms from lightest to heaviest: a case counts once, under the heaviest of its forms. */
export const FOUR_FORM_ORDER: readonly FourForm[] = ['FIRST', 'SECOND', 'THIRD', 'FOURTH'];

/** The light measures of an inquiry (谈话提醒, 批评教育, 责令检查, 诫勉) are all the first form (监察法 art. 52(1)). */
export const LIGHT_MEASURE_FOUR_FORM: Readonly<Record<LightMeasure, FourForm>> = {
  REMINDER_TALK: 'FIRST',
  CRITICAL_EDUCATION: 'FIRST',
  ORDERED_SELF_EXAMINATION: 'FIRST',
  ADMONISHMENT: 'FIRST',
};

/** The form of the four one accountability form counts under, or undefined for an organisation's. */
export function fourFormOf(choice: AccountabilityFormChoice): FourForm | undefined {
  return FOUR_FORM_RULES.find((r) => r.form === choice.form && (r.subtype === undefined || r.subtype === choice.subtype))?.fourForm;
}

/** The form a decision counts under: the heaviest of its forms', or undefined when none concerns a person. */
export function fourFormOfDecision(forms: readonly AccountabilityFormChoice[]): FourForm | undefined {
  const ranks = forms.map(fourFormOf).filter((f): f is FourForm => f !== undefined).map((f) => FOUR_FORM_ORDER.indexOf(f));
  return ranks.length ? FOUR_FORM_ORDER[Math.max(...ranks)] : undefined;
}
