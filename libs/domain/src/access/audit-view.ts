import {
  ACTION_SPECS,
  REVIEW_ACTION_SPECS,
  STAGE_LABELS,
  isActionName,
  isReviewActionName,
  type AuditCaseSummary,
  type AuditCaseView,
  type AuditReviewView,
  type CaseState,
  type CaseSummary,
  type FieldSpec,
  type ReviewState,
  type Role,
  type TimelineEntry,
} from '@dandang/contracts';

/** The roles that handle cases and so read their content: an auditor holding one of them reads as that role. */
const HANDLING_ROLES: readonly Role[] = ['INTAKE_OFFICER', 'CASE_OFFICER', 'TRIAL_OFFICER', 'SUPERVISOR'];

/**
 * Whether the viewer reads cases as an auditor (审计员, 三员分立): the audit needs the course of a case (who did what,
 * when, in which stage, under which clock, and whether the trail is intact), not what the clue says. So an auditor
 * sees no title, summary, official concerned, reporter, channel, evidence, decision or written reason.
 */
export const readsAsAuditor = (viewer: { roles: readonly Role[] }): boolean =>
  viewer.roles.includes('AUDITOR') && !viewer.roles.some((r) => HANDLING_ROLES.includes(r));

/** A case list row for an auditor: where it stands and who holds it. */
export function auditCaseSummary(s: CaseSummary): AuditCaseSummary {
  return {
    id: s.id, number: s.number, stage: s.stage, stageLabel: s.stageLabel, orgUnitId: s.orgUnitId, assigneeId: s.assigneeId,
    hasPendingApproval: s.hasPendingApproval, receivedAt: s.receivedAt, registeredAt: s.registeredAt, stageEnteredAt: s.stageEnteredAt,
    updatedAt: s.updatedAt, version: s.version, dueAt: s.dueAt, card: s.card, supervised: s.supervised,
  };
}

/** A case as an auditor sees it (`AuditCaseView`); auditors take no action on a case, so none is offered. */
export function auditCaseView(state: CaseState): AuditCaseView {
  const pending = state.pendingApproval;
  const deadline = state.deadline;
  return {
    view: 'audit',
    id: state.caseId,
    number: state.number,
    version: state.version,
    stage: state.stage,
    stageLabel: STAGE_LABELS[state.stage],
    stageEnteredAt: state.stageEnteredAt,
    orgUnitId: state.registration.orgUnitId,
    receivedAt: state.registration.receivedAt,
    registeredAt: state.registeredAt,
    registeredBy: state.registeredBy,
    assigneeId: state.assigneeId ?? null,
    pendingApproval: pending
      ? { kind: pending.kind, action: pending.action, proposedBy: pending.proposedBy, proposedByName: pending.proposedByName, proposedAt: pending.proposedAt }
      : null,
    closure: state.closure ?? null,
    policyVersion: state.policy.version,
    deadline: deadline
      ? {
          ...deadline,
          suspension: deadline.suspension ? { since: deadline.suspension.since, remaining: deadline.suspension.remaining } : undefined,
          extensions: deadline.extensions.map(({ amount, approvedBy, at }) => ({ amount, approvedBy, at })),
        }
      : null,
    reviews: (state.reviews ?? []).map((r) => ({
      reviewId: r.reviewId, seq: r.seq, workflowId: r.workflowId, applicantKind: r.applicantKind, appliedAt: r.appliedAt, status: r.status,
      ...(r.outcome ? { outcome: r.outcome } : {}),
      ...(r.mitigation ? { mitigation: r.mitigation } : {}),
      ...(r.concludedAt ? { concludedAt: r.concludedAt } : {}),
    })),
    availableActions: [],
  };
}

/** Payload field types that record a choice from a closed set, a time, an id or a number: never what anyone wrote. */
const CHOSEN: ReadonlySet<FieldSpec['type']> = new Set<FieldSpec['type']>(['enum', 'enumList', 'datetime', 'uuid', 'sha256', 'integer', 'boolean']);

/** The fields of the events without an action spec (registration, and what the system records) an auditor reads. */
const RECORDED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  registerClue: ['orgUnitId', 'receivedAt'],
  // A review's own stream records the application under the case action's name, with fields of its own.
  applyFaultTolerance: ['reviewId', 'applicantKind'],
  deadlineRung: ['clock', 'rung', 'kind', 'scheduledAt', 'dueAt', 'stage'],
  deadlineRecounted: ['stage', 'previousDueAt', 'dueAt', 'calendarVersion'],
  toleranceReviewConcluded: ['reviewId', 'declined', 'outcome', 'mitigation', 'at'],
  appealWindowClosed: ['windowEndsAt', 'appealOutcome'],
  caseClosedAfterAppeal: ['windowEndsAt', 'appealOutcome'],
};

/** Whether an auditor reads `field` of an event's payload: its action spec says it is chosen, not written. */
function auditorReadsField(action: string, field: string): boolean {
  const spec = isActionName(action)
    ? (ACTION_SPECS[action].fields[field] ?? ACTION_SPECS[action].conditionalFields?.[field])
    : isReviewActionName(action)
      ? REVIEW_ACTION_SPECS[action].fields[field]
      : undefined;
  if (spec) return CHOSEN.has(spec.type);
  return (RECORDED_FIELDS[action] ?? []).includes(field);
}

/**
 * A timeline entry as an auditor sees it: who (by account; the official concerned unnamed), what, when, in which
 * stage, its hash, and the chosen values of its payload; written text (the reason, free-text fields) is withheld and
 * named in `withheld`, so the auditor sees that a reason was given. The system writes no free text: its reasons stay.
 */
export function auditTimelineEntry(entry: TimelineEntry): TimelineEntry {
  const withheld: string[] = [];
  const payload: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(entry.payload)) {
    if (auditorReadsField(entry.action, field)) payload[field] = value;
    else withheld.push(field);
  }
  const reasonWritten = entry.reason !== null && entry.actor.role !== 'SYSTEM';
  const subjectActed = entry.actor.role === 'SUBJECT';
  return {
    ...entry,
    actor: subjectActed ? { ...entry.actor, name: '' } : entry.actor,
    reason: reasonWritten ? null : entry.reason,
    payload,
    withheld: [...(reasonWritten ? ['reason'] : []), ...(subjectActed ? ['actor.name'] : []), ...withheld.map((f) => `payload.${f}`)],
  };
}

/** A fault-tolerance review as an auditor sees it (`AuditReviewView`). */
export function auditReviewView(review: ReviewState): AuditReviewView {
  const outcomeOf = <T extends { outcome: AuditReviewView['votes'][number]['outcome']; mitigation?: AuditReviewView['votes'][number]['mitigation'] }>(o: T) =>
    ({ outcome: o.outcome, ...(o.mitigation ? { mitigation: o.mitigation } : {}) });
  return {
    reviewId: review.reviewId,
    seq: review.seq,
    status: review.status,
    applicant: { kind: review.applicant.kind },
    appliedAt: review.appliedAt,
    acceptance: review.acceptance ? { by: review.acceptance.by, at: review.acceptance.at } : null,
    decline: review.decline ? { by: review.decline.by, at: review.decline.at } : null,
    assessorId: review.assessorId ?? null,
    assessedAt: review.assessedAt ?? null,
    recommendation: review.recommendation ? outcomeOf(review.recommendation) : null,
    votes: review.votes.map((v) => ({ voterId: v.voterId, ...outcomeOf(v) })),
    determination: review.determination ?? null,
    notification: review.notification ? { method: review.notification.method, by: review.notification.by, at: review.notification.at } : null,
    filing: review.filing ? { by: review.filing.by, at: review.filing.at } : null,
  };
}
