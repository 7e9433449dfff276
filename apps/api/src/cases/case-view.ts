import {
  ACTION_SPECS,
  STAGE_LABELS,
  SUPERVISION_CHANNELS,
  type ActionName,
  type CaseState,
} from '@dandang/contracts';
import { availableActions } from '@dandang/domain';
import type { CaseRecordEntity, CaseReporterEntity } from '@dandang/persistence';
import { actorOf, type AuthUser } from '../auth/auth-user';

/** A case as the API shows it to `viewer`: never the internal recusal list, the reporter only to intake officers. */
export function toCaseView(state: CaseState, viewer: AuthUser, now: Date, reporter?: CaseReporterEntity | null) {
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
    recused: state.recusedUserIds.includes(viewer.id) || state.registration.subject.userId === viewer.id,
    availableActions: actions.map((name: ActionName) => ({ name, label: ACTION_SPECS[name].label })),
    ...(viewer.roles.includes('INTAKE_OFFICER') && reporter
      ? { reporter: { anonymous: reporter.anonymous, name: reporter.name, contact: reporter.contact } }
      : {}),
  };
}
export type CaseView = ReturnType<typeof toCaseView>;

export function toCaseSummary(record: CaseRecordEntity) {
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
