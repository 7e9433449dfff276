import type { CaseReviewRef, ToleranceReviewConcluded } from '@dandang/contracts';
import { aCaseState } from '@dandang/testing/factories';
import { DomainError, DomainErrorCode } from '../errors';
import { checkReviewConclusion, concludeReview } from './review-effects';

const openReview = (overrides: Partial<CaseReviewRef> = {}): CaseReviewRef => ({
  reviewId: 'R1', seq: 1, workflowId: 'case-1-review-1', applicantKind: 'UNIT', applicantId: 'u1', appliedAt: '2026-12-01T00:00:00.000Z', status: 'OPEN', ...overrides,
});
const exemption = (overrides: Partial<ToleranceReviewConcluded> = {}): ToleranceReviewConcluded => ({
  reviewId: 'R1', declined: false, outcome: 'EXEMPTION', at: '2026-12-04T08:00:00.000Z', ...overrides,
});
const refusalOf = (fn: () => void): { code?: DomainErrorCode; reason?: string; fields?: string[] } => {
  try {
    fn();
    return {};
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    return { code: e.code, reason: e.reason, fields: e.fields.map((f) => f.field) };
  }
};

describe('checkReviewConclusion (the validator of the review → case conclusion)', () => {
  const waiting = aCaseState({ stage: 'INVESTIGATION', reviews: [openReview()] });

  it('accepts a well-formed conclusion of a review the case waits for', () => {
    expect(refusalOf(() => checkReviewConclusion(waiting, exemption()))).toEqual({});
    expect(refusalOf(() => checkReviewConclusion(waiting, { reviewId: 'R1', declined: true, at: '2026-12-04T08:00:00.000Z' }))).toEqual({});
    expect(refusalOf(() => checkReviewConclusion(waiting, exemption({ outcome: 'MITIGATION', mitigation: 'REDUCED' })))).toEqual({});
  });

  it('refuses a conclusion for a review the case does not know', () => {
    expect(refusalOf(() => checkReviewConclusion(waiting, exemption({ reviewId: 'R-forged' })))).toMatchObject({ code: DomainErrorCode.CONFLICT, reason: 'UNKNOWN_REVIEW' });
    expect(refusalOf(() => checkReviewConclusion(aCaseState(), exemption()))).toMatchObject({ reason: 'UNKNOWN_REVIEW' });
  });

  it.each([
    ['an unknown outcome', { outcome: 'PARDON' }, 'outcome'],
    ['no outcome for a determined review', { outcome: undefined }, 'outcome'],
    ['an outcome on a declined review', { declined: true }, 'outcome'],
    ['a mitigation without MITIGATION', { mitigation: 'REDUCED' }, 'mitigation'],
    ['a time that is no time', { at: 'yesterday' }, 'at'],
    ['no review id', { reviewId: '' }, 'reviewId'],
    ['a declined flag that is no boolean', { declined: 'no' }, 'declined'],
  ])('refuses an ill-formed conclusion: %s', (_name, overrides, field) => {
    const forged = { ...exemption(), ...overrides } as unknown as ToleranceReviewConcluded;
    expect(refusalOf(() => checkReviewConclusion(waiting, forged))).toMatchObject({ code: DomainErrorCode.INVALID_INPUT, fields: [field] });
  });

  it('refuses another conclusion of a review already concluded, and accepts the same one again', () => {
    const concluded = concludeReview(waiting, exemption(), new Date('2026-12-04T08:00:01Z'))!.state;
    expect(refusalOf(() => checkReviewConclusion(concluded, exemption({ outcome: 'REJECTION' })))).toMatchObject({ reason: 'REVIEW_ALREADY_CONCLUDED' });
    expect(refusalOf(() => checkReviewConclusion(concluded, exemption()))).toEqual({});
    expect(concludeReview(concluded, exemption(), new Date())).toBeUndefined();
  });
});
