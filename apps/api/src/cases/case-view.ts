import {
  ACTION_SPECS,
  STAGE_LABELS,
  type ActionName,
  type AvailableAction,
  type CaseDetail,
  type CaseListItem,
  type CaseState,
  type CaseSummary,
  type CaseView,
  type SubjectCaseSummary,
  type SubjectCaseView,
} from '@dandang/contracts';
import { auditCaseSummary, auditCaseView, availableActions, isOfficialConcerned, readsAsAuditor, reporterViewFor, staffCaseView, subjectCaseSummary, subjectCaseView } from '@dandang/domain';
import type { TaskCandidate } from '@dandang/persistence';
import { actorOf, type AuthUser } from '../auth/auth-user';

/**
 * A case as staff see it (the domain's `staffCaseView`), with what they may do, and of the reporter only whether the
 * report is a named one and the viewer's part in a reveal: the identity itself is shown by a reveal alone.
 */
export function toCaseView(state: CaseState, viewer: AuthUser, now: Date): CaseView {
  const actor = actorOf(viewer);
  return {
    ...staffCaseView(state),
    availableActions: labelled(availableActions(state, actor, now)),
    reporter: reporterViewFor(state, actor, now),
  };
}

/** The case as the official concerned sees it (the domain's `subjectCaseView`), with what they may do. */
export function toSubjectCaseView(state: CaseState, viewer: AuthUser, now: Date): SubjectCaseView {
  return { ...subjectCaseView(state, viewer.id), availableActions: labelled(availableActions(state, actorOf(viewer), now)) };
}

/** The view `viewer` may have of the case: the official concerned's, an auditor's (no content), or the staff's. */
export function caseViewFor(state: CaseState, viewer: AuthUser, now: Date): CaseDetail {
  if (isOfficialConcerned(viewer)) return toSubjectCaseView(state, viewer, now);
  return readsAsAuditor(viewer) ? auditCaseView(state) : toCaseView(state, viewer, now);
}

/** A list row as `viewer` may read it: an auditor's leaves out what the case is about. */
export function caseListItemFor(record: TaskCandidate, viewer: AuthUser): CaseListItem {
  return readsAsAuditor(viewer) ? auditCaseSummary(toCaseSummary(record)) : summaryFor(record, viewer);
}

/** A case's summary (a list row, a task) as staff or a person concerned read it (`subjectCaseSummary`). */
export function summaryFor(record: TaskCandidate, viewer: AuthUser): CaseSummary | SubjectCaseSummary {
  const summary = toCaseSummary(record);
  return isOfficialConcerned(viewer) ? subjectCaseSummary(summary, record.state, viewer.id) : summary;
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
