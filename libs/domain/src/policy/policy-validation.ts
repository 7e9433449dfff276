import { REVIEW_CLOCK_STEPS, STAGES, STEP_CLOCKS, type PinnedPolicy } from '@dandang/contracts';
import type { FieldProblem } from '../errors';
import { isPlainObject } from '../case/payload-validation';
import { reporterIdentityPolicyProblems } from '../reporter-identity/policy';
import { decisionPolicyProblems, effectsPolicyProblems } from './decision-policy';

const UNITS = ['WORKING_DAY', 'CALENDAR_DAY', 'MONTH', 'SECOND'];
const isFraction = (v: unknown, max = 1): v is number => typeof v === 'number' && v > 0 && v <= max;

/** Problems with a policy an administrator wants to publish, each naming its field. */
export function policyProblems(policy: unknown): FieldProblem[] {
  if (!isPlainObject(policy)) return [{ field: 'body', message: 'must be a JSON object' }];
  const problems: FieldProblem[] = [];
  const p = policy as Partial<PinnedPolicy> & Record<string, unknown>;
  for (const key of Object.keys(p)) {
    if (!['version', 'stageLimits', 'stepLimits', 'deadlineRules', 'maxExtensions', 'faultTolerance', 'reporterIdentity', 'reporterIdentityRetentionYears', 'evidenceMaxBytes', 'decisionPolicy', 'effectsPolicy', 'careVisitMonths'].includes(key)) problems.push({ field: key, message: 'is not a policy field' });
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
  if (p.stepLimits !== undefined) {
    if (!isPlainObject(p.stepLimits)) problems.push({ field: 'stepLimits', message: `must be an object keyed by step (${Object.keys(STEP_CLOCKS).join(', ')})` });
    else {
      for (const [step, limit] of Object.entries(p.stepLimits)) {
        if (!(step in STEP_CLOCKS)) problems.push({ field: `stepLimits.${step}`, message: 'is not a step with a clock' });
        else if (!isDuration(limit)) problems.push({ field: `stepLimits.${step}`, message: `must be {amount: 1–10000, unit: ${UNITS.join(' | ')}}` });
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
  if (p.faultTolerance !== undefined) problems.push(...faultToleranceProblems(p.faultTolerance));
  if (p.reporterIdentity !== undefined) problems.push(...reporterIdentityPolicyProblems(p.reporterIdentity));
  if (p.decisionPolicy !== undefined) problems.push(...decisionPolicyProblems(p.decisionPolicy));
  if (p.effectsPolicy !== undefined) problems.push(...effectsPolicyProblems(p.effectsPolicy));
  if (p.careVisitMonths !== undefined && !isWholeNumbers(p.careVisitMonths, 1, 120)) {
    problems.push({ field: 'careVisitMonths', message: 'must be up to 20 whole numbers of months from 1 to 120' });
  }
  const retention = p.reporterIdentityRetentionYears;
  if (retention !== undefined && !(Number.isInteger(retention) && retention >= 1 && retention <= 100)) {
    problems.push({ field: 'reporterIdentityRetentionYears', message: 'must be a whole number of years from 1 to 100' });
  }
  const maxBytes = p.evidenceMaxBytes;
  if (maxBytes !== undefined && !(Number.isInteger(maxBytes) && maxBytes >= 1 && maxBytes <= 2 ** 40)) {
    problems.push({ field: 'evidenceMaxBytes', message: 'must be a whole number of bytes from 1 to 2^40' });
  }
  return problems;
}

const isDuration = (v: unknown): boolean =>
  isPlainObject(v) && UNITS.includes(String(v['unit'])) && Number.isInteger(v['amount']) && (v['amount'] as number) >= 1 && (v['amount'] as number) <= 10_000;
const isWholeNumbers = (v: unknown, min: number, max: number): boolean =>
  Array.isArray(v) && v.length <= 20 && v.every((n) => Number.isInteger(n) && n >= min && n <= max);

/** The fault-tolerance part of a policy: quorum, negative list, correction and appeal periods, visits. */
function faultToleranceProblems(ft: unknown): FieldProblem[] {
  const field = (name: string) => `faultTolerance.${name}`;
  if (!isPlainObject(ft)) return [{ field: 'faultTolerance', message: 'must be a fault-tolerance policy object' }];
  const problems: FieldProblem[] = [];
  if (typeof ft['version'] !== 'string' || ft['version'] === '') problems.push({ field: field('version'), message: 'must be a non-empty string' });
  if (!Number.isInteger(ft['determinationQuorum']) || (ft['determinationQuorum'] as number) < 1 || (ft['determinationQuorum'] as number) > 15) {
    problems.push({ field: field('determinationQuorum'), message: 'must be a whole number from 1 to 15' });
  }
  const exclusions = ft['exclusions'];
  if (!Array.isArray(exclusions) || !exclusions.every((e) => isPlainObject(e) && typeof e['id'] === 'string' && isPlainObject(e['label']))) {
    problems.push({ field: field('exclusions'), message: 'must be a list of {id, label: {zh, en}, source}' });
  }
  const due = ft['correctionDueDays'];
  if (!isPlainObject(due) || !['LOW', 'MEDIUM', 'HIGH'].every((k) => Number.isInteger(due[k]) && (due[k] as number) >= 1 && (due[k] as number) <= 3650)) {
    problems.push({ field: field('correctionDueDays'), message: 'must give LOW, MEDIUM and HIGH in whole days (1–3650)' });
  }
  if (!isDuration(ft['appealWindow'])) problems.push({ field: field('appealWindow'), message: `must be {amount: 1–10000, unit: ${UNITS.join(' | ')}}` });
  if (!isWholeNumbers(ft['followUpVisitMonths'], 1, 240)) problems.push({ field: field('followUpVisitMonths'), message: 'must be a list of whole months (1–240)' });
  const window = ft['applicationWindow'];
  if (!isPlainObject(window) || !Array.isArray(window['openStages']) || !window['openStages'].every((s) => (STAGES as readonly string[]).includes(String(s)))) {
    problems.push({ field: field('applicationWindow'), message: 'must be {openStages: stages, withinOfNotice: duration | null}' });
  } else if (window['withinOfNotice'] !== null && window['withinOfNotice'] !== undefined && !isDuration(window['withinOfNotice'])) {
    problems.push({ field: field('applicationWindow.withinOfNotice'), message: 'must be a duration or null' });
  }
  const stepLimits = ft['stepLimits'];
  if (stepLimits !== undefined) {
    if (!isPlainObject(stepLimits)) problems.push({ field: field('stepLimits'), message: `must be an object keyed by review step (${Object.keys(REVIEW_CLOCK_STEPS).join(', ')})` });
    else {
      for (const [step, limit] of Object.entries(stepLimits)) {
        if (!(step in REVIEW_CLOCK_STEPS)) problems.push({ field: field(`stepLimits.${step}`), message: 'is not a review step with a clock' });
        else if (!isDuration(limit)) problems.push({ field: field(`stepLimits.${step}`), message: `must be {amount: 1–10000, unit: ${UNITS.join(' | ')}}` });
      }
    }
  }
  const extension = ft['verifyExtension'];
  if (extension !== undefined) {
    const verify = isPlainObject(stepLimits) && isPlainObject(stepLimits['VERIFY']) ? stepLimits['VERIFY'] : undefined;
    if (!isDuration(extension)) problems.push({ field: field('verifyExtension'), message: `must be {amount: 1–10000, unit: ${UNITS.join(' | ')}}` });
    else if (!verify) problems.push({ field: field('verifyExtension'), message: 'extends the verification clock: stepLimits.VERIFY must be set' });
    else if ((extension as Record<string, unknown>)['unit'] !== verify['unit']) {
      problems.push({ field: field('verifyExtension'), message: `must be in the unit of stepLimits.VERIFY (${String(verify['unit'])})` });
    }
  }
  return problems;
}
