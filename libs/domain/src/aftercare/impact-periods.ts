import type { AccountabilityFormChoice } from '@dandang/contracts';
import { addMonths } from './months';

/**
 * Impact periods (影响期) in months, by form and subtype (docs/domain.md §c): while one runs the official is not promoted.
 * Forms without an entry carry none. Party probation counts its probation plus the two years without an equal post.
 */
export const IMPACT_PERIOD_MONTHS: Readonly<Record<string, number>> = {
  ADMONISHMENT: 6,
  'ORGANIZATIONAL_MEASURE/POSITION_ADJUSTMENT': 12,
  'ORGANIZATIONAL_MEASURE/ORDERED_RESIGNATION': 24,
  'ORGANIZATIONAL_MEASURE/REMOVAL': 24,
  'ORGANIZATIONAL_MEASURE/DEMOTION': 24,
  'DISCIPLINARY_SANCTION/WARNING': 12,
  'DISCIPLINARY_SANCTION/SERIOUS_WARNING': 18,
  'DISCIPLINARY_SANCTION/REMOVAL_FROM_PARTY_POST': 24,
  'DISCIPLINARY_SANCTION/PROBATION_1Y': 36,
  'DISCIPLINARY_SANCTION/PROBATION_2Y': 48,
  'DISCIPLINARY_SANCTION/EXPULSION': 60,
};

/** The longest impact period among the forms, in months (0 when none carries one). */
export function impactPeriodMonths(forms: readonly AccountabilityFormChoice[]): number {
  return Math.max(0, ...forms.map((f) => IMPACT_PERIOD_MONTHS[f.subtype ? `${f.form}/${f.subtype}` : f.form] ?? 0));
}

/** When the impact period of the forms ends, counted from the decision (政务处分法 art. 8); undefined when none. */
export function impactPeriodEnd(decidedAt: string, forms: readonly AccountabilityFormChoice[]): string | undefined {
  const months = impactPeriodMonths(forms);
  return months > 0 ? addMonths(new Date(decidedAt), months).toISOString() : undefined;
}
