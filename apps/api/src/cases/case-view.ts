import {
  ACTION_SPECS,
  STAGE_LABELS,
  SUPERVISION_CHANNELS,
  type ActionName,
  type AvailableAction,
  type CaseDetail,
  type CaseState,
  type CaseSummary,
  type CaseView,
  type SubjectCaseView,
} from '@dandang/contracts';
import { availableActions, isRecused, seesReporter, subjectCaseView } from '@dandang/domain';
import type { CaseReporterEntity, TaskCandidate } from '@dandang/persistence';
import { actorOf, isOfficialConcerned, type AuthUser } from '../auth/auth-user';

/** A case as the API shows it to `viewer`: never the internal recusal list, the reporter only to intake officers. */
export function toCaseView(state: CaseState, viewer: AuthUser, now: Date, reporter?: CaseReporterEntity | null): CaseView {
  const actions = availableActions(state, actorOf(viewer), now);
  return {
    id: state.caseId,
    number: state.number,
    version: state.version,
    stage: state.stage,
    stageLabel: STAGE_LABELS[state.stage],
    stageEnteredAt: state.stageEnteredAt,
    title: state.registration.title,
    summary: state.registration.summary,
    channel: state.registration.channel,
    channelLabel: SUPERVISION_CHANNELS[state.registration.channel],
    intakeMethod: state.registration.intakeMethod,
    receivedAt: state.registration.receivedAt,
    orgUnitId: state.registration.orgUnitId,
    subject: state.registration.subject,
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
    nameClearing: state.nameClearing ?? null,
    followUp: state.followUp ?? [],
    impactPeriodEndsAt: state.impactPeriodEndsAt ?? null,
    recused: isRecused(state, viewer.id),
    availableActions: labelled(actions),
    ...(seesReporter(viewer) && reporter
      ? { reporter: { anonymous: reporter.anonymous, name: reporter.name, contact: reporter.contact } }
      : {}),
  };
}

/** The case as the official concerned sees it (the domain's `subjectCaseView`), with what they may do. */
export function toSubjectCaseView(state: CaseState, viewer: AuthUser, now: Date): SubjectCaseView {
  return { ...subjectCaseView(state, viewer.id), availableActions: labelled(availableActions(state, actorOf(viewer), now)) };
}

/** The view `viewer` may have of the case. */
export function caseViewFor(state: CaseState, viewer: AuthUser, now: Date, reporter?: CaseReporterEntity | null): CaseDetail {
  return isOfficialConcerned(viewer) ? toSubjectCaseView(state, viewer, now) : toCaseView(state, viewer, now, reporter);
}

/** Actions with their labels, as the caller is offered them. */
export function labelled(actions: readonly ActionName[]): AvailableAction[] {
  return actions.map((name) => ({ name, label: ACTION_SPECS[name].label }));
}

/** A list row or task (a full row is one too). */
export function toCaseSummary(record: TaskCandidate): CaseSummary {
  return {
    id: record.id,
    number: record.number,
    title: record.title,
    channel: record.channel,
    intakeMethod: record.intakeMethod,
    stage: record.stage,
    stageLabel: STAGE_LABELS[record.stage],
    orgUnitId: record.orgUnitId,
    subjectName: record.subjectName,
    subjectPosition: record.subjectPosition,
    assigneeId: record.assigneeId,
    hasPendingApproval: record.hasPendingApproval,
    receivedAt: record.receivedAt.toISOString(),
    registeredAt: record.registeredAt.toISOString(),
    stageEnteredAt: record.stageEnteredAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    version: record.version,
    dueAt: record.dueAt ? record.dueAt.toISOString() : null,
    card: record.card,
    supervised: record.supervised,
  };
}
