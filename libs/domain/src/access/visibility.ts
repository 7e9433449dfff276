import {
  FIRST_PERSON,
  personConcernedTerm,
  stageLabelOf,
  SUPERVISION_CHANNELS,
  type CaseState,
  type CaseSummary,
  type CaseView,
  type SubjectCaseSummary,
  type ReviewState,
  type SubjectCaseView,
  type SubjectReviewView,
} from '@dandang/contracts';
import { concernedPersonId } from './participants';

/** Events of the timeline every person concerned sees: the decision's service and the case's end after it. */
const CASE_EVENTS: ReadonlySet<string> = new Set(['serveDecision', 'appealWindowClosed', 'caseClosedAfterAppeal']);

/** Events of the registered subject's own: their fault-tolerance applications and the correction of their decision. */
const SUBJECT_EVENTS: ReadonlySet<string> = new Set(['applyFaultTolerance', 'toleranceReviewConcluded', 'correctDecision', 'declineApplication', 'notifyApplicant']);

/** Appeal events: each person's own (the person a written appeal or its decision names; the registered subject's by default). */
const APPEAL_EVENTS: ReadonlySet<string> = new Set(['recordPaperAppeal', 'decideAppeal']);

/** An audit event as the timeline lists it; `stream` is 'case' (or absent) for the case's own events. */
export interface TimelineEvent {
  action: string;
  actorId?: string;
  stream?: string | null;
  fromStage?: string | null;
  toStage: string;
  payload?: Record<string, unknown>;
}

/** Which person concerned reads the timeline: their account and their id among the persons (P1, the registered subject). */
export interface TimelineReader {
  userId: string;
  personId: string;
}

/** The person concerned `userId` is on the case (the registered subject when none: a case about them by name alone). */
export const timelineReader = (state: CaseState, userId: string): TimelineReader => ({ userId, personId: concernedPersonId(state, userId) ?? FIRST_PERSON });

/**
 * Whether a person concerned sees the event on their case's timeline: the service and the case's end, their own
 * appeal (one filed online is the filer's), the registered subject's fault-tolerance applications and correction for
 * them alone, and the approval or meeting that ended the investigation (never the other approvals, nor anything of the
 * investigation).
 */
export function subjectMaySeeEvent(event: TimelineEvent, reader: TimelineReader): boolean {
  if (CASE_EVENTS.has(event.action)) return true;
  if (event.action === 'fileAppeal') return event.actorId === reader.userId;
  if (APPEAL_EVENTS.has(event.action)) return (event.payload?.['personId'] ?? FIRST_PERSON) === reader.personId;
  if (SUBJECT_EVENTS.has(event.action)) return reader.personId === FIRST_PERSON;
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
 * Whether a person concerned sees a fault-tolerance review at all: the reviews are of the registered subject's
 * errors, so another person sees only an application of their own.
 */
export function subjectMaySeeReview(review: Pick<ReviewState, 'applicant'>, state: CaseState, viewerId: string): boolean {
  return (concernedPersonId(state, viewerId) ?? FIRST_PERSON) === FIRST_PERSON || review.applicant.userId === viewerId;
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
 * reporter, proposals, evidence or who investigated. Another person concerned (a member of a leading group) sees
 * their own part alone: `personCaseView`.
 */
export function subjectCaseView(state: CaseState, viewerId: string): Omit<SubjectCaseView, 'availableActions'> {
  const personId = concernedPersonId(state, viewerId);
  if (personId && personId !== FIRST_PERSON) return personCaseView(state, viewerId, personId);
  const decision = state.decision;
  return {
    ...caseHeading(state),
    decision: decision
      ? { forms: decision.forms, responsibilityLevel: decision.responsibilityLevel, leniency: decision.leniency, facts: decision.facts, approvedAt: decision.approvedAt }
      : null,
    noAccountability: noAccountabilityPart(state),
    service: servicePart(state),
    closure: state.closure ?? null,
    reviews: (state.reviews ?? []).filter((r) => r.applicantId === viewerId || r.status !== 'OPEN'),
    tolerance: state.tolerance ?? null,
    noNegativeEvaluation: state.noNegativeEvaluation ?? false,
    appeal: state.appeal ?? null,
    impactPeriodEndsAt: state.impactPeriodEndsAt ?? null,
  };
}

/** What a list row says that the official concerned's view of a case leaves out. */
const NOT_THE_OFFICIALS: readonly string[] = ['channel', 'intakeMethod', 'receivedAt', 'assigneeId'];

/**
 * A list row as a person concerned reads it: as their view of the case (`subjectCaseView`), without how the clue came
 * in, when it was received, or who handles it; and another person under their own name (`personCaseView`).
 */
export function subjectCaseSummary(summary: CaseSummary, state: CaseState, viewerId: string): SubjectCaseSummary {
  const row = Object.fromEntries(Object.entries(summary).filter(([field]) => !NOT_THE_OFFICIALS.includes(field))) as SubjectCaseSummary;
  const personId = concernedPersonId(state, viewerId);
  const person = personId && personId !== FIRST_PERSON ? state.persons?.find((p) => p.personId === personId) : undefined;
  return person ? { ...row, subjectName: person.name, subjectPosition: person.position } : row;
}

/** The investigation's end without a decision (撤销案件 / 不予问责), as an official concerned reads it: without its reasoning. */
const noAccountabilityPart = (state: CaseState): SubjectCaseView['noAccountability'] =>
  state.noAccountability
    ? { outcome: state.noAccountability.outcome, grounds: state.noAccountability.grounds ?? [], allegationUntrue: state.noAccountability.allegationUntrue, approvedAt: state.noAccountability.approvedAt }
    : null;

const servicePart = (state: CaseState): SubjectCaseView['service'] => (state.service ? { servedAt: state.service.servedAt, method: state.service.method } : null);

/**
 * What a person concerned other than the registered subject sees: the case under their own name, their own decision
 * and appeal, how the case ended and its service. Not the others' decisions, nor the registered subject's fault-tolerance
 * review, its effects or impact period (their own effects are in the register of effects the staff keep).
 */
function personCaseView(state: CaseState, viewerId: string, personId: string): Omit<SubjectCaseView, 'availableActions'> {
  const person = state.persons!.find((p) => p.personId === personId)!;
  const own = state.personDecisions?.find((d) => d.personId === personId);
  const appeal = state.personAppeals?.find((a) => a.personId === personId);
  return {
    ...caseHeading(state),
    subject: { name: person.name, position: person.position, orgUnitId: person.orgUnitId, ...(person.userId ? { userId: person.userId } : {}) },
    decision: own
      ? { forms: own.forms, responsibilityLevel: own.responsibilityLevel, leniency: own.leniency, facts: state.decision?.facts ?? state.report?.facts ?? '', approvedAt: own.decidedAt }
      : null,
    noAccountability: noAccountabilityPart(state),
    service: servicePart(state),
    closure: state.closure ?? null,
    reviews: (state.reviews ?? []).filter((r) => r.applicantId === viewerId),
    tolerance: null,
    noNegativeEvaluation: false,
    appeal: state.appeal ? { windowEndsAt: state.appeal.windowEndsAt, ...(appeal ? { filed: appeal.filed, ...(appeal.deadline ? { deadline: appeal.deadline } : {}), ...(appeal.decision ? { decision: appeal.decision } : {}) } : {}) } : null,
    impactPeriodEndsAt: null,
  };
}
