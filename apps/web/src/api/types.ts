// The API's answers as the browser receives them. Domain types come from libs/contracts; these shapes
// mirror apps/api/src/cases/case-view.ts and case-queries.service.ts (the web may not import the API).
import type {
  AccountabilityDecision,
  AppealRecord,
  CardColour,
  CaseDeadline,
  CaseListTotal,
  CaseReviewRef,
  DashboardFigures as SubtreeFigures,
  CorrectionPlan,
  FollowUpVisit,
  NameClearing,
  ToleranceEffect,
  ActionName,
  CaseSubject,
  ClosureKind,
  ClueDisposition,
  EvidenceItem,
  InquiryOutcome,
  IntakeMethod,
  Label,
  LightMeasure,
  PendingApproval,
  ProposalKind,
  Role,
  ServiceMethod,
  Stage,
  SupervisionChannel,
  VerificationFinding,
} from '@dandang/contracts';

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  orgUnitId: string;
}

export interface LoginResponse {
  accessToken: string;
  user: SessionUser;
}

export interface CaseSummary {
  id: string;
  number: string;
  title: string;
  channel: SupervisionChannel;
  intakeMethod: IntakeMethod;
  stage: Stage;
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
  dueAt?: string | null;
  card?: CardColour;
  supervised?: boolean;
}

/** `total` stops at caseCountLimit (10,000; 1,000 for a text search), with `totalCapped` when more cases match. */
export interface CaseList extends CaseListTotal {
  items: CaseSummary[];
  page: number;
  pageSize: number;
}

export interface AvailableAction {
  name: ActionName;
  label: Label;
}

export interface Task {
  case: CaseSummary;
  awaitedActions: AvailableAction[];
}

export interface CaseDetail {
  id: string;
  number: string;
  version: number;
  stage: Stage;
  stageEnteredAt: string;
  title: string;
  summary: string;
  channel: SupervisionChannel;
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
  recused: boolean;
  availableActions: AvailableAction[];
  /** Only for intake officers. */
  reporter?: { anonymous: boolean; name: string | null; contact: string | null };
}

export interface TimelineEntry {
  /** 'case', or a fault-tolerance review's own stream ('review-1'). */
  stream?: string;
  version: number;
  /** An officer's action, a review step, or an event the system records itself (deadlineRung, ...). */
  action: ActionName | string;
  actionLabel?: Label;
  actor: { id: string; name: string; role: Role | 'SYSTEM' };
  occurredAt: string;
  reason?: string | null;
  fromStage?: Stage | string | null;
  toStage: Stage | string;
  payload: Record<string, unknown>;
  hash: string;
}

/** GET /api/notifications: the caller's reminders and escalations, newest first. */
export interface NotificationItem {
  id: string;
  userId: string;
  caseId: string | null;
  kind: string;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

/** GET /api/dashboard, for the caller's org unit subtree. */
export interface DashboardFigures extends SubtreeFigures {
  generatedAt: string;
}

/** GET /api/users: an active user of the caller's subtree. */
export interface DirectoryUser {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  orgUnitId: string;
}

/** GET /api/org-units: an org unit of the caller's subtree. */
export interface DirectoryOrgUnit {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
  path: string;
}
