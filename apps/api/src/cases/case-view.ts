import {
  ACTION_SPECS,
  STAGE_LABELS,
  type ActionName,
  type AvailableAction,
  type CaseDetail,
  type CaseState,
  type CaseSummary,
  type CaseView,
  type SubjectCaseView,
} from '@dandang/contracts';
import { availableActions, isOfficialConcerned, seesReporter, staffCaseView, subjectCaseView } from '@dandang/domain';
import type { CaseReporterEntity, TaskCandidate } from '@dandang/persistence';
import { actorOf, type AuthUser } from '../auth/auth-user';

/** A case as staff see it (the domain's `staffCaseView`), with what they may do, and the reporter to those who see it. */
export function toCaseView(state: CaseState, viewer: AuthUser, now: Date, reporter?: CaseReporterEntity | null): CaseView {
  return {
    ...staffCaseView(state),
    availableActions: labelled(availableActions(state, actorOf(viewer), now)),
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
