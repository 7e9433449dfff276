import type {
  ChecklistAnswers,
  Distinction,
  ErrorHistory,
  ExclusionEntry,
  FaultToleranceCriterion,
  FaultToleranceRecommendation,
} from '@dandang/contracts';
import { FAULT_TOLERANCE_CRITERIA } from '@dandang/contracts';
import { anAssessment, refusalOf } from '@dandang/testing/factories';
import { DomainErrorCode } from '../errors';
import { isFirstError, recommendOutcome } from './assessment';
import { DEFAULT_EXCLUSIONS } from './exclusions';
import { DEFAULT_FAULT_TOLERANCE_POLICY as POLICY } from './policy';

/** Nothing in favour of tolerance: only the answers a test sets can produce it. */
const NOTHING_MET: ChecklistAnswers = {
  forPublicInterest: false,
  noProhibitionViolated: false,
  notDeliberate: false,
  followedDecisionProcedure: false,
  inReformOrExploration: false,
  unclearPolicyBoundary: false,
  remedialMeasuresTaken: false,
  cooperatedWithInquiry: false,
  dissentRecorded: false,
  forceMajeureOrUnforeseeable: false,
};

const codes = (r: FaultToleranceRecommendation): string[] => r.reasons.map((reason) => reason.code);
const verdict = (r: FaultToleranceRecommendation): string => [r.outcome, r.mitigation].filter(Boolean).join('/');

describe('recommendOutcome', () => {
  it('exempts a first error that meets every condition and caused no harm, and says why', () => {
    const recommendation = recommendOutcome(anAssessment(), POLICY);
    expect(recommendation).toEqual({ outcome: 'EXEMPTION', reasons: expect.any(Array) });
    expect(codes(recommendation)).toEqual(['ALL_CONDITIONS_MET', 'NO_HARM', 'FIRST_ERROR', 'SUBSTITUTION_TEST_PASSED']);
  });

  describe('over each criterion of the checklist, unmet on its own', () => {
    it.each<[FaultToleranceCriterion, string, string[]]>([
      ['forPublicInterest', 'REJECTION', ['CONDITION_NOT_MET']],
      ['noProhibitionViolated', 'REJECTION', ['CONDITION_NOT_MET']],
      ['notDeliberate', 'REJECTION', ['CONDITION_NOT_MET']],
      ['followedDecisionProcedure', 'MITIGATION/REDUCED', ['CONDITION_NOT_MET', 'REMEDIED_AND_COOPERATED']],
      // Reform and an unclear boundary are one condition: either suffices.
      ['inReformOrExploration', 'EXEMPTION', ['ALL_CONDITIONS_MET', 'NO_HARM', 'FIRST_ERROR', 'SUBSTITUTION_TEST_PASSED']],
      ['unclearPolicyBoundary', 'EXEMPTION', ['ALL_CONDITIONS_MET', 'NO_HARM', 'FIRST_ERROR', 'SUBSTITUTION_TEST_PASSED']],
      // Remedy and cooperation only grade a mitigation; an exemption does not need them.
      ['remedialMeasuresTaken', 'EXEMPTION', ['ALL_CONDITIONS_MET', 'NO_HARM', 'FIRST_ERROR', 'SUBSTITUTION_TEST_PASSED']],
      ['cooperatedWithInquiry', 'EXEMPTION', ['ALL_CONDITIONS_MET', 'NO_HARM', 'FIRST_ERROR', 'SUBSTITUTION_TEST_PASSED']],
    ])('without %s recommends %s', (criterion, expected, reasons) => {
      const recommendation = recommendOutcome(anAssessment({ checklist: { [criterion]: false } }), POLICY);
      expect(verdict(recommendation)).toBe(expected);
      expect(codes(recommendation)).toEqual(reasons);
    });

    it.each<[FaultToleranceCriterion]>([['forPublicInterest'], ['noProhibitionViolated'], ['notDeliberate'], ['followedDecisionProcedure']])(
      'names %s, in both languages, as the condition not met',
      (criterion) => {
        const [reason] = recommendOutcome(anAssessment({ checklist: { [criterion]: false } }), POLICY).reasons;
        expect(reason).toEqual({
          code: 'CONDITION_NOT_MET',
          ref: criterion,
          label: {
            zh: expect.stringContaining(FAULT_TOLERANCE_CRITERIA[criterion].zh),
            en: expect.stringContaining(FAULT_TOLERANCE_CRITERIA[criterion].en),
          },
        });
      },
    );
  });

  describe('when the conditions hold only in part', () => {
    it.each<[string, string, Partial<ChecklistAnswers>, string[]]>([
      ['outside reform and with clear rules', 'MITIGATION/REDUCED', { inReformOrExploration: false, unclearPolicyBoundary: false }, ['inReformOrExploration|unclearPolicyBoundary']],
      ['without procedure, outside reform and with clear rules', 'REJECTION', { followedDecisionProcedure: false, inReformOrExploration: false, unclearPolicyBoundary: false }, ['followedDecisionProcedure', 'inReformOrExploration|unclearPolicyBoundary']],
      ['without public interest nor procedure', 'REJECTION', { forPublicInterest: false, followedDecisionProcedure: false }, ['forPublicInterest', 'followedDecisionProcedure']],
    ])('%s recommends %s, naming each condition missing', (_case, expected, checklist, refs) => {
      const recommendation = recommendOutcome(anAssessment({ checklist }), POLICY);
      expect(verdict(recommendation)).toBe(expected);
      expect(recommendation.reasons.filter((r) => r.code === 'CONDITION_NOT_MET').map((r) => r.ref)).toEqual(refs);
    });
  });

  describe('when harm was caused', () => {
    it.each([
      [true, true, 'REDUCED', 'REMEDIED_AND_COOPERATED'],
      [true, false, 'LIGHTER', 'NOT_REMEDIED_AND_COOPERATED'],
      [false, true, 'LIGHTER', 'NOT_REMEDIED_AND_COOPERATED'],
      [false, false, 'LIGHTER', 'NOT_REMEDIED_AND_COOPERATED'],
    ])('mitigates (remedied %s, cooperated %s) as %s', (remedialMeasuresTaken, cooperatedWithInquiry, kind, kindReason) => {
      const recommendation = recommendOutcome(
        anAssessment({ harmCaused: true, checklist: { remedialMeasuresTaken, cooperatedWithInquiry } }),
        POLICY,
      );
      expect(recommendation).toMatchObject({ outcome: 'MITIGATION', mitigation: kind });
      expect(codes(recommendation)).toEqual(['ALL_CONDITIONS_MET', 'HARM_CAUSED', kindReason]);
    });
  });

  describe('the three distinctions', () => {
    it.each<[Distinction, FaultToleranceCriterion, string]>([
      ['wasDeliberate', 'notDeliberate', 'DELIBERATE_VIOLATION'],
      ['wasExplicitlyProhibited', 'noProhibitionViolated', 'DEFIED_EXPLICIT_BAN'],
      ['soughtPersonalGain', 'forPublicInterest', 'SOUGHT_PERSONAL_GAIN'],
    ])('reject on the intolerable side of %s, even with both alternative grounds', (distinction, opposite, code) => {
      const assessment = anAssessment({
        distinctions: { [distinction]: true },
        checklist: { [opposite]: false, dissentRecorded: true, forceMajeureOrUnforeseeable: true },
      });
      expect(recommendOutcome(assessment, POLICY)).toEqual({
        outcome: 'REJECTION',
        reasons: [{ code, ref: distinction, label: expect.objectContaining({ zh: expect.any(String) }) }],
      });
    });

    it('reports every distinction that falls on the intolerable side', () => {
      const assessment = anAssessment({
        distinctions: { wasDeliberate: true, soughtPersonalGain: true },
        checklist: { notDeliberate: false, forPublicInterest: false },
      });
      expect(codes(recommendOutcome(assessment, POLICY))).toEqual(['DELIBERATE_VIOLATION', 'SOUGHT_PERSONAL_GAIN']);
    });
  });

  describe('the negative list', () => {
    it.each(DEFAULT_EXCLUSIONS.map((entry) => [entry.id, entry] as const))(
      'rejects conduct listed as %s, even with an alternative ground',
      (id, entry) => {
        const assessment = anAssessment({ exclusionIds: [id], checklist: { forceMajeureOrUnforeseeable: true } });
        expect(recommendOutcome(assessment, POLICY)).toEqual({
          outcome: 'REJECTION',
          reasons: [
            {
              code: 'ON_NEGATIVE_LIST',
              ref: id,
              label: { zh: expect.stringContaining(entry.label.zh), en: expect.stringContaining(entry.label.en) },
            },
          ],
        });
      },
    );

    it('applies the list the policy holds, not the default one', () => {
      const localList: ExclusionEntry[] = [
        { id: 'LAND_USE_VIOLATION', label: { zh: '违法批地', en: 'Illegal land approval' }, source: '[L: test]' },
      ];
      const assessment = anAssessment({ exclusionIds: ['LAND_USE_VIOLATION'] });
      expect(recommendOutcome(assessment, { exclusions: localList }).outcome).toBe('REJECTION');
      const error = refusalOf(() => recommendOutcome(anAssessment({ exclusionIds: ['MAJOR_SAFETY_ACCIDENT'] }), { exclusions: localList }));
      expect(error).toMatchObject({ code: DomainErrorCode.INVALID_INPUT, fields: [{ field: 'exclusionIds' }] });
    });
  });

  describe('the alternative grounds', () => {
    it.each<[FaultToleranceCriterion, string]>([
      ['dissentRecorded', 'DISSENT_RECORDED'],
      ['forceMajeureOrUnforeseeable', 'FORCE_MAJEURE_OR_UNFORESEEABLE'],
    ])('%s exempts on its own, with harm and no other criterion met', (ground, code) => {
      const assessment = anAssessment({ harmCaused: true, checklist: { ...NOTHING_MET, [ground]: true } });
      const recommendation = recommendOutcome(assessment, POLICY);
      expect(recommendation.outcome).toBe('EXEMPTION');
      expect(codes(recommendation)).toEqual([code, 'FIRST_ERROR', 'SUBSTITUTION_TEST_PASSED']);
    });

    it('gives both grounds when both apply', () => {
      const checklist = { ...NOTHING_MET, dissentRecorded: true, forceMajeureOrUnforeseeable: true };
      expect(codes(recommendOutcome(anAssessment({ checklist }), POLICY)).slice(0, 2)).toEqual([
        'DISSENT_RECORDED',
        'FORCE_MAJEURE_OR_UNFORESEEABLE',
      ]);
    });
  });

  describe('first or repeated error', () => {
    it.each<[Partial<ErrorHistory>, boolean]>([
      [{}, true],
      [{ priorToleratedErrors: 1 }, false],
      [{ priorAccountabilityCases: 1 }, false],
      [{ priorToleratedErrors: 2, priorAccountabilityCases: 3 }, false],
    ])('with history %j is a first error: %s', (history, first) => {
      expect(isFirstError(anAssessment({ history }).history)).toBe(first);
    });

    it.each<[string, Partial<ChecklistAnswers>]>([
      ['every condition met', {}],
      ['dissent on record', { ...NOTHING_MET, dissentRecorded: true }],
      ['force majeure', { ...NOTHING_MET, forceMajeureOrUnforeseeable: true }],
    ])('lowers an exemption for %s to a mitigation when the error is repeated', (_case, checklist) => {
      const recommendation = recommendOutcome(anAssessment({ checklist, history: { priorToleratedErrors: 1 } }), POLICY);
      expect(recommendation.outcome).toBe('MITIGATION');
      expect(codes(recommendation)).toContain('REPEATED_ERROR');
      expect(codes(recommendation)).not.toContain('FIRST_ERROR');
    });

    it('gives the repetition as a reason in a mitigation it did not cause', () => {
      const assessment = anAssessment({ checklist: { followedDecisionProcedure: false }, history: { priorAccountabilityCases: 2 } });
      expect(codes(recommendOutcome(assessment, POLICY))).toEqual(['CONDITION_NOT_MET', 'REPEATED_ERROR', 'REMEDIED_AND_COOPERATED']);
    });
  });

  describe('the substitution test', () => {
    const failed = { comparableOfficialWouldHaveActedSame: false, systemCause: '培训不足' };

    it.each<[string, Partial<ChecklistAnswers>]>([
      ['every condition met', {}],
      ['dissent on record', { ...NOTHING_MET, dissentRecorded: true }],
    ])('when failed, allows at most a mitigation for %s', (_case, checklist) => {
      const recommendation = recommendOutcome(anAssessment({ checklist, substitution: failed }), POLICY);
      expect(recommendation.outcome).toBe('MITIGATION');
      expect(codes(recommendation)).toContain('SUBSTITUTION_TEST_FAILED');
    });

    it('together with a repeated error, gives both reasons', () => {
      const assessment = anAssessment({ substitution: failed, history: { priorToleratedErrors: 1 } });
      expect(codes(recommendOutcome(assessment, POLICY))).toEqual([
        'ALL_CONDITIONS_MET',
        'NO_HARM',
        'REPEATED_ERROR',
        'SUBSTITUTION_TEST_FAILED',
        'REMEDIED_AND_COOPERATED',
      ]);
    });
  });

  it('keeps the six elements as notes: they never change the recommendation', () => {
    const notes = { MOTIVE_ATTITUDE: '为推进项目落地', CONSEQUENCES: '造成一定经济损失', LOSS_RECOVERY: '已全部挽回' };
    for (const base of [anAssessment(), anAssessment({ harmCaused: true }), anAssessment({ checklist: { notDeliberate: false } })]) {
      expect(recommendOutcome({ ...base, elementNotes: notes }, POLICY)).toEqual(recommendOutcome(base, POLICY));
    }
  });

  describe('over every combination of the checklist, harm, substitution and history', () => {
    const criteria = Object.keys(FAULT_TOLERANCE_CRITERIA) as FaultToleranceCriterion[];
    const all = Array.from({ length: 2 ** (criteria.length + 3) }, (_, bits) => {
      const bit = (i: number): boolean => ((bits >> i) & 1) === 1;
      const checklist = Object.fromEntries(criteria.map((c, i) => [c, bit(i)])) as ChecklistAnswers;
      const n = criteria.length;
      return anAssessment({
        checklist,
        harmCaused: bit(n),
        substitution: { comparableOfficialWouldHaveActedSame: bit(n + 1) },
        history: { priorToleratedErrors: bit(n + 2) ? 0 : 1 },
      });
    });
    const results = all.map((assessment) => ({ assessment, recommendation: recommendOutcome(assessment, POLICY) }));

    it('never exempts a repeated error or a failed substitution test', () => {
      const exempted = results.filter((r) => r.recommendation.outcome === 'EXEMPTION').map((r) => r.assessment);
      expect(exempted.length).toBeGreaterThan(0);
      expect(exempted.every((a) => isFirstError(a.history) && a.substitution.comparableOfficialWouldHaveActedSame)).toBe(true);
    });

    it('grades every mitigation, and only mitigations', () => {
      expect(results.every(({ recommendation: r }) => (r.outcome === 'MITIGATION') === (r.mitigation !== undefined))).toBe(true);
    });

    it('always gives a reason, labelled in Chinese and English', () => {
      const reasons = results.flatMap((r) => r.recommendation.reasons);
      expect(results.every((r) => r.recommendation.reasons.length > 0)).toBe(true);
      expect(reasons.every((r) => r.label.zh.length > 0 && r.label.en.length > 0)).toBe(true);
    });
  });
});
