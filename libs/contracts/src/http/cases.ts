import type { ActionName } from '../actions';
import type { AppealRecord, CaseReviewRef, PersonAppeal, CorrectionPlan, ExemptionNotice, FollowUpVisit, NameClearing, ToleranceEffect } from '../aftercare';
import type { AccountabilityDecision, CaseSubject, EvidenceItem, InquiryRound, NoAccountabilityConclusion, PendingApproval, ProposalKind, ShelvedReview } from '../case-state';
import type { LeniencyGround, NoAccountabilityOutcome } from '../enums';
import type { CorrectionOrder } from '../aftercare';
import type { ReporterNotice } from '../reporter-identity';
import type { CardColour, CaseDeadline, PolicyDuration } from '../deadlines';
import type { ClosureKind, ClueDisposition, InquiryOutcome, IntakeMethod, LightMeasure, ServiceMethod, SupervisionChannel, VerificationFinding } from '../enums';
import type { Label } from '../labels';
import type { CaseListTotal } from '../read-model';
import type { ReporterView } from './reporter-identity';
import type { Role } from '../roles';
import type { Stage } from '../stages';
import type { InvestigationReport } from '../case-state';
import type {
  CaseProcedure,
  CollectiveDecisionRecord,
  DecisionAnnouncement,
  MeasureExecution,
  PersonConcerned,
  PersonDecision,
  TrialReview,
} from '../procedure';

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

/**
 * A row of `GET /api/cases` for an auditor (审计员, 三员分立): where a case stands and who holds it, never what it is
 * about (no title, official concerned, channel or intake method).
 */
export type AuditCaseSummary = Omit<CaseSummary, 'title' | 'subjectName' | 'subjectPosition' | 'channel' | 'intakeMethod'>;

/**
 * A row of the official concerned's list (or inbox): as their view of the case, none of how the clue came in, when it
 * was received, or who handles it; the case under their own name.
 */
export type SubjectCaseSummary = Omit<CaseSummary, 'channel' | 'intakeMethod' | 'receivedAt' | 'assigneeId'> & {
  [K in 'channel' | 'intakeMethod' | 'receivedAt' | 'assigneeId']?: undefined;
};

/** A row of `GET /api/cases`: the staff's summary, the official concerned's, or an auditor's, which has none of the content fields. */
export type CaseListItem = CaseSummary | SubjectCaseSummary | (AuditCaseSummary & { [K in Exclude<keyof CaseSummary, keyof AuditCaseSummary>]?: undefined });

/** `GET /api/cases`: `total` stops at CASE_LIST_COUNT_LIMIT (CASE_SEARCH_COUNT_LIMIT for a text search), with `totalCapped`. */
export interface CaseList extends CaseListTotal {
  items: CaseListItem[];
  page: number;
  pageSize: number;
}

/** `GET /api/tasks`: a case that waits on the caller, and the actions it waits for. */
export interface Task {
  case: CaseSummary | SubjectCaseSummary;
  awaitedActions: AvailableAction[];
}

/** `GET /api/cases/:id` for staff: never the internal recusal list, nor the reporter's identity (see RevealedReporter). */
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
  /** 撤销案件 / 不予问责: how the investigation ended without a decision. */
  noAccountability: NoAccountabilityConclusion | null;
  /** The approved periodic reviews of the clue while shelved (暂存待查定期清理). */
  shelvedReviews: ShelvedReview[];
  /** The rounds of 谈话函询, the last open until its conclusion is approved. */
  inquiryRounds: InquiryRound[];
  /** What a real-name reporter is owed and was told (never who they are), with any objection to the result. */
  reporterNotices: ReporterNotice[];
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
  /** The appeals of the persons concerned other than the registered subject. */
  personAppeals: PersonAppeal[];
  /** Orders of the upper level to correct the decision (问责条例 art. 21), with the corrections made. */
  correctionOrders: CorrectionOrder[];
  nameClearing: NameClearing | null;
  /** 免责通报 owed or made after an exemption. */
  exemptionNotice: ExemptionNotice | null;
  followUp: FollowUpVisit[];
  impactPeriodEndsAt: string | null;
  /** Accountability (问责) or a discipline case (纪律审查), once filed; null before, and for cases filed before the two. */
  procedure: CaseProcedure | null;
  /** What the person concerned is called now: 被反映人 for a clue, 被审查调查人 or 被问责人 once filed. */
  personTerm: Label;
  /** The upper level's order to start accountability (问责条例 art. 9), while the clue is not yet filed so. */
  startOrder: { reason: string; by: string; at: string; designatedFrom?: string } | null;
  /** The inquiry team (调查组) named when the filing was approved, the assigned officer first. */
  investigationTeam: string[];
  /** The persons and organisations concerned once filed (the registered subject first). */
  persons: PersonConcerned[];
  report: InvestigationReport | null;
  trial: TrialReview | null;
  /** The meetings of collective bodies on the case, with their votes and dissent. */
  collectiveDecisions: CollectiveDecisionRecord[];
  personDecisions: PersonDecision[];
  announcement: DecisionAnnouncement | null;
  measureExecutions: MeasureExecution[];
  availableActions: AvailableAction[];
  reporter: ReporterView;
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
  procedure: CaseProcedure | null;
  personTerm: Label;
  decision: Pick<AccountabilityDecision, 'forms' | 'responsibilityLevel' | 'leniency' | 'facts' | 'approvedAt'> | null;
  /** The investigation's end without a decision (撤销案件 / 不予问责), without its reasoning. */
  noAccountability: { outcome: NoAccountabilityOutcome; grounds: LeniencyGround[]; allegationUntrue: boolean; approvedAt: string } | null;
  service: { servedAt: string; method: ServiceMethod } | null;
  closure: { kind: ClosureKind; at: string } | null;
  reviews: CaseReviewRef[];
  tolerance: ToleranceEffect | null;
  noNegativeEvaluation: boolean;
  appeal: AppealRecord | null;
  impactPeriodEndsAt: string | null;
  availableActions: AvailableAction[];
}

/** A stage clock as an auditor sees it: its course, without the reasons written for a suspension or an extension. */
export type AuditDeadline = Omit<CaseDeadline, 'suspension' | 'extensions'> & {
  suspension?: { since: string; remaining: PolicyDuration };
  extensions: { amount: number; approvedBy: string; at: string }[];
};

/**
 * `GET /api/cases/:id` for an auditor (审计员, 三员分立): the course of the case (stage, times, clock, who registered,
 * holds or proposed it, how it ended, its reviews' status) to check the procedure against, never its content: no
 * title, summary, official concerned, reporter, channel, evidence, reasons or decision. Auditors take no action.
 */
export interface AuditCaseView {
  view: 'audit';
  id: string;
  number: string;
  version: number;
  stage: Stage;
  stageLabel: Label;
  stageEnteredAt: string;
  orgUnitId: string;
  receivedAt: string;
  registeredAt: string;
  registeredBy: string;
  assigneeId: string | null;
  pendingApproval: Pick<PendingApproval, 'kind' | 'action' | 'proposedBy' | 'proposedByName' | 'proposedAt'> | null;
  closure: { kind: ClosureKind; at: string } | null;
  policyVersion: string;
  deadline: AuditDeadline | null;
  reviews: Omit<CaseReviewRef, 'applicantId'>[];
  availableActions: AvailableAction[];
}

/**
 * What `GET /api/cases/:id` answers: the staff view, the official concerned's or an auditor's, which have none of
 * the staff-only fields (so a reader of any sees those as possibly absent).
 */
export type CaseDetail =
  | CaseView
  | (SubjectCaseView & { [K in Exclude<keyof CaseView, keyof SubjectCaseView>]?: undefined })
  | (AuditCaseView & { [K in Exclude<keyof CaseView, keyof AuditCaseView>]?: undefined });

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
  /**
   * What this view leaves out of the recorded event ('reason', 'actor.name', payload field names): an auditor reads
   * who did what and when, and that something was written, never what.
   */
  withheld?: string[];
}
