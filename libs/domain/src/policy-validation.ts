import { STAGES, type PinnedPolicy } from '@dandang/contracts';
import type { FieldProblem } from './errors';
import { isPlainObject } from './payload-validation';

const UNITS = ['WORKING_DAY', 'CALENDAR_DAY', 'MONTH', 'SECOND'];
const isFraction = (v: unknown, max = 1): v is number => typeof v === 'number' && v > 0 && v <= max;

/** Problems with a policy an administrator wants to publish, each naming its field. */
export function policyProblems(policy: unknown): FieldProblem[] {
  if (!isPlainObject(policy)) return [{ field: 'body', message: 'must be a JSON object' }];
  const problems: FieldProblem[] = [];
  const p = policy as Partial<PinnedPolicy> & Record<string, unknown>;
  for (const key of Object.keys(p)) {
    if (!['version', 'stageLimits', 'deadlineRules', 'maxExtensions', 'faultTolerance'].includes(key)) problems.push({ field: key, message: 'is not a policy field' });
  }
  if (typeof p.version !== 'string' || !/^[\w.-]{1,40}$/.test(p.version)) {
    problems.push({ field: 'version', message: 'must be 1–40 letters, digits, dots, dashes or underscores' });
  }
  if (!isPlainObject(p.stageLimits)) problems.push({ field: 'stageLimits', message: 'must be an object keyed by stage' });
  else {
    for (const [stage, limit] of Object.entries(p.stageLimits)) {
      const field = `stageLimits.${stage}`;
      if (!(STAGES as readonly string[]).includes(stage)) problems.push({ field, message: 'is not a stage' });
      else if (!isPlainObject(limit) || !UNITS.includes(String(limit['unit'])) || !Number.isInteger(limit['amount']) || (limit['amount'] as number) < 1 || (limit['amount'] as number) > 10_000) {
        problems.push({ field, message: `must be {amount: 1–10000, unit: ${UNITS.join(' | ')}}` });
      }
    }
  }
  const rules = p.deadlineRules;
  if (!isPlainObject(rules)) problems.push({ field: 'deadlineRules', message: 'must be {reminderPoints, yellowCardAt, escalateAfter}' });
  else {
    if (!Array.isArray(rules.reminderPoints) || !rules.reminderPoints.every((f) => isFraction(f)) || rules.reminderPoints.length > 5) {
      problems.push({ field: 'deadlineRules.reminderPoints', message: 'must be up to 5 fractions in (0, 1]' });
    }
    if (!isFraction(rules.yellowCardAt)) problems.push({ field: 'deadlineRules.yellowCardAt', message: 'must be a fraction in (0, 1]' });
    if (!isFraction(rules.escalateAfter, 10)) problems.push({ field: 'deadlineRules.escalateAfter', message: 'must be a fraction in (0, 10]' });
  }
  if (p.maxExtensions !== undefined) {
    if (!isPlainObject(p.maxExtensions)) problems.push({ field: 'maxExtensions', message: 'must be an object keyed by stage' });
    else {
      for (const [stage, max] of Object.entries(p.maxExtensions)) {
        if (!(STAGES as readonly string[]).includes(stage) || !Number.isInteger(max) || (max as number) < 0 || (max as number) > 10_000) {
          problems.push({ field: `maxExtensions.${stage}`, message: 'must be a stage with a whole number 0–10000' });
        }
      }
    }
  }
  if (p.faultTolerance !== undefined && !isPlainObject(p.faultTolerance)) {
    problems.push({ field: 'faultTolerance', message: 'must be a fault-tolerance policy object' });
  }
  return problems;
}
