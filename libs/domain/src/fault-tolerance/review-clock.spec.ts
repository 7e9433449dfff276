import type { DeadlineRules, ReviewState } from '@dandang/contracts';
import { aCaseOfficer, aReviewState, aSupervisor, anActor, anAssessment } from '@dandang/testing/factories';
import { CHINA_CALENDAR_2025_2026 } from '../calendar';
import { addDuration, type ClockContext } from '../deadlines/duration';
import { DEFAULT_FAULT_TOLERANCE_POLICY } from './policy';
import { fireReviewRung, nextReviewRung, reviewStepTiming, startReviewClock, withReviewClock } from './review-clock';
import { applyReviewAction } from './review-steps';

const context: ClockContext = { calendar: CHINA_CALENDAR_2025_2026 };
const rules: DeadlineRules = { reminderPoints: [0.5, 0.8], yellowCardAt: 0.8, escalateAfter: 0.2 };
const applicant = anActor({ roles: ['SUBJECT'] });
const appliedAt = '2026-03-02T01:00:00.000Z'; // a Monday
const aReview = (overrides: Partial<ReviewState> = {}): ReviewState =>
  aReviewState({ applicant: { kind: 'SUBJECT', userId: applicant.userId, name: '张三' }, subjectUserId: applicant.userId, appliedAt, ...overrides });

describe("a fault-tolerance review's step clocks (docs/domain.md §e rows 22–25)", () => {
  it('times each step from the event that opened it, with the limit the policy pins', () => {
    const { stepLimits } = DEFAULT_FAULT_TOLERANCE_POLICY;
    expect(reviewStepTiming(aReview())).toEqual({ step: 'ACCEPT', startedAt: appliedAt, limit: stepLimits!.ACCEPT });
    expect(reviewStepTiming(aReview({ status: 'ACCEPTED', acceptance: { by: 'u', at: '2026-03-03T02:00:00.000Z' } }))).toEqual({
      step: 'VERIFY',
      startedAt: '2026-03-03T02:00:00.000Z',
      limit: { amount: 20, unit: 'WORKING_DAY' },
    });
    expect(reviewStepTiming(aReview({ status: 'ASSESSED', assessedAt: '2026-03-20T02:00:00.000Z' }))).toEqual({
      step: 'DETERMINE',
      startedAt: '2026-03-20T02:00:00.000Z',
      limit: { amount: 10, unit: 'WORKING_DAY' },
    });
    expect(reviewStepTiming(aReview({ status: 'DETERMINED', determination: { outcome: 'EXEMPTION', at: '2026-03-25T02:00:00.000Z' } }))).toEqual({
      step: 'NOTIFY',
      startedAt: '2026-03-25T02:00:00.000Z',
      limit: { amount: 5, unit: 'WORKING_DAY' },
    });
  });

  it('runs no clock once the applicant is told, the application declined or the review filed', () => {
    for (const status of ['NOTIFIED', 'DECLINED', 'FILED'] as const) expect(reviewStepTiming(aReview({ status }))).toBeUndefined();
    expect(startReviewClock(aReview({ status: 'FILED' }), context)).toBeUndefined();
  });

  it('runs no clock for a step the pinned policy sets no limit (policies pinned before review clocks)', () => {
    const before = { ...DEFAULT_FAULT_TOLERANCE_POLICY };
    delete before.stepLimits;
    expect(reviewStepTiming(aReview({ policy: before }))).toBeUndefined();
    expect(reviewStepTiming(aReview({ policy: { ...before, stepLimits: { VERIFY: { amount: 20, unit: 'WORKING_DAY' } } } }))).toBeUndefined();
  });

  it("counts the step's limit on the case's calendar, nothing fired yet", () => {
    const deadline = startReviewClock(aReview(), context)!;
    expect(deadline).toMatchObject({ step: 'ACCEPT', startedAt: appliedAt, limit: { amount: 5, unit: 'WORKING_DAY' }, fired: [], card: 'NONE' });
    expect(deadline.dueAt).toBe(addDuration(new Date(appliedAt), { amount: 5, unit: 'WORKING_DAY' }, context).dueAt.toISOString());
    expect(deadline.calendarVersion).toBe(CHINA_CALENDAR_2025_2026.version);
  });

  it('fires the rungs in order as events of the review stream, each once', () => {
    let review = withReviewClock(aReview(), context);
    const fired: string[] = [];
    for (let rung = nextReviewRung(review, rules, context); rung; rung = nextReviewRung(review, rules, context)) {
      const result = fireReviewRung(review, rung, new Date(rung.at));
      expect(result.event).toMatchObject({
        action: 'reviewStepRung',
        actorRole: 'SYSTEM',
        version: review.version + 1,
        stream: 'review-1',
        fromStage: 'APPLIED',
        toStage: 'APPLIED',
        payload: { reviewId: review.reviewId, step: 'ACCEPT', rung: rung.id, kind: rung.kind },
      });
      review = result.state;
      fired.push(rung.id);
    }
    expect(fired).toEqual(['REMINDER@0.5', 'REMINDER@0.8', 'YELLOW_CARD', 'RED_CARD', 'ESCALATION']);
    expect(review.deadline).toMatchObject({ card: 'RED', supervised: true });
  });

  it('starts the next step’s clock when a step moves the review on, and keeps the rungs fired while votes are cast', () => {
    const at = new Date('2026-03-04T02:00:00.000Z');
    let review = withReviewClock(aReview(), context);
    const rung = nextReviewRung(review, rules, context)!;
    review = fireReviewRung(review, rung, new Date(rung.at)).state;
    const accepted = applyReviewAction(review, 'acceptApplication', { actor: aCaseOfficer(), payload: {} }, at, context).state;
    expect(accepted.deadline).toMatchObject({ step: 'VERIFY', startedAt: at.toISOString(), fired: [], card: 'NONE' });
    const assessed = applyReviewAction(accepted, 'submitAssessment', { actor: aSupervisor(), payload: anAssessment() }, at, context).state;
    expect(assessed.deadline).toMatchObject({ step: 'DETERMINE', startedAt: at.toISOString() });
    const reminded = fireReviewRung(assessed, nextReviewRung(assessed, rules, context)!, at).state;
    const oneVote = applyReviewAction(reminded, 'determineTolerance', { actor: aSupervisor(), payload: { outcome: 'EXEMPTION' } }, at, context).state;
    expect(oneVote.status).toBe('ASSESSED');
    expect(oneVote.deadline).toEqual(reminded.deadline);
    const determined = applyReviewAction(oneVote, 'determineTolerance', { actor: aSupervisor(), payload: { outcome: 'EXEMPTION' } }, at, context).state;
    expect(determined.deadline).toMatchObject({ step: 'NOTIFY', fired: [] });
    const notified = applyReviewAction(determined, 'notifyApplicant', { actor: aCaseOfficer(), payload: { method: 'IN_PERSON', note: '已反馈' } }, at, context).state;
    expect(notified.deadline).toBeUndefined();
  });

  it('keeps no clock without the case’s calendar (reviews started before step clocks)', () => {
    const accepted = applyReviewAction(aReview(), 'acceptApplication', { actor: aCaseOfficer(), payload: {} }, new Date('2026-03-04T02:00:00.000Z')).state;
    expect(accepted.deadline).toBeUndefined();
  });
});
