import type { ReviewActionName, ReviewState } from '@dandang/contracts';
import { aCaseOfficer, aReviewState, aSupervisor, anActor, anAssessment, anAssessmentAnswers, refusalOf } from '@dandang/testing/factories';
import { DomainErrorCode } from '../errors';
import { applyReviewAction, isReviewOver } from './review-steps';

const handler = aCaseOfficer();
const applicant = anActor({ roles: ['SUBJECT'] });
const at = new Date('2026-03-10T02:00:00Z');

const aReview = (): ReviewState =>
  aReviewState({ applicant: { kind: 'SUBJECT', userId: applicant.userId, name: '张三' }, subjectUserId: applicant.userId, handlerIds: [handler.userId], appliedAt: at.toISOString() });
const run = (review: ReviewState, action: ReviewActionName, actor = aCaseOfficer(), payload: object = {}) =>
  applyReviewAction(review, action, { actor, payload: payload as never }, at).state;

describe('a fault-tolerance review, step by step', () => {
  const assessor = aSupervisor();
  const assessed = () => run(run(aReview(), 'acceptApplication'), 'submitAssessment', assessor, anAssessment());

  it('goes accept → assess → determine (quorum) → notify → file, recommending from the assessment', () => {
    let review = assessed();
    expect(review).toMatchObject({ status: 'ASSESSED', assessorId: assessor.userId, recommendation: { outcome: 'EXEMPTION' } });
    review = run(review, 'determineTolerance', aSupervisor(), { outcome: 'EXEMPTION' });
    expect(review.status).toBe('ASSESSED');
    review = run(review, 'determineTolerance', aSupervisor(), { outcome: 'EXEMPTION' });
    expect(review).toMatchObject({ status: 'DETERMINED', determination: { outcome: 'EXEMPTION' } });
    review = run(run(review, 'notifyApplicant', aCaseOfficer(), { method: 'IN_PERSON', note: '已反馈' }), 'fileForRecord', aCaseOfficer(), { recipient: '组织部', note: '报备' });
    expect(review.status).toBe('FILED');
    expect(isReviewOver(review)).toBe(true);
  });

  it('records each step as an event of the review’s own audit stream', () => {
    const result = applyReviewAction(aReview(), 'acceptApplication', { actor: aSupervisor(), payload: {} }, at);
    expect(result.event).toMatchObject({ stream: 'review-1', version: 2, action: 'acceptApplication', fromStage: 'APPLIED', toStage: 'ACCEPTED' });
  });

  it.each<[string, () => ReviewState, ReviewActionName, () => ReturnType<typeof anActor>, object, string]>([
    ['the assessor determining', assessed, 'determineTolerance', () => assessor, { outcome: 'EXEMPTION' }, 'ASSESSOR_CANNOT_DETERMINE'],
    ['an investigator determining', assessed, 'determineTolerance', () => ({ ...handler, roles: ['SUPERVISOR'] }), { outcome: 'EXEMPTION' }, 'HANDLER_CANNOT_DETERMINE'],
    ['a case officer determining', assessed, 'determineTolerance', () => aCaseOfficer(), { outcome: 'EXEMPTION' }, 'ROLE'],
    ['the applicant taking a step', aReview, 'acceptApplication', () => applicant, {}, 'RECUSAL'],
    ['an assessment before acceptance', aReview, 'submitAssessment', () => aCaseOfficer(), anAssessment(), 'WRONG_STEP'],
  ])('refuses %s', (_case, review, action, actor, payload, reason) => {
    expect(refusalOf(() => applyReviewAction(review(), action, { actor: actor(), payload: payload as never }, at)).reason).toBe(reason);
  });

  it('refuses an assessment without the computed history, or with a field the spec lacks', () => {
    const accepted = run(aReview(), 'acceptApplication');
    const missing = refusalOf(() => applyReviewAction(accepted, 'submitAssessment', { actor: aCaseOfficer(), payload: anAssessmentAnswers() as never }, at));
    expect(missing).toMatchObject({ code: DomainErrorCode.INVALID_INPUT, fields: [{ field: 'history' }] });
    const extra = refusalOf(() => applyReviewAction(accepted, 'submitAssessment', { actor: aCaseOfficer(), payload: { ...anAssessment(), score: 3 } as never }, at));
    expect(extra.fields.map((f) => f.field)).toContain('score');
  });

  it('needs a written reason to depart from the recommendation', () => {
    const error = refusalOf(() => applyReviewAction(assessed(), 'determineTolerance', { actor: aSupervisor(), payload: { outcome: 'REJECTION' } }, at));
    expect(error.fields).toEqual([expect.objectContaining({ field: 'reason' })]);
  });
});
