import type { AccountabilityFormChoice, EffectsPolicy } from '@dandang/contracts';
import { DEFAULT_EFFECTS_POLICY, formImpactMonths } from '../effects/effects-policy';
import { addMonths } from './months';

/**
 * Impact periods (影响期) in months, by form and subtype (docs/domain.md §c), as the default effects policy has them
 * (effects/effects-policy.ts, the one table): while one runs the official is not promoted. Forms without an entry
 * carry none. Party probation counts its probation plus the two years without an equal post.
 */
export const IMPACT_PERIOD_MONTHS: Readonly<Record<string, number>> = Object.fromEntries(
  Object.keys(DEFAULT_EFFECTS_POLICY.rules)
    .map((key) => {
      const [form, subtype] = key.split('/');
      return [key, formImpactMonths(DEFAULT_EFFECTS_POLICY, { form, subtype } as AccountabilityFormChoice)] as const;
    })
    .filter(([, months]) => months > 0),
);

/** The longest impact period among the forms, in months (0 when none carries one), under `policy` (the default's). */
export function impactPeriodMonths(forms: readonly AccountabilityFormChoice[], policy: EffectsPolicy = DEFAULT_EFFECTS_POLICY): number {
  return Math.max(0, ...forms.map((f) => formImpactMonths(policy, f)));
}

/** When the impact period of the forms ends, counted from the decision (政务处分法 art. 8); undefined when none. */
export function impactPeriodEnd(decidedAt: string, forms: readonly AccountabilityFormChoice[], policy: EffectsPolicy = DEFAULT_EFFECTS_POLICY): string | undefined {
  const months = impactPeriodMonths(forms, policy);
  return months > 0 ? addMonths(new Date(decidedAt), months).toISOString() : undefined;
}

