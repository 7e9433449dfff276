import type { AccountabilityFormChoice, CaseState, DecisionBody, DecisionPolicy, DecisionRule } from '@dandang/contracts';

/**
 * Who decides what by default (docs/domain.md "Who decides what"): a commission imposes 通报 and 诫勉 itself and checks
 * or circulates an organisation; it proposes 组织处理 to the organisation department and 改组 to the party committee;
 * 党纪处分 and 政务处分 go through 审理 and are decided by the standing committee or the supervisory commission. A body
 * meets with more than half its members and decides by more than half of them (民主集中制); the recused never vote.
 */
export const DEFAULT_DECISION_POLICY: DecisionPolicy = {
  rules: {
    INSPECTION: rule('COMMISSION_STANDING_COMMITTEE'),
    CIRCULATED_NOTICE: rule('COMMISSION_STANDING_COMMITTEE'),
    REORGANIZATION: rule('PARTY_COMMITTEE', { proposed: true }),
    CIRCULATED_CRITICISM: rule('COMMISSION_STANDING_COMMITTEE'),
    ADMONISHMENT: rule('COMMISSION_STANDING_COMMITTEE'),
    ORGANIZATIONAL_MEASURE: rule('ORGANISATION_DEPARTMENT', { proposed: true }),
    DISCIPLINARY_SANCTION: rule('COMMISSION_STANDING_COMMITTEE', { trial: true }),
    GOVERNMENT_SANCTION: rule('SUPERVISORY_COMMISSION', { trial: true }),
    // A finding without forms (免予问责) is decided by the commission that held the inquiry.
    NONE: rule('COMMISSION_STANDING_COMMITTEE'),
  },
  collective: { presentMoreThan: 0.5, agreeMoreThan: 0.5, mayNotVote: ['RECUSED'] },
};

function rule(body: DecisionBody, more: Partial<DecisionRule> = {}): DecisionRule {
  return { body, trial: false, proposed: false, ...more };
}

/** The key of a finding without forms in `DecisionPolicy.rules`. */
export const NO_FORMS_RULE = 'NONE';

/** The rule that decides a form: its subtype's (`FORM/SUBTYPE`) when the policy has one, else the form's. */
export function decisionRuleOf(policy: DecisionPolicy, form: AccountabilityFormChoice | undefined): DecisionRule {
  if (!form) return policy.rules[NO_FORMS_RULE] ?? DEFAULT_DECISION_POLICY.rules[NO_FORMS_RULE];
  return (form.subtype && policy.rules[`${form.form}/${form.subtype}`]) || policy.rules[form.form] || DEFAULT_DECISION_POLICY.rules[form.form];
}

/** The case's pinned rules of who decides what, or the default for a policy without them. */
export const decisionPolicyOf = (state: CaseState): DecisionPolicy => state.policy.decisionPolicy ?? DEFAULT_DECISION_POLICY;
