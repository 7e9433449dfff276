// The API's answers as the browser receives them. Domain types come from libs/contracts; these shapes
// mirror apps/api/src/cases/case-view.ts and case-queries.service.ts (the web may not import the API).
import type {
  AccountabilityDecision,
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
}

export interface CaseList {
  items: CaseSummary[];
  total: number;
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
  recused: boolean;
  availableActions: AvailableAction[];
  /** Only for intake officers. */
  reporter?: { anonymous: boolean; name: string | null; contact: string | null };
}

export interface TimelineEntry {
  version: number;
  action: ActionName | 'registerClue';
  actionLabel?: Label;
  actor: { id: string; name: string; role: Role };
  occurredAt: string;
  reason?: string | null;
  fromStage?: Stage | null;
  toStage: Stage;
  payload: Record<string, unknown>;
  hash: string;
}

/** What the Notifications page lists; GET /api/notifications does not exist yet. */
export interface NotificationItem {
  id: string;
  title?: string | Label;
  message?: string | Label;
  caseId?: string;
  createdAt?: string;
  read?: boolean;
}
