import { CHINA_CALENDAR_2025_2026 } from '../calendar/china-calendar-data';
import { calendarProblems } from './calendar-publication';
import { DEFAULT_POLICY } from './default-policy';
import { DEFAULT_FAULT_TOLERANCE_POLICY } from '../fault-tolerance/policy';
import { policyProblems } from './policy-validation';

const fieldsOf = (problems: { field: string }[]) => problems.map((p) => p.field);

describe('publishing a policy', () => {
  it('accepts the default policy, with or without its fault-tolerance part', () => {
    expect(policyProblems(DEFAULT_POLICY)).toEqual([]);
    expect(policyProblems({ ...DEFAULT_POLICY, faultTolerance: DEFAULT_FAULT_TOLERANCE_POLICY })).toEqual([]);
  });

  it.each([
    [{ ...DEFAULT_POLICY, version: '' }, 'version'],
    [{ ...DEFAULT_POLICY, stageLimits: { LIMBO: { amount: 1, unit: 'WORKING_DAY' } } }, 'stageLimits.LIMBO'],
    [{ ...DEFAULT_POLICY, stageLimits: { INTAKE: { amount: 0, unit: 'WORKING_DAY' } } }, 'stageLimits.INTAKE'],
    [{ ...DEFAULT_POLICY, stageLimits: { INTAKE: { amount: 3, unit: 'FORTNIGHT' } } }, 'stageLimits.INTAKE'],
    [{ ...DEFAULT_POLICY, deadlineRules: { reminderPoints: [1.5], yellowCardAt: 0.8, escalateAfter: 0.2 } }, 'deadlineRules.reminderPoints'],
    [{ ...DEFAULT_POLICY, deadlineRules: { reminderPoints: [0.5], yellowCardAt: 0, escalateAfter: 0.2 } }, 'deadlineRules.yellowCardAt'],
    [{ ...DEFAULT_POLICY, maxExtensions: { INTAKE: -1 } }, 'maxExtensions.INTAKE'],
    [{ ...DEFAULT_POLICY, stepLimits: { LUNCH: { amount: 1, unit: 'MONTH' } } }, 'stepLimits.LUNCH'],
    [{ ...DEFAULT_POLICY, stepLimits: { APPEAL_DECISION: { amount: 1, unit: 'YEAR' } } }, 'stepLimits.APPEAL_DECISION'],
    [{ ...DEFAULT_POLICY, stepLimits: [] }, 'stepLimits'],
    [{ ...DEFAULT_POLICY, surprise: true }, 'surprise'],
    [{ ...DEFAULT_POLICY, faultTolerance: { ...DEFAULT_FAULT_TOLERANCE_POLICY, determinationQuorum: 0 } }, 'faultTolerance.determinationQuorum'],
    [{ ...DEFAULT_POLICY, faultTolerance: { ...DEFAULT_FAULT_TOLERANCE_POLICY, appealWindow: { amount: 1, unit: 'YEAR' } } }, 'faultTolerance.appealWindow'],
    [{ ...DEFAULT_POLICY, faultTolerance: { ...DEFAULT_FAULT_TOLERANCE_POLICY, correctionDueDays: { LOW: 30 } } }, 'faultTolerance.correctionDueDays'],
    [{ ...DEFAULT_POLICY, faultTolerance: 'lenient' }, 'faultTolerance'],
    [{ ...DEFAULT_POLICY, faultTolerance: { ...DEFAULT_FAULT_TOLERANCE_POLICY, stepLimits: { LUNCH: { amount: 1, unit: 'MONTH' } } } }, 'faultTolerance.stepLimits.LUNCH'],
    [{ ...DEFAULT_POLICY, faultTolerance: { ...DEFAULT_FAULT_TOLERANCE_POLICY, stepLimits: { VERIFY: { amount: 0, unit: 'WORKING_DAY' } } } }, 'faultTolerance.stepLimits.VERIFY'],
    [{ ...DEFAULT_POLICY, faultTolerance: { ...DEFAULT_FAULT_TOLERANCE_POLICY, stepLimits: [] } }, 'faultTolerance.stepLimits'],
    [{ ...DEFAULT_POLICY, faultTolerance: { ...DEFAULT_FAULT_TOLERANCE_POLICY, verifyExtension: { amount: 0, unit: 'WORKING_DAY' } } }, 'faultTolerance.verifyExtension'],
    [{ ...DEFAULT_POLICY, faultTolerance: { ...DEFAULT_FAULT_TOLERANCE_POLICY, verifyExtension: { amount: 1, unit: 'MONTH' } } }, 'faultTolerance.verifyExtension'],
    [{ ...DEFAULT_POLICY, faultTolerance: { ...DEFAULT_FAULT_TOLERANCE_POLICY, stepLimits: {}, verifyExtension: { amount: 10, unit: 'WORKING_DAY' } } }, 'faultTolerance.verifyExtension'],
  ])('refuses %j naming %s', (policy, field) => {
    expect(fieldsOf(policyProblems(policy))).toContain(field);
  });
});

describe('publishing a calendar', () => {
  it('accepts the shipped 2025–2026 schedules', () => {
    expect(calendarProblems(JSON.parse(JSON.stringify(CHINA_CALENDAR_2025_2026)))).toEqual([]);
  });

  it.each([
    [{ years: { 2027: { holidays: [], makeupWorkdays: [] } } }, 'version'],
    [{ version: 'v2', years: {} }, 'years'],
    [{ version: 'v2', years: { 2027: { holidays: 'new year' } } }, 'years.2027.holidays'],
    [{ version: 'v2', years: { 2027: { holidays: ['2027-02-30'], makeupWorkdays: [] } } }, 'years.2027.holidays'],
    [{ version: 'v2', years: { 2027: { holidays: [], makeupWorkdays: ['2027-01-04'] } } }, 'years.2027.makeupWorkdays'],
    [{ version: 'v2', years: { 2027: { holidays: [], makeupWorkdays: [] } }, regions: { XJ: { addHolidays: 5 } } }, 'regions.XJ.addHolidays'],
  ])('refuses %j naming %s', (calendar, field) => {
    expect(fieldsOf(calendarProblems(calendar))).toContain(field);
  });
});
