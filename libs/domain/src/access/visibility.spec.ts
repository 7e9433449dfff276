import { aCaseAt, aPayload, aReviewState, aUuid, aboutOfficial, anActor, andThen } from '@dandang/testing/factories';
import { applyAction } from '../case/apply-action';
import { staffCaseView, subjectCaseView, subjectMaySeeEvent, subjectMaySeeReview, subjectReviewView, subjectTimelinePart } from './visibility';

/** The registered subject reading their timeline, and a member of the leading group reading theirs. */
const SUBJECT = { userId: aUuid(), personId: 'P1' };
const MEMBER = { userId: aUuid(), personId: 'P2' };

describe('what the official concerned sees of the timeline', () => {
  it.each([
    'serveDecision', 'applyFaultTolerance', 'toleranceReviewConcluded', 'fileAppeal', 'decideAppeal', 'appealWindowClosed',
    'caseClosedAfterAppeal', 'declineApplication', 'notifyApplicant',
  ])('sees %s', (action) => {
    expect(subjectMaySeeEvent({ action, actorId: SUBJECT.userId, stream: 'case', fromStage: 'SERVED', toStage: 'SERVED' }, SUBJECT)).toBe(true);
  });

  it.each(['registerClue', 'acceptClue', 'proposeDisposition', 'addEvidence', 'submitInvestigationReport', 'deadlineRung', 'submitAssessment', 'determineTolerance'])(
    'never sees %s',
    (action) => {
      expect(subjectMaySeeEvent({ action, stream: 'case', fromStage: 'INVESTIGATION', toStage: 'INVESTIGATION' }, SUBJECT)).toBe(false);
    },
  );

  it('gives another person concerned the service, the case’s end and their own appeal, never the registered subject’s', () => {
    const at = { stream: 'case', fromStage: 'SERVED', toStage: 'SERVED' };
    for (const action of ['serveDecision', 'appealWindowClosed', 'caseClosedAfterAppeal']) expect(subjectMaySeeEvent({ action, ...at }, MEMBER)).toBe(true);
    expect(subjectMaySeeEvent({ action: 'recordPaperAppeal', ...at, payload: { personId: 'P2' } }, MEMBER)).toBe(true);
    expect(subjectMaySeeEvent({ action: 'decideAppeal', ...at, payload: { personId: 'P2' } }, MEMBER)).toBe(true);
    expect(subjectMaySeeEvent({ action: 'fileAppeal', actorId: MEMBER.userId, ...at }, MEMBER)).toBe(true);
    // The registered subject's appeal and fault-tolerance matters are theirs.
    expect(subjectMaySeeEvent({ action: 'decideAppeal', ...at, payload: {} }, MEMBER)).toBe(false);
    expect(subjectMaySeeEvent({ action: 'fileAppeal', actorId: SUBJECT.userId, ...at }, MEMBER)).toBe(false);
    for (const action of ['applyFaultTolerance', 'toleranceReviewConcluded', 'correctDecision', 'declineApplication', 'notifyApplicant']) {
      expect(subjectMaySeeEvent({ action, ...at }, MEMBER)).toBe(false);
    }
    // And the registered subject reads nothing of the member's appeal.
    expect(subjectMaySeeEvent({ action: 'recordPaperAppeal', ...at, payload: { personId: 'P2' } }, SUBJECT)).toBe(false);
    expect(subjectMaySeeEvent({ action: 'fileAppeal', actorId: MEMBER.userId, ...at }, SUBJECT)).toBe(false);
  });

  it('sees the approval that decided the case, and no other approval', () => {
    expect(subjectMaySeeEvent({ action: 'approve', stream: 'case', fromStage: 'INVESTIGATION', toStage: 'DECIDED' }, SUBJECT)).toBe(true);
    expect(subjectMaySeeEvent({ action: 'approve', fromStage: 'INVESTIGATION', toStage: 'DECIDED' }, SUBJECT)).toBe(true);
    expect(subjectMaySeeEvent({ action: 'approve', stream: 'case', fromStage: 'VERIFICATION', toStage: 'INVESTIGATION' }, SUBJECT)).toBe(false);
    expect(subjectMaySeeEvent({ action: 'approve', stream: 'review-1', fromStage: 'INVESTIGATION', toStage: 'DECIDED' }, SUBJECT)).toBe(false);
  });

  it('sees the meeting that decided a case with a procedure, which body and when, never the votes, dissent or minutes', () => {
    expect(subjectMaySeeEvent({ action: 'recordCollectiveDecision', stream: 'case', fromStage: 'DELIBERATION', toStage: 'DECIDED' }, SUBJECT)).toBe(true);
    // A meeting whose vote did not carry, or one of several bodies, decided nothing about them yet.
    expect(subjectMaySeeEvent({ action: 'recordCollectiveDecision', stream: 'case', fromStage: 'DELIBERATION', toStage: 'DELIBERATION' }, SUBJECT)).toBe(false);
    expect(subjectMaySeeEvent({ action: 'approve', stream: 'case', fromStage: 'INVESTIGATION', toStage: 'DELIBERATION' }, SUBJECT)).toBe(false);
    for (const action of ['presentFactMaterials', 'recordStatement', 'acceptForTrial', 'recordTrialOpinion']) {
      expect(subjectMaySeeEvent({ action, stream: 'case', fromStage: 'TRIAL', toStage: 'DELIBERATION' }, SUBJECT)).toBe(false);
    }
    const meeting = { body: 'COMMISSION_STANDING_COMMITTEE', meetingAt: '2026-03-12T02:00:00.000Z', memberCount: 5, votes: [{ memberId: aUuid(), vote: 'AGAINST', opinion: '过重' }], minutes: '纪要' };
    expect(subjectTimelinePart({ action: 'recordCollectiveDecision', reason: '纪要', payload: meeting })).toEqual({
      reason: null,
      payload: { body: 'COMMISSION_STANDING_COMMITTEE', meetingAt: '2026-03-12T02:00:00.000Z' },
    });
  });
});

describe('what the official concerned sees of a review', () => {
  const official = aUuid();
  const review = aReviewState({
    subjectUserId: official, status: 'NOTIFIED', version: 5, votes: [{ voterId: aUuid(), outcome: 'EXEMPTION' }],
    recommendation: { outcome: 'EXEMPTION', reasons: [] }, assessorId: aUuid(),
    determination: { outcome: 'EXEMPTION', at: '2026-03-12T02:00:00.000Z' },
    notification: { method: 'IN_PERSON', note: '已当面反馈', by: aUuid(), at: '2026-03-13T02:00:00.000Z' },
  });

  it('is its course and outcome, never the assessment, the votes or who notified', () => {
    expect(subjectReviewView(review, official)).toEqual({
      reviewId: review.reviewId, seq: 1, status: 'NOTIFIED', applicant: review.applicant, appliedAt: review.appliedAt, decline: null,
      determination: review.determination, notification: { method: 'IN_PERSON', note: '已当面反馈', at: '2026-03-13T02:00:00.000Z' },
    });
  });

  it('names the applicant only to the applicant', () => {
    expect(subjectReviewView({ ...review, applicant: { kind: 'UNIT', userId: aUuid(), name: '某局' } }, official).applicant).toEqual({ kind: 'UNIT' });
  });
});

describe('what the official concerned sees of their case', () => {
  const official = anActor({ roles: ['SUBJECT'] });
  const withOfficial = { initial: aboutOfficial(official.userId) };

  it('is the decision about them and its service, never the clue, proposals, evidence or who investigated', () => {
    const decided = aCaseAt('DECIDED', withOfficial);
    const served = andThen(decided, 'serveDecision', decided.cast.caseOfficer, aPayload('serveDecision', { servedAt: decided.at.toISOString() }));
    const view = subjectCaseView(served.state, official.userId);
    expect(view).toMatchObject({
      id: served.state.caseId,
      stage: 'SERVED',
      stageLabel: { zh: expect.any(String), en: expect.any(String) },
      decision: { forms: [{ form: 'ADMONISHMENT' }], approvedAt: decided.state.decision!.approvedAt },
      service: { method: 'IN_PERSON' },
      reviews: [],
      noNegativeEvaluation: false,
    });
    for (const hidden of ['summary', 'evidence', 'pendingApproval', 'assigneeId', 'investigatorIds', 'recusedUserIds']) expect(view).not.toHaveProperty(hidden);
    expect(view.decision).not.toHaveProperty('proposedBy');
    expect(view.service).not.toHaveProperty('recordedBy');
  });

  it("shows their own open application, and others' only once concluded", () => {
    const c = aCaseAt('INVESTIGATION', withOfficial);
    const at = new Date(c.at.getTime() + 3_600_000);
    const byUnit = applyAction(c.state, 'applyFaultTolerance', { actor: c.cast.caseOfficer, payload: { reasons: '单位申请' } }, at);
    expect(subjectCaseView(byUnit.state, official.userId).reviews).toEqual([]);
    const own = { ...byUnit.state, reviews: byUnit.state.reviews!.map((r) => ({ ...r, applicantId: official.userId })) };
    expect(subjectCaseView(own, official.userId).reviews).toHaveLength(1);
    const concluded = { ...byUnit.state, reviews: byUnit.state.reviews!.map((r) => ({ ...r, status: 'DECLINED' as const })) };
    expect(subjectCaseView(concluded, official.userId).reviews).toHaveLength(1);
  });
});

describe('what staff see of a case', () => {
  it('is the whole record but the recusal list', () => {
    const c = aCaseAt('INVESTIGATION');
    const state = { ...c.state, recusedUserIds: [aUuid()] };
    const view = staffCaseView(state);
    expect(view).toMatchObject({
      id: state.caseId,
      stage: 'INVESTIGATION',
      summary: state.registration.summary,
      channel: state.registration.channel,
      evidence: state.evidence,
      assigneeId: state.assigneeId,
    });
    for (const hidden of ['recusedUserIds', 'investigatorIds', 'reporter', 'availableActions']) expect(view).not.toHaveProperty(hidden);
  });
});

describe('which fault-tolerance reviews a person concerned sees', () => {
  it('gives the registered subject every review of their case, another person only an application of their own', () => {
    const subjectId = aUuid();
    const memberId = aUuid();
    const c = aCaseAt('INVESTIGATION', { initial: aboutOfficial(subjectId) });
    const state = { ...c.state, persons: [{ personId: 'P1', kind: 'INDIVIDUAL' as const, ...c.state.registration.subject, addedBy: aUuid(), addedAt: c.state.registeredAt }, { personId: 'P2', kind: 'INDIVIDUAL' as const, name: '李四', position: '副主任', orgUnitId: c.state.registration.orgUnitId, userId: memberId, addedBy: aUuid(), addedAt: c.state.registeredAt }] };
    const byUnit = aReviewState({ applicant: { kind: 'UNIT', userId: aUuid(), name: '某街道办' } });
    expect(subjectMaySeeReview(byUnit, state, subjectId)).toBe(true);
    expect(subjectMaySeeReview(byUnit, state, memberId)).toBe(false);
    expect(subjectMaySeeReview(aReviewState({ applicant: { kind: 'SUBJECT', userId: memberId, name: '李四' } }), state, memberId)).toBe(true);
  });
});
