import type { AccountabilityFormChoice, CaseState, EffectRule, EffectsPolicy } from '@dandang/contracts';

/**
 * The default effects of each form (docs/domain.md "Impact periods"), in months from the decision (政务处分法 art. 8;
 * CCDI Q&A for party sanctions). Several rows are recalled rather than confirmed (⚠ in the domain notes): they are
 * policy data for that reason, and a locality's pinned policy may replace them (`effectsPolicy`).
 */
export const DEFAULT_EFFECTS_POLICY: EffectsPolicy = {
  rules: {
    // 诫勉: six months without promotion or heavier use, no "excellent" in that year's appraisal [L: 南昌 2017].
    ADMONISHMENT: [{ kind: 'NO_PROMOTION', months: 6 }, { kind: 'NO_EXCELLENT_RATING', appraisalYear: true }],
    // 组织处理规定(试行) 2021 ⚠: 停职检查 holds until the inspection ends (no set period); 调整职务 one year.
    'ORGANIZATIONAL_MEASURE/SUSPENSION_FOR_INSPECTION': [{ kind: 'DUTIES_SUSPENDED' }],
    'ORGANIZATIONAL_MEASURE/POSITION_ADJUSTMENT': [{ kind: 'NO_PROMOTION', months: 12 }],
    // 责令辞职 / 免职: one year without a leading post, two without promotion.
    'ORGANIZATIONAL_MEASURE/ORDERED_RESIGNATION': [{ kind: 'NO_LEADING_POST', months: 12 }, { kind: 'NO_PROMOTION', months: 24 }],
    'ORGANIZATIONAL_MEASURE/REMOVAL': [{ kind: 'NO_LEADING_POST', months: 12 }, { kind: 'NO_PROMOTION', months: 24 }],
    'ORGANIZATIONAL_MEASURE/DEMOTION': [{ kind: 'NO_PROMOTION', months: 24 }],
    // 纪律处分条例: 警告 1 year, 严重警告 1.5 years, 撤销党内职务 2 years without an equal or higher post; 留党察看 its
    // probation plus two years without an equal post; 开除党籍 five years without re-admission.
    'DISCIPLINARY_SANCTION/WARNING': [{ kind: 'NO_PROMOTION', months: 12 }],
    'DISCIPLINARY_SANCTION/SERIOUS_WARNING': [{ kind: 'NO_PROMOTION', months: 18 }],
    'DISCIPLINARY_SANCTION/REMOVAL_FROM_PARTY_POST': [{ kind: 'NO_EQUAL_OR_HIGHER_POST', months: 24 }],
    'DISCIPLINARY_SANCTION/PROBATION_1Y': [{ kind: 'NO_EQUAL_OR_HIGHER_POST', months: 36 }],
    'DISCIPLINARY_SANCTION/PROBATION_2Y': [{ kind: 'NO_EQUAL_OR_HIGHER_POST', months: 48 }],
    'DISCIPLINARY_SANCTION/EXPULSION': [{ kind: 'NO_READMISSION', months: 60 }],
    // 政务处分法 art. 8, 15, 19: 警告 6, 记过 12, 记大过 18, 降级 / 撤职 24 months without promotion; 记过 and above
    // also without a salary step. 开除 ends the post itself (no period).
    'GOVERNMENT_SANCTION/WARNING': [{ kind: 'NO_PROMOTION', months: 6 }],
    'GOVERNMENT_SANCTION/DEMERIT': [{ kind: 'NO_PROMOTION', months: 12 }, { kind: 'SALARY_STEP_HELD', months: 12 }],
    'GOVERNMENT_SANCTION/MAJOR_DEMERIT': [{ kind: 'NO_PROMOTION', months: 18 }, { kind: 'SALARY_STEP_HELD', months: 18 }],
    'GOVERNMENT_SANCTION/GRADE_DEMOTION': [{ kind: 'NO_PROMOTION', months: 24 }, { kind: 'SALARY_STEP_HELD', months: 24 }],
    'GOVERNMENT_SANCTION/DISMISSAL_FROM_POST': [{ kind: 'NO_PROMOTION', months: 24 }, { kind: 'SALARY_STEP_HELD', months: 24 }],
  },
};

/** The effects policy the case pinned, or the default (policies pinned before it existed). */
export function effectsPolicyOf(state: Pick<CaseState, 'policy'>): EffectsPolicy {
  return state.policy.effectsPolicy ?? DEFAULT_EFFECTS_POLICY;
}

/** The key of a form in the policy's rules: `FORM/SUBTYPE` when it has a subtype. */
export const formKey = (f: AccountabilityFormChoice): string => (f.subtype ? `${f.form}/${f.subtype}` : f.form);

/** The effects of one form: its subtype's rules, else the form's; none when the policy has neither. */
export function effectRulesOf(policy: EffectsPolicy, f: AccountabilityFormChoice): readonly EffectRule[] {
  return policy.rules[formKey(f)] ?? policy.rules[f.form] ?? [];
}

/** The impact period of one form, in months: the longest of its effects with a set number of months (0 when none). */
export function formImpactMonths(policy: EffectsPolicy, f: AccountabilityFormChoice): number {
  return Math.max(0, ...effectRulesOf(policy, f).map((r) => r.months ?? 0));
}
