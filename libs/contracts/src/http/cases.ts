import type { ActionName } from '../actions';
import type { AppealRecord, CaseReviewRef, CorrectionPlan, FollowUpVisit, NameClearing, ToleranceEffect } from '../aftercare';
import type { AccountabilityDecision, CaseSubject, EvidenceItem, PendingApproval, ProposalKind } from '../case-state';
import type { CardColour, CaseDeadline } from '../deadlines';
import type { ClosureKind, ClueDisposition, InquiryOutcome, IntakeMethod, LightMeasure, ServiceMethod, SupervisionChannel, VerificationFinding } from '../enums';
import type { Label } from '../labels';
import type { CaseListTotal } from '../read-model';
import type { Role } from '../roles';
import type { Stage } from '../stages';

/** An action the caller may take now, with its label. */
export interface AvailableAction {
  name: ActionName;
  label: Label;
}

/** A row of `GET /api/cases` and the case of a task. */
export interface CaseSummary {
  id: string;
  number: string;
  title: string;
  channel: SupervisionChannel;
  intakeMethod: IntakeMethod;
  stage: Stage;
  stageLabel: Label;
  orgUnitId: string;
  subjectName: string;
  subjectPosition: string;
  assigneeId: string | null;
  hasPendingApproval: boolean;
  receivedAt: string;
  registeredAt: string;
  stageEnteredAt: string;
  updatedAt: string;
  version: number;
  /** The current stage clock's due time, card and 督办 flag (null/NONE/false when the stage has no clock). */
  dueAt: string | null;
  card: CardColour;
  supervised: boolean;
}

/** `GET /api/cases`: `total` stops at CASE_LIST_COUNT_LIMIT (CASE_SEARCH_COUNT_LIMIT for a text search), with `totalCapped`. */
export interface CaseList extends CaseListTotal {
  items: CaseSummary[];
  page: number;
  pageSize: number;
}

/** `GET /api/tasks`: a case that waits on the caller, and the actions it waits for. */
export interface Task {
  case: CaseSummary;
  awaitedActions: AvailableAction[];
}

/** 检举控告人: shown to intake officers only. */
export interface ReporterView {
  anonymous: boolean;
  name: string | null;
  contact: string | null;
}

/** `GET /api/cases/:id` for staff: never the internal recusal list; the reporter only to intake officers. */
export interface CaseView {
  id: string;
  number: string;
  version: number;
  stage: Stage;
  stageLabel: Label;
  stageEnteredAt: string;
  title: string;
  summary: string;
  channel: SupervisionChannel;
  channelLabel: Label;
  intakeMethod: IntakeMethod;
  receivedAt: string;
  orgUnitId: string;
  subject: CaseSubject;
  anonymousReport: boolean;
  registeredAt: string;
  registeredBy: string;
  assigneeId: string | null;
  pendingApproval: PendingApproval | null;
  lastReturn: { kind: ProposalKind; reason: string; by: string; at: string } | null;
  disposition: { disposition: ClueDisposition; reason: string; approvedBy: string } | null;
  inquiry: { outcome: InquiryOutcome; measure?: LightMeasure; reason: string } | null;
  verification: { finding: VerificationFinding; summary: string; approvedBy: string } | null;
  evidence: EvidenceItem[];
  decision: AccountabilityDecision | null;
  service: { servedAt: string; method: ServiceMethod; recordedBy: string } | null;
  transfer: { toBody: string; reason: string } | null;
  closure: { kind: ClosureKind; at: string } | null;
  policyVersion: string;
  deadline: CaseDeadline | null;
  reviews: CaseReviewRef[];
  tolerance: ToleranceEffect | null;
  noNegativeEvaluation: boolean;
  correction: CorrectionPlan | null;
  appeal: AppealRecord | null;
  nameClearing: NameClearing | null;
  followUp: FollowUpVisit[];
  impactPeriodEndsAt: string | null;
  availableActions: AvailableAction[];
  reporter?: ReporterView;
}

/**
 * `GET /api/cases/:id` for the official concerned: the decision about them, their applications and appeal, and
 * what they may do. Never the clue's content, the reporter, proposals, evidence or who investigated.
 */
export interface SubjectCaseView {
  id: string;
  number: string;
  version: number;
  stage: Stage;
  stageLabel: Label;
  title: string;
  subject: CaseSubject;
  decision: Pick<AccountabilityDecision, 'forms' | 'responsibilityLevel' | 'leniency' | 'facts' | 'approvedAt'> | null;
  service: { servedAt: string; method: ServiceMethod } | null;
  closure: { kind: ClosureKind; at: string } | null;
  reviews: CaseReviewRef[];
  tolerance: ToleranceEffect | null;
  noNegativeEvaluation: boolean;
  appeal: AppealRecord | null;
  impactPeriodEndsAt: string | null;
  availableActions: AvailableAction[];
}

/**
 * What `GET /api/cases/:id` answers: the staff view, or the official concerned's, which has none of the staff-only
 * fields (so a reader of either sees those as possibly absent).
 */
export type CaseDetail = CaseView | (SubjectCaseView & { [K in Exclude<keyof CaseView, keyof SubjectCaseView>]?: undefined });

/** An entry of `GET /api/cases/:id/timeline`: every audit stream of the case, merged by time. */
export interface TimelineEntry {
  /** 'case', or a fault-tolerance review's own stream ('review-1'). */
  stream: string;
  version: number;
  /** An officer's action, a review step, or an event the system records itself (deadlineRung, ...). */
  action: string;
  actionLabel?: Label;
  actor: { id: string; name: string; role: Role | 'SYSTEM' };
  occurredAt: string;
  reason: string | null;
  fromStage: string | null;
  toStage: string;
  toStageLabel?: Label;
  payload: Record<string, unknown>;
  hash: string;
}
