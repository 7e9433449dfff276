import { ACCOUNTABILITY_FORMS, ACCOUNTABILITY_FORM_SUBTYPES, DECISION_BODIES, OFFICIAL_EFFECT_KINDS, VOTE_EXCLUSIONS } from '@dandang/contracts';
import type { FieldProblem } from '../errors';
import { isPlainObject } from '../case/payload-validation';
import { NO_FORMS_RULE } from '../case/decision-rules';

/** Problems with the decision part of a policy an administrator wants to publish. */
export function decisionPolicyProblems(policy: unknown): FieldProblem[] {
  if (!isPlainObject(policy)) return [{ field: 'decisionPolicy', message: 'must be {rules, collective}' }];
  const problems: FieldProblem[] = [];
  const { rules, collective } = policy;
  if (!isPlainObject(rules)) problems.push({ field: 'decisionPolicy.rules', message: 'must be an object keyed by form (or FORM/SUBTYPE, or NONE)' });
  else {
    for (const [key, r] of Object.entries(rules)) {
      const field = `decisionPolicy.rules.${key}`;
      if (!isRuleKey(key)) problems.push({ field, message: 'is not a form, a form/subtype or NONE' });
      else if (!isPlainObject(r) || !(String(r['body']) in DECISION_BODIES) || typeof r['trial'] !== 'boolean' || typeof r['proposed'] !== 'boolean') {
        problems.push({ field, message: `must be {body: ${Object.keys(DECISION_BODIES).join(' | ')}, trial: boolean, proposed: boolean}` });
      }
    }
    for (const form of Object.keys(ACCOUNTABILITY_FORMS)) {
      if (!(form in rules)) problems.push({ field: `decisionPolicy.rules.${form}`, message: 'is required: every form needs a deciding body' });
    }
  }
  if (!isPlainObject(collective)) problems.push({ field: 'decisionPolicy.collective', message: 'must be {presentMoreThan, agreeMoreThan, mayNotVote}' });
  else {
    for (const share of ['presentMoreThan', 'agreeMoreThan'] as const) {
      const v = collective[share];
      if (typeof v !== 'number' || v < 0 || v >= 1) problems.push({ field: `decisionPolicy.collective.${share}`, message: 'must be a share from 0 up to (not including) 1' });
    }
    const excluded = collective['mayNotVote'];
    if (!Array.isArray(excluded) || !excluded.every((e) => typeof e === 'string' && e in VOTE_EXCLUSIONS)) {
      problems.push({ field: 'decisionPolicy.collective.mayNotVote', message: `must be a list of ${Object.keys(VOTE_EXCLUSIONS).join(', ')}` });
    }
  }
  for (const key of Object.keys(policy)) if (key !== 'rules' && key !== 'collective') problems.push({ field: `decisionPolicy.${key}`, message: 'is not a field of the decision policy' });
  return problems;
}

/** Problems with the effects part of a policy (which form carries which effects, for how long). */
export function effectsPolicyProblems(policy: unknown): FieldProblem[] {
  if (!isPlainObject(policy) || !isPlainObject(policy['rules'])) return [{ field: 'effectsPolicy', message: 'must be {rules: {FORM or FORM/SUBTYPE: [effects]}}' }];
  const problems: FieldProblem[] = [];
  for (const [key, effects] of Object.entries(policy['rules'])) {
    const field = `effectsPolicy.rules.${key}`;
    if (key === NO_FORMS_RULE || !isRuleKey(key)) problems.push({ field, message: 'is not a form or a form/subtype' });
    else if (!Array.isArray(effects) || !effects.every(isEffectRule)) {
      problems.push({ field, message: `must be a list of {kind: ${Object.keys(OFFICIAL_EFFECT_KINDS).join(' | ')}, months?: 1–600, appraisalYear?: boolean}` });
    }
  }
  return problems;
}

const isEffectRule = (r: unknown): boolean =>
  isPlainObject(r) &&
  String(r['kind']) in OFFICIAL_EFFECT_KINDS &&
  Object.keys(r).every((k) => ['kind', 'months', 'appraisalYear'].includes(k)) &&
  (r['months'] === undefined || (Number.isInteger(r['months']) && (r['months'] as number) >= 1 && (r['months'] as number) <= 600)) &&
  (r['appraisalYear'] === undefined || typeof r['appraisalYear'] === 'boolean');

function isRuleKey(key: string): boolean {
  if (key === NO_FORMS_RULE) return true;
  const [form, subtype, ...rest] = key.split('/');
  if (rest.length || !(form in ACCOUNTABILITY_FORMS)) return false;
  if (subtype === undefined) return true;
  const subtypes = ACCOUNTABILITY_FORM_SUBTYPES[form as keyof typeof ACCOUNTABILITY_FORMS];
  return subtypes !== undefined && subtype in subtypes;
}
