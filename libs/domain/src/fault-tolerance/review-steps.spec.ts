import type { ReviewActionName, ReviewState } from '@dandang/contracts';
import { aCaseOfficer, aReviewState, aSupervisor, anActor, anAssessment, anAssessmentAnswers, refusalOf } from '@dandang/testing/factories';
import { CHINA_CALENDAR_2025_2026, workingDaysBetween } from '../calendar';
import type { ClockContext } from '../deadlines/duration';
import { DomainErrorCode } from '../errors';
import { DEFAULT_FAULT_TOLERANCE_POLICY } from './policy';
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

describe('extending the verification (docs/domain.md §e row 23: 20 WD, +10 WD on approval)', () => {
  const clock: ClockContext = { calendar: CHINA_CALENDAR_2025_2026 };
  // Accepted on Wednesday 1 April 2026 (10:00 in Beijing): Qingming (4–6 April) and Labour Day (1–5 May, with
  // Saturday 9 May worked) fall inside the verification and its extension.
  const acceptedAt = new Date('2026-04-01T02:00:00Z');
  const approvedAt = new Date('2026-04-20T02:00:00Z');
  const supervisor = aSupervisor();
  const step = <A extends ReviewActionName>(review: ReviewState, action: A, actor: ReturnType<typeof anActor>, payload: object, now: Date, withClock = true) =>
    applyReviewAction(review, action, { actor, payload: payload as never }, now, withClock ? clock : undefined);
  const accepted = (withClock = true) => step(aReview(), 'acceptApplication', aCaseOfficer(), {}, acceptedAt, withClock).state;
  const extend = (review: ReviewState, actor = supervisor, withClock = true) =>
    step(review, 'extendVerification', actor, { reason: '需调取外地材料' }, approvedAt, withClock);

  it("moves the running VERIFY deadline on by the policy's 10 working days, counted on the China calendar", () => {
    const review = accepted();
    const due = review.deadline!.dueAt;
    // 20 working days from 1 April: 2–3, 7–10, 13–17, 20–24, 27–30 April (Qingming off).
    expect(due).toBe('2026-04-30T15:59:59.999Z'); // the end of 30 April in Beijing
    expect(workingDaysBetween(acceptedAt, new Date(due), CHINA_CALENDAR_2025_2026)).toBe(20);
    const { state, event } = extend(review);
    // 10 more from 30 April: 6–8 May (Labour Day off), Saturday 9 May (worked), 11–15 and 18 May.
    expect(workingDaysBetween(new Date(due), new Date(state.deadline!.dueAt), CHINA_CALENDAR_2025_2026)).toBe(10);
    expect(state.deadline!.dueAt).toBe('2026-05-18T15:59:59.999Z'); // the end of 18 May in Beijing, not 14 May
    expect(state).toMatchObject({
      status: 'ACCEPTED',
      version: review.version + 1,
      deadline: { step: 'VERIFY', startedAt: review.deadline!.startedAt, fired: [], card: 'NONE', extensions: [{ amount: 10, approvedBy: supervisor.userId, reason: '需调取外地材料' }] },
      verificationExtension: { by: supervisor.userId, at: approvedAt.toISOString(), extension: DEFAULT_FAULT_TOLERANCE_POLICY.verifyExtension, dueAt: state.deadline!.dueAt },
    });
    expect(event).toMatchObject({ stream: 'review-1', action: 'extendVerification', actorRole: 'SUPERVISOR', fromStage: 'ACCEPTED', toStage: 'ACCEPTED', reason: '需调取外地材料' });
    // The assessment ends the verification: the determination's clock starts from it, the extension stays on record.
    const assessed = step(state, 'submitAssessment', aSupervisor(), anAssessment(), new Date('2026-05-12T02:00:00Z')).state;
    expect(assessed).toMatchObject({ status: 'ASSESSED', deadline: { step: 'DETERMINE', extensions: [] }, verificationExtension: { by: supervisor.userId } });
  });

  it.each<[string, () => ReviewState, () => ReturnType<typeof anActor>, boolean, string]>([
    ['a case officer', () => accepted(), () => aCaseOfficer(), true, 'ROLE'],
    ['a supervisor who handled the investigation', () => accepted(), () => ({ ...handler, roles: ['SUPERVISOR'] }), true, 'HANDLER_CANNOT_EXTEND'],
    ['the applicant', () => accepted(), () => ({ ...applicant, roles: ['SUPERVISOR'] }), true, 'RECUSAL'],
    ['a second extension', () => extend(accepted()).state, () => aSupervisor(), true, 'ALREADY_EXTENDED'],
    ['an extension before acceptance', () => aReview(), () => aSupervisor(), true, 'WRONG_STEP'],
    ['an extension after the assessment', () => step(accepted(), 'submitAssessment', aSupervisor(), anAssessment(), approvedAt).state, () => aSupervisor(), true, 'WRONG_STEP'],
    ['a review that keeps no clock', () => accepted(false), () => aSupervisor(), false, 'NO_CLOCK'],
    ['a policy pinned before the extension', () => withoutExtension(accepted()), () => aSupervisor(), true, 'NO_EXTENSION'],
    ['an extension in another unit than the clock', () => ({ ...accepted(), policy: { ...DEFAULT_FAULT_TOLERANCE_POLICY, verifyExtension: { amount: 1, unit: 'MONTH' } } }), () => aSupervisor(), true, 'NO_EXTENSION'],
  ])('refuses %s', (_case, review, actor, withClock, reason) => {
    expect(refusalOf(() => extend(review(), actor(), withClock)).reason).toBe(reason);
  });

  it('refuses an extension without a reason', () => {
    const error = refusalOf(() => step(accepted(), 'extendVerification', supervisor, {}, approvedAt));
    expect(error).toMatchObject({ code: DomainErrorCode.INVALID_INPUT, fields: [expect.objectContaining({ field: 'reason' })] });
  });

  it('keeps the supervisor who approved the extension from submitting the verification', () => {
    const extended = extend(accepted()).state;
    expect(refusalOf(() => step(extended, 'submitAssessment', supervisor, anAssessment(), approvedAt)).reason).toBe('EXTENDER_CANNOT_ASSESS');
  });
});

function withoutExtension(review: ReviewState): ReviewState {
  const policy = { ...review.policy };
  delete policy.verifyExtension;
  return { ...review, policy };
}
