import type { FaultToleranceAssessment } from '@dandang/contracts';
import { anAssessment, refusalOf } from '@dandang/testing/factories';
import { DomainErrorCode } from '../errors';
import { assessmentProblems, checkAssessment } from './assessment-validation';
import { DEFAULT_EXCLUSIONS } from './exclusions';

/** A valid assessment with something on every list: harm caused, an exclusion cited, an earlier case. */
const aValidAssessment = (): FaultToleranceAssessment =>
  anAssessment({ harmCaused: true, exclusionIds: ['MAJOR_SAFETY_ACCIDENT'], checklist: { remedialMeasuresTaken: false }, history: { priorAccountabilityCases: 1 } });

type Patch = { [key: string]: unknown };
const isObject = (v: unknown): v is Patch => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Merges a patch into a fresh valid assessment, as a client might send it: `undefined` removes a key. */
function patched(patch: Patch): FaultToleranceAssessment {
  const merge = (base: Patch, change: Patch): Patch => {
    const result: Patch = { ...base };
    for (const [key, value] of Object.entries(change)) {
      if (value === undefined) delete result[key];
      else result[key] = isObject(value) && isObject(base[key]) ? merge(base[key] as Patch, value) : value;
    }
    return result;
  };
  return merge(aValidAssessment() as unknown as Patch, patch) as unknown as FaultToleranceAssessment;
}

describe('checkAssessment', () => {
  it('accepts a complete, consistent assessment', () => {
    expect(() => checkAssessment(aValidAssessment(), DEFAULT_EXCLUSIONS)).not.toThrow();
  });

  it.each<[string, string, Patch]>([
    ['deliberate, yet not deliberate', 'checklist.notDeliberate', { distinctions: { wasDeliberate: true } }],
    ['defying a ban, yet violating none', 'checklist.noProhibitionViolated', { distinctions: { wasExplicitlyProhibited: true } }],
    ['seeking gain, yet for the public', 'checklist.forPublicInterest', { distinctions: { soughtPersonalGain: true } }],
    ['an unanswered distinction', 'distinctions.soughtPersonalGain', { distinctions: { soughtPersonalGain: undefined } }],
    ['an unanswered criterion', 'checklist.dissentRecorded', { checklist: { dissentRecorded: undefined } }],
    ['a criterion answered as text', 'checklist.followedDecisionProcedure', { checklist: { followedDecisionProcedure: 'yes' } }],
    ['harm not answered', 'harmCaused', { harmCaused: undefined }],
    ['no substitution test', 'substitution.comparableOfficialWouldHaveActedSame', { substitution: undefined }],
    ['an exclusion not on the list', 'exclusionIds', { exclusionIds: ['MAJOR_SAFETY_ACCIDENT', 'NOT_AN_ENTRY'] }],
    ['exclusions not given as a list', 'exclusionIds', { exclusionIds: 'MAJOR_SAFETY_ACCIDENT' }],
    ['a note on a seventh element', 'elementNotes.LUCK', { elementNotes: { LUCK: '运气不好' } }],
    ['a note that is not text', 'elementNotes.CONSEQUENCES', { elementNotes: { CONSEQUENCES: 3 } }],
    ['a negative count of earlier errors', 'history.priorToleratedErrors', { history: { priorToleratedErrors: -1 } }],
    ['a fractional count of earlier cases', 'history.priorAccountabilityCases', { history: { priorAccountabilityCases: 0.5 } }],
    ['no history computed', 'history.priorToleratedErrors', { history: undefined }],
  ])('refuses %s, naming %s', (_case, field, patch) => {
    const error = refusalOf(() => checkAssessment(patched(patch), DEFAULT_EXCLUSIONS));
    expect(error.code).toBe(DomainErrorCode.INVALID_INPUT);
    expect(error.fields.map((f) => f.field)).toContain(field);
  });

  it('lists every problem at once', () => {
    const assessment = patched({
      distinctions: { wasDeliberate: true },
      exclusionIds: ['NOT_AN_ENTRY'],
      history: { priorToleratedErrors: -1 },
    });
    expect(assessmentProblems(assessment, DEFAULT_EXCLUSIONS).map((p) => p.field)).toEqual([
      'checklist.notDeliberate',
      'exclusionIds',
      'history.priorToleratedErrors',
    ]);
  });
});
