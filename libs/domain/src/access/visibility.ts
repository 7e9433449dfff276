import {
  FIRST_PERSON,
  personConcernedTerm,
  stageLabelOf,
  SUPERVISION_CHANNELS,
  type CaseState,
  type CaseView,
  type ReviewState,
  type SubjectCaseView,
  type SubjectReviewView,
} from '@dandang/contracts';

/** Events of the timeline the official concerned sees: the decision about them, their applications and appeal. */
const SUBJECT_VISIBLE_EVENTS: ReadonlySet<string> = new Set([
  'serveDecision',
  'applyFaultTolerance',
  'toleranceReviewConcluded',
  'fileAppeal',
  'recordPaperAppeal',
  'decideAppeal',
  'correctDecision',
  'appealWindowClosed',
  'caseClosedAfterAppeal',
  'declineApplication',
  'notifyApplicant',
]);

/** An audit event as the timeline lists it; `stream` is 'case' (or absent) for the case's own events. */
export interface TimelineEvent {
  action: string;
  stream?: string | null;
  fromStage?: string | null;
  toStage: string;
  payload?: Record<string, unknown>;
}

/**
 * Whether the official concerned sees the event on their case's timeline: those above, and the approval that ended
 * the investigation of their case (never the other approvals, nor anything of the investigation).
 */
export function subjectMaySeeEvent(event: TimelineEvent): boolean {
  // Another person's appeal is theirs: the registered subject does not read it.
  const personId = event.payload?.['personId'];
  if (personId !== undefined && personId !== FIRST_PERSON) return false;
  if (SUBJECT_VISIBLE_EVENTS.has(event.action)) return true;
  const ofTheCase = (event.stream ?? 'case') === 'case';
  // The decision, or the investigation's end without one (撤销案件 / 不予问责); in a case with a procedure, the meeting
  // that decided (never the meetings before it, nor how anyone voted: `subjectTimelinePart`).
  if (event.action === 'recordCollectiveDecision') return ofTheCase && event.toStage === 'DECIDED';
  return event.action === 'approve' && ofTheCase && event.fromStage === 'INVESTIGATION' && (event.toStage === 'DECIDED' || event.toStage === 'CLOSED');
}

/**
 * What the official concerned reads of an event they may see: of the meeting that decided, which body and when, never
 * the votes, dissent or minutes; of the others, the event as recorded.
 */
export function subjectTimelinePart(event: { action: string; reason: string | null; payload: Record<string, unknown> }): { reason: string | null; payload: Record<string, unknown> } {
  if (event.action !== 'recordCollectiveDecision') return { reason: event.reason, payload: event.payload };
  return { reason: null, payload: { body: event.payload['body'], meetingAt: event.payload['meetingAt'] } };
}

/**
 * What the official concerned sees of a fault-tolerance review: its course and outcome, who applied only when it
 * was they, and none of the assessment, recommendation or votes.
 */
export function subjectReviewView(review: ReviewState, viewerId: string): SubjectReviewView {
  return {
    reviewId: review.reviewId,
    seq: review.seq,
    status: review.status,
    applicant: review.applicant.userId === viewerId ? review.applicant : { kind: review.applicant.kind },
    appliedAt: review.appliedAt,
    decline: review.decline ? { explanation: review.decline.explanation, at: review.decline.at } : null,
    determination: review.determination ?? null,
    notification: review.notification ? { method: review.notification.method, note: review.notification.note, at: review.notification.at } : null,
  };
}

/** What every view of a case starts with: which case, where it stands, whom it concerns. */
function caseHeading(state: CaseState) {
  return {
    id: state.caseId,
    number: state.number,
    version: state.version,
    stage: state.stage,
    // The stage as the procedure names it (问责调查 / 审查调查, 问责决定 / 处分决定).
    stageLabel: stageLabelOf(state.stage, state.procedure),
    title: state.registration.title,
    subject: state.registration.subject,
    procedure: state.procedure ?? null,
    personTerm: personConcernedTerm(state.stage, state.procedure),
  };
}

/**
 * What staff see of a case (the caller adds the actions they may take, and of the reporter what the viewer may know): all
 * of the record but the internal recusal list. Only staff who may see the case (`maySeeCase`) get here, so none of
 * them is recused from it.
 */
export function staffCaseView(state: CaseState): Omit<CaseView, 'availableActions' | 'reporter'> {
  return {
    ...caseHeading(state),
    stageEnteredAt: state.stageEnteredAt,
    summary: state.registration.summary,
    channel: state.registration.channel,
    channelLabel: SUPERVISION_CHANNELS[state.registration.channel],
    intakeMethod: state.registration.intakeMethod,
    receivedAt: state.registration.receivedAt,
    orgUnitId: state.registration.orgUnitId,
    anonymousReport: state.registration.anonymousReport,
    registeredAt: state.registeredAt,
    registeredBy: state.registeredBy,
    assigneeId: state.assigneeId ?? null,
    pendingApproval: state.pendingApproval ?? null,
    lastReturn: state.lastReturn ?? null,
    disposition: state.disposition ?? null,
    inquiry: state.inquiry ?? null,
    verification: state.verification ?? null,
    evidence: state.evidence,
    decision: state.decision ?? null,
    noAccountability: state.noAccountability ?? null,
    shelvedReviews: state.shelvedReviews ?? [],
    inquiryRounds: state.inquiryRounds ?? [],
    reporterNotices: state.reporterNotices ?? [],
    service: state.service ?? null,
    transfer: state.transfer ?? null,
    closure: state.closure ?? null,
    policyVersion: state.policy.version,
    deadline: state.deadline ?? null,
    reviews: state.reviews ?? [],
    tolerance: state.tolerance ?? null,
    noNegativeEvaluation: state.noNegativeEvaluation ?? false,
    correction: state.correction ?? null,
    appeal: state.appeal ?? null,
    personAppeals: state.personAppeals ?? [],
    correctionOrders: state.correctionOrders ?? [],
    nameClearing: state.nameClearing ?? null,
    exemptionNotice: state.exemptionNotice ?? null,
    followUp: state.followUp ?? [],
    impactPeriodEndsAt: state.impactPeriodEndsAt ?? null,
    startOrder: state.startOrder ?? null,
    investigationTeam: state.investigationTeam ?? [],
    persons: state.persons ?? [],
    report: state.report ?? null,
    trial: state.trial ?? null,
    collectiveDecisions: state.collectiveDecisions ?? [],
    personDecisions: state.personDecisions ?? [],
    announcement: state.announcement ?? null,
    measureExecutions: state.measureExecutions ?? [],
  };
}

/**
 * What the official concerned sees of their case (the actions they may take are added by the caller): the decision
 * about them, its service, their applications (and others' once concluded) and appeal. Never the clue's content, the
 * reporter, proposals, evidence or who investigated.
 */
export function subjectCaseView(state: CaseState, viewerId: string): Omit<SubjectCaseView, 'availableActions'> {
  const decision = state.decision;
  return {
    ...caseHeading(state),
    decision: decision
      ? { forms: decision.forms, responsibilityLevel: decision.responsibilityLevel, leniency: decision.leniency, facts: decision.facts, approvedAt: decision.approvedAt }
      : null,
    noAccountability: state.noAccountability
      ? { outcome: state.noAccountability.outcome, grounds: state.noAccountability.grounds ?? [], allegationUntrue: state.noAccountability.allegationUntrue, approvedAt: state.noAccountability.approvedAt }
      : null,
    service: state.service ? { servedAt: state.service.servedAt, method: state.service.method } : null,
    closure: state.closure ?? null,
    reviews: (state.reviews ?? []).filter((r) => r.applicantId === viewerId || r.status !== 'OPEN'),
    tolerance: state.tolerance ?? null,
    noNegativeEvaluation: state.noNegativeEvaluation ?? false,
    appeal: state.appeal ?? null,
    impactPeriodEndsAt: state.impactPeriodEndsAt ?? null,
  };
}
