import type { CaseState, PersonConcerned, PersonDecision } from '@dandang/contracts';
import { aCaseState } from '@dandang/testing/factories';
import { impactPeriodEnd, impactPeriodMonths } from '../aftercare/impact-periods';
import { DEFAULT_EFFECTS_POLICY, effectsPolicyOf } from './effects-policy';
import { appraisalYear, effectActive, officialEffects } from './official-effects';

const DECIDED_AT = '2026-04-10T02:00:00.000Z';
const UNIT = '0f000000-0000-4000-8000-000000000001';

const person = (personId: string, overrides: Partial<PersonConcerned> = {}): PersonConcerned => ({
  personId,
  kind: 'INDIVIDUAL',
  name: `干部${personId}`,
  position: '科长',
  orgUnitId: UNIT,
  addedBy: 'u',
  addedAt: DECIDED_AT,
  ...overrides,
});

const decided = (personId: string, forms: PersonDecision['forms']): PersonDecision => ({
  personId,
  responsibilityLevel: 'DIRECT',
  forms,
  leniency: 'NORMAL',
  decidedAt: DECIDED_AT,
  bodies: ['COMMISSION_STANDING_COMMITTEE'],
});

const legacyDecision = (forms: PersonDecision['forms']): CaseState['decision'] => ({
  forms,
  responsibilityLevel: 'DIRECT',
  leniency: 'NORMAL',
  facts: '事实',
  proposedBy: 'o',
  approvedBy: 's',
  approvedAt: DECIDED_AT,
});

/** The effects as `[personId, kind, form, until]`, for compact expectations. */
const lines = (state: CaseState) =>
  officialEffects(state).map((e) => [e.personId, e.kind, e.form ? [e.form.form, e.form.subtype].filter(Boolean).join('/') : null, e.until?.slice(0, 10) ?? null]);

describe('officialEffects: the register of effects of a case', () => {
  it('gives each individual of a procedure decision the effects of each form, and an organisation none', () => {
    const state = aCaseState({
      stage: 'DECIDED',
      procedure: 'DISCIPLINE',
      persons: [
        person('P1', { userId: 'user-1' }),
        person('P2', { name: '李四', position: '副局长' }),
        person('P3', { kind: 'ORGANISATION', name: '某局党组' }),
      ],
      personDecisions: [
        decided('P1', [{ form: 'GOVERNMENT_SANCTION', subtype: 'DEMERIT' }]),
        decided('P2', [{ form: 'ORGANIZATIONAL_MEASURE', subtype: 'REMOVAL' }]),
        // An organisation carries no effects, whatever its forms.
        decided('P3', [{ form: 'CIRCULATED_NOTICE' }, { form: 'ADMONISHMENT' }]),
      ],
    });
    expect(lines(state)).toEqual([
      ['P1', 'NO_PROMOTION', 'GOVERNMENT_SANCTION/DEMERIT', '2027-04-10'],
      ['P1', 'SALARY_STEP_HELD', 'GOVERNMENT_SANCTION/DEMERIT', '2027-04-10'],
      // 责令辞职/免职: one year without a leading post, two without promotion.
      ['P2', 'NO_LEADING_POST', 'ORGANIZATIONAL_MEASURE/REMOVAL', '2027-04-10'],
      ['P2', 'NO_PROMOTION', 'ORGANIZATIONAL_MEASURE/REMOVAL', '2028-04-10'],
    ]);
    expect(officialEffects(state)[0]).toMatchObject({
      caseId: state.caseId,
      caseNumber: state.number,
      personName: '干部P1',
      position: '科长',
      orgUnitId: UNIT,
      userId: 'user-1',
      source: 'DECISION',
      from: DECIDED_AT,
    });
    expect(officialEffects(state)[2]).not.toHaveProperty('userId');
  });

  it('carries the government sanctions’ periods: 警告 6, 记过 12, 记大过 18, 降级/撤职 24 months, the salary step held from 记过', () => {
    const of = (subtype: string) =>
      lines(aCaseState({ stage: 'DECIDED', decision: legacyDecision([{ form: 'GOVERNMENT_SANCTION', subtype }]) })).map(([, kind, , until]) => [kind, until]);
    expect(of('WARNING')).toEqual([['NO_PROMOTION', '2026-10-10']]);
    expect(of('MAJOR_DEMERIT')).toEqual([['NO_PROMOTION', '2027-10-10'], ['SALARY_STEP_HELD', '2027-10-10']]);
    expect(of('GRADE_DEMOTION')).toEqual([['NO_PROMOTION', '2028-04-10'], ['SALARY_STEP_HELD', '2028-04-10']]);
    expect(of('DISMISSAL_FROM_POST')).toEqual([['NO_PROMOTION', '2028-04-10'], ['SALARY_STEP_HELD', '2028-04-10']]);
    // 停职检查 holds with no set end; 开除 ends the post, with no period of its own.
    expect(lines(aCaseState({ decision: legacyDecision([{ form: 'ORGANIZATIONAL_MEASURE', subtype: 'SUSPENSION_FOR_INSPECTION' }]) }))).toEqual([
      ['P1', 'DUTIES_SUSPENDED', 'ORGANIZATIONAL_MEASURE/SUSPENSION_FOR_INSPECTION', null],
    ]);
    expect(of('EXPULSION')).toEqual([]);
  });

  it('counts the single decision of a case without a procedure for the registered subject', () => {
    const state = aCaseState({ stage: 'DECIDED', decision: legacyDecision([{ form: 'ADMONISHMENT' }, { form: 'DISCIPLINARY_SANCTION', subtype: 'SERIOUS_WARNING' }]) });
    expect(lines(state)).toEqual([
      ['P1', 'NO_PROMOTION', 'ADMONISHMENT', '2026-10-10'],
      // No "excellent" in the year of the decision: until the year ends, in China Standard Time.
      ['P1', 'NO_EXCELLENT_RATING', 'ADMONISHMENT', '2026-12-31'],
      ['P1', 'NO_PROMOTION', 'DISCIPLINARY_SANCTION/SERIOUS_WARNING', '2027-10-10'],
    ]);
    expect(officialEffects(state)[1]).toMatchObject({ year: 2026, until: '2026-12-31T16:00:00.000Z', personName: state.registration.subject.name });
  });

  it('counts an inquiry concluded with light handling by 诫勉 as an admonishment, from the conclusion', () => {
    const at = '2026-05-06T03:00:00.000Z';
    const state = aCaseState({
      stage: 'CLOSED',
      inquiry: { outcome: 'LIGHT_HANDLING', measure: 'ADMONISHMENT', reason: '诫勉' },
      inquiryRounds: [{ seq: 1, mode: 'TALK', conclusion: { outcome: 'LIGHT_HANDLING', measure: 'ADMONISHMENT', reason: '诫勉', proposedBy: 'o', approvedBy: 's', at } }],
      closure: { kind: 'INQUIRY_CLOSED', at },
    });
    expect(lines(state)).toEqual([
      ['P1', 'NO_PROMOTION', 'ADMONISHMENT', '2026-11-06'],
      ['P1', 'NO_EXCELLENT_RATING', 'ADMONISHMENT', '2026-12-31'],
    ]);
    expect(officialEffects(state)[0]).toMatchObject({ source: 'INQUIRY', from: at });
    // A reminder talk carries nothing.
    const reminded = structuredClone(state);
    reminded.inquiryRounds![0].conclusion!.measure = 'REMINDER_TALK';
    expect(officialEffects(reminded)).toEqual([]);
  });

  it('leaves none of a decision revoked on appeal, and no negative evaluation instead', () => {
    const at = '2026-06-01T02:00:00.000Z';
    const state = aCaseState({
      stage: 'CLOSED',
      decision: legacyDecision([]),
      appeal: { windowEndsAt: at, decision: { outcome: 'REVOKED', reason: '事实不清', by: 's', at } },
      noNegativeEvaluation: true,
      closure: { kind: 'DECISION_CORRECTED', at },
    });
    expect(lines(state)).toEqual([['P1', 'NO_NEGATIVE_EVALUATION', null, null]]);
    expect(officialEffects(state)[0]).toMatchObject({ source: 'CORRECTION', from: at });
  });

  it('revokes the first person’s procedure decision on appeal, or by an ordered correction, leaving the others', () => {
    const base = aCaseState({
      stage: 'DECIDED',
      procedure: 'ACCOUNTABILITY',
      persons: [person('P1'), person('P2')],
      personDecisions: [decided('P1', [{ form: 'ADMONISHMENT' }]), decided('P2', [{ form: 'ADMONISHMENT' }])],
    });
    const corrected: CaseState = {
      ...base,
      correctionOrders: [{ grounds: ['WRONG_FACTS'], reason: 'r', by: 's', at: DECIDED_AT, correction: { outcome: 'REVOKED', reason: 'r', by: 's', at: DECIDED_AT } }],
    };
    expect(lines(corrected).map(([p, kind]) => [p, kind])).toEqual([
      ['P2', 'NO_PROMOTION'],
      ['P2', 'NO_EXCELLENT_RATING'],
    ]);
  });

  it('carries the varied forms of a decision varied on appeal, from the original decision', () => {
    const state = aCaseState({
      stage: 'CLOSED',
      decision: legacyDecision([{ form: 'ORGANIZATIONAL_MEASURE', subtype: 'DEMOTION' }]),
      appeal: {
        windowEndsAt: DECIDED_AT,
        decision: { outcome: 'VARIED', forms: [{ form: 'ORGANIZATIONAL_MEASURE', subtype: 'POSITION_ADJUSTMENT' }], reason: '过重', by: 's', at: '2026-05-01T02:00:00.000Z' },
      },
    });
    expect(lines(state)).toEqual([['P1', 'NO_PROMOTION', 'ORGANIZATIONAL_MEASURE/POSITION_ADJUSTMENT', '2027-04-10']]);
  });

  it('carries a tolerated error into the register as no negative evaluation (不作负面评价)', () => {
    const at = '2026-04-20T02:00:00.000Z';
    const state = aCaseState({
      stage: 'CLOSED',
      tolerance: { reviewId: 'r1', outcome: 'EXEMPTION', determinedAt: at },
      noNegativeEvaluation: true,
      closure: { kind: 'EXEMPTED', at },
    });
    expect(officialEffects(state)).toEqual([
      expect.objectContaining({ personId: 'P1', kind: 'NO_NEGATIVE_EVALUATION', source: 'TOLERANCE', from: at, personName: state.registration.subject.name }),
    ]);
    expect(officialEffects(state)[0]).not.toHaveProperty('until');
    expect(officialEffects({ ...state, tolerance: { ...state.tolerance!, outcome: 'REJECTION' }, noNegativeEvaluation: false })).toEqual([]);
  });

  it('reads the effects policy the case pinned, else the default', () => {
    const state = aCaseState({ decision: legacyDecision([{ form: 'ADMONISHMENT' }]) });
    expect(effectsPolicyOf(state)).toBe(DEFAULT_EFFECTS_POLICY);
    const pinned = { ...state, policy: { ...state.policy, effectsPolicy: { rules: { ADMONISHMENT: [{ kind: 'NO_PROMOTION', months: 12 }] } } } } as CaseState;
    expect(lines(pinned)).toEqual([['P1', 'NO_PROMOTION', 'ADMONISHMENT', '2027-04-10']]);
  });

  it('tells whether an effect runs, and the appraisal year in China Standard Time', () => {
    expect(effectActive({ from: DECIDED_AT, until: '2026-10-10T02:00:00.000Z' }, new Date('2026-05-01'))).toBe(true);
    expect(effectActive({ from: DECIDED_AT, until: '2026-10-10T02:00:00.000Z' }, new Date('2026-10-11'))).toBe(false);
    expect(effectActive({ from: DECIDED_AT }, new Date('2040-01-01'))).toBe(true);
    expect(appraisalYear('2026-12-31T17:00:00.000Z')).toEqual({ year: 2027, endsAt: '2027-12-31T16:00:00.000Z' });
  });
});

describe('impact periods from the same table', () => {
  it('keeps the periods of the forms as before, and adds the government sanctions’', () => {
    expect(impactPeriodMonths([{ form: 'ORGANIZATIONAL_MEASURE', subtype: 'ORDERED_RESIGNATION' }])).toBe(24);
    expect(impactPeriodMonths([{ form: 'DISCIPLINARY_SANCTION', subtype: 'PROBATION_2Y' }])).toBe(48);
    expect(impactPeriodMonths([{ form: 'DISCIPLINARY_SANCTION', subtype: 'EXPULSION' }])).toBe(60);
    expect(impactPeriodMonths([{ form: 'GOVERNMENT_SANCTION', subtype: 'MAJOR_DEMERIT' }])).toBe(18);
    expect(impactPeriodMonths([{ form: 'ORGANIZATIONAL_MEASURE', subtype: 'SUSPENSION_FOR_INSPECTION' }])).toBe(0);
    expect(impactPeriodEnd(DECIDED_AT, [{ form: 'GOVERNMENT_SANCTION', subtype: 'WARNING' }])).toBe('2026-10-10T02:00:00.000Z');
    expect(impactPeriodEnd(DECIDED_AT, [{ form: 'ADMONISHMENT' }], { rules: { ADMONISHMENT: [{ kind: 'NO_PROMOTION', months: 3 }] } })).toBe('2026-07-10T02:00:00.000Z');
  });
});
