import type { ActionName, ActionPayloads } from './actions';
import type {
  AccountabilityFormChoice,
  ClosureKind,
  ClueDisposition,
  EvidenceKind,
  InquiryMode,
  InquiryOutcome,
  IntakeMethod,
  LeniencyGround,
  LeniencyLevel,
  LightMeasure,
  NoAccountabilityOutcome,
  ResponsibilityLevel,
  ServiceMethod,
  ShelvedReviewDecision,
  SupervisionChannel,
  VerificationFinding,
} from './enums';
import type { Actor } from './roles';
import type { CaseDeadline, DeadlineRules, PolicyDuration, StepClock } from './deadlines';
import type { Stage } from './stages';
import type { AppealRecord, CaseReviewRef, PersonAppeal, CorrectionOrder, CorrectionPlan, ExemptionNotice, FollowUpVisit, NameClearing, ToleranceEffect } from './aftercare';
import type { FaultTolerancePolicy } from './fault-tolerance';
import type { CaseEvent } from './case-event';
import type { ReporterIdentityPolicy, ReporterNotice, ReporterRevealRequest } from './reporter-identity';
import type { CaseDocument } from './documents';
import type { EffectsPolicy } from './effects';
import type {
  CaseProcedure,
  CollectiveDecisionRecord,
  DecisionAnnouncement,
  DecisionPolicy,
  MeasureExecution,
  PersonConcerned,
  PersonDecision,
  PersonFinding,
  TrialReview,
} from './procedure';

/** The policy a case pinned when it started. */
export interface PinnedPolicy {
  version: string;
  stageLimits: Partial<Record<Stage, PolicyDuration>>;
  /** Absent in policies pinned before stage clocks existed. */
  deadlineRules?: DeadlineRules;
  /**
   * Limits of steps within a stage (the appeal's decision, from its filing); a step absent here keeps no clock, as in
   * policies pinned before step clocks existed.
   */
  stepLimits?: Partial<Record<StepClock, PolicyDuration>>;
  /** The most a stage's clock may be extended in total, in the stage limit's unit. */
  maxExtensions?: Partial<Record<Stage, number>>;
  /** Fault tolerance, appeal and follow-up policy; absent in older policies (the default then applies). */
  faultTolerance?: FaultTolerancePolicy;
  /** Who may let an officer see a reporter's identity, and for how long; absent, nobody may (the default). */
  reporterIdentity?: ReporterIdentityPolicy;
  /** Years a real-name reporter's identity is kept after the case is closed, then erased; absent, the default (10). */
  reporterIdentityRetentionYears?: number;
  /**
   * Who decides which form, and how a collective body decides. A case that pinned it runs one of the two procedures
   * after verification (accountability, or a discipline case through 审理), each ending in a collective decision;
   * absent in policies pinned before, whose cases keep the single approval of the report.
   */
  decisionPolicy?: DecisionPolicy;
  /** Which effects each form carries, for how long (影响期, keyed `FORM/SUBTYPE` or `FORM`); absent, DEFAULT_EFFECTS_POLICY. */
  effectsPolicy?: EffectsPolicy;
  /**
   * Months after a fault-tolerance exemption at which the exempted cadre is visited (关爱回访); absent in policies
   * pinned before, whose exemptions schedule none.
   */
  careVisitMonths?: number[];
  /** The largest evidence file a case officer may upload, in bytes; absent, the default (EVIDENCE_DEFAULT_MAX_BYTES). */
  evidenceMaxBytes?: number;
}

export interface CaseSubject {
  name: string;
  position: string;
  orgUnitId: string;
  /** The official's own user account, when they have one (used for recusal). */
  userId?: string;
}

/** What was registered; the reporter's identity is kept apart, in PostgreSQL only. */
export interface CaseRegistration {
  title: string;
  summary: string;
  channel: SupervisionChannel;
  intakeMethod: IntakeMethod;
  subject: CaseSubject;
  anonymousReport: boolean;
  receivedAt: string;
  orgUnitId: string;
}

export type ProposalKind =
  | 'DISPOSITION'
  | 'VERIFICATION_REPORT'
  | 'INVESTIGATION_REPORT'
  | 'NO_ACCOUNTABILITY'
  | 'SHELVED_REVIEW'
  | 'INQUIRY_CONCLUSION'
  | 'EXTENSION'
  | 'SUSPENSION';

export type ProposalContent =
  | { kind: 'DISPOSITION'; disposition: ClueDisposition; reason: string }
  | { kind: 'VERIFICATION_REPORT'; finding: VerificationFinding; summary: string }
  | {
      kind: 'INVESTIGATION_REPORT';
      facts: string;
      responsibilityLevel: ResponsibilityLevel;
      forms: AccountabilityFormChoice[];
      leniency: LeniencyLevel;
      grounds?: LeniencyGround[];
      /** Each person's responsibility, forms and leniency (cases with a procedure); the fields above are the first's. */
      findings?: PersonFinding[];
    }
  | { kind: 'NO_ACCOUNTABILITY'; outcome: NoAccountabilityOutcome; grounds?: LeniencyGround[]; allegationUntrue: boolean; reason: string }
  | { kind: 'SHELVED_REVIEW'; decision: ShelvedReviewDecision; reason: string }
  | { kind: 'INQUIRY_CONCLUSION'; round: number; outcome: InquiryOutcome; measure?: LightMeasure; reason: string }
  | { kind: 'EXTENSION'; amount: number; reason: string }
  | { kind: 'SUSPENSION'; reason: string };

/** A proposal waiting for a supervisor. */
export type PendingApproval = ProposalContent & {
  proposedBy: string;
  proposedByName: string;
  proposedAt: string;
  action: ActionName;
};

export interface EvidenceItem {
  seq: number;
  kind: EvidenceKind;
  description: string;
  /** The file's SHA-256 as the server computed it (typed by hand on items added before evidence files). */
  sha256?: string;
  addedBy: string;
  addedAt: string;
  /** The stored file (attachEvidence); absent for evidence registered by description alone. */
  file?: EvidenceFileRef;
  /** The item this one corrects (its seq): evidence is never deleted, a correction supersedes it. */
  supersedes?: number;
  /** The item that corrects this one. */
  supersededBy?: number;
}

/** A stored evidence file as the case records it (the bytes are in the file store, sealed). */
export interface EvidenceFileRef {
  fileId: string;
  name: string;
  mediaType: string;
  size: number;
}

export interface AccountabilityDecision {
  forms: AccountabilityFormChoice[];
  responsibilityLevel: ResponsibilityLevel;
  leniency: LeniencyLevel;
  /** The grounds of the leniency (问责条例 arts. 17–19); absent on decisions made before grounds were recorded. */
  grounds?: LeniencyGround[];
  facts: string;
  proposedBy: string;
  approvedBy: string;
  approvedAt: string;
}

/** One round of 谈话函询: a talk, or a letter with its receipt and reply, then an approved conclusion. */
export interface InquiryRound {
  seq: number;
  mode?: InquiryMode;
  talk?: { heldAt: string; note: string; by: string };
  letter?: { sentAt: string; receivedAt?: string; reply?: { receivedAt: string; summary: string } };
  conclusion?: { outcome: InquiryOutcome; measure?: LightMeasure; reason: string; proposedBy: string; approvedBy: string; at: string };
}

/** How an investigation ended without a decision (撤销案件 / 不予问责). */
export interface NoAccountabilityConclusion {
  outcome: NoAccountabilityOutcome;
  grounds?: LeniencyGround[];
  allegationUntrue: boolean;
  reason: string;
  proposedBy: string;
  approvedBy: string;
  approvedAt: string;
}

/** One approved periodic review of a shelved clue (暂存待查定期清理). */
export interface ShelvedReview {
  decision: ShelvedReviewDecision;
  reason: string;
  proposedBy: string;
  approvedBy: string;
  at: string;
}

/** The approved investigation report of a case with a procedure: what 审理 and the collective decision start from. */
export interface InvestigationReport {
  facts: string;
  findings: PersonFinding[];
  proposedBy: string;
  approvedBy: string;
  approvedAt: string;
}

/** The case as the workflow holds it. Serializable; no reporter identity. */
export interface CaseState {
  caseId: string;
  number: string;
  registration: CaseRegistration;
  registeredBy: string;
  registeredAt: string;
  stage: Stage;
  version: number;
  assigneeId?: string;
  /** Everyone who was assignee while the case was verified or investigated. */
  investigatorIds: string[];
  /** Users who may never act on the case: the subject, a reporting user, declared conflicts. */
  recusedUserIds: string[];
  pendingApproval?: PendingApproval;
  disposition?: { disposition: ClueDisposition; reason: string; approvedBy: string };
  /** The last inquiry conclusion (the whole of an inquiry recorded before rounds existed). */
  inquiry?: { outcome: InquiryOutcome; measure?: LightMeasure; reason: string };
  /** The rounds of 谈话函询, the last one open until its conclusion is approved; absent before rounds existed. */
  inquiryRounds?: InquiryRound[];
  verification?: { finding: VerificationFinding; summary: string; approvedBy: string };
  evidence: EvidenceItem[];
  /** The upper level's order to start accountability on the clue (问责条例 art. 9), standing until it is filed so. */
  startOrder?: { reason: string; by: string; at: string; designatedFrom?: string };
  /** The inquiry team (调查组, at least two): the assigned officer first, named when the filing was approved. */
  investigationTeam?: string[];
  /** Accountability (问责) or a discipline case (纪律审查), chosen when the verification is approved; absent before. */
  procedure?: CaseProcedure;
  /** The persons and organisations concerned, the registered subject first; absent in cases without a procedure. */
  persons?: PersonConcerned[];
  /** The approved investigation report (cases with a procedure). */
  report?: InvestigationReport;
  /** 审理, when the procedure or a form calls for it. */
  trial?: TrialReview;
  /** The meetings of collective bodies on the case, carried or not. */
  collectiveDecisions?: CollectiveDecisionRecord[];
  /** Each person's decision, once every body concerned has decided. */
  personDecisions?: PersonDecision[];
  /** 宣布: a discipline decision announced to the person and their party organisation. */
  announcement?: DecisionAnnouncement;
  /** The formalities of organisational measures and heavy sanctions, one per person who has them. */
  measureExecutions?: MeasureExecution[];
  /** The first person's decision (the whole decision of a case without a procedure). */
  decision?: AccountabilityDecision;
  /** 撤销案件 / 不予问责: the investigation's end when it holds nobody accountable. */
  noAccountability?: NoAccountabilityConclusion;
  /** The approved reviews of the clue while it was shelved; absent before the first. */
  shelvedReviews?: ShelvedReview[];
  service?: { servedAt: string; method: ServiceMethod; recordedBy: string };
  transfer?: { toBody: string; reason: string };
  closure?: { kind: ClosureKind; at: string };
  /** Last returned proposal, so the proposer sees why. */
  lastReturn?: { kind: ProposalKind; reason: string; by: string; at: string };
  policy: PinnedPolicy;
  stageEnteredAt: string;
  /** The clock of the current stage, when the policy gives it a time limit. */
  deadline?: CaseDeadline;
  /** Fault-tolerance reviews (容错), each a child workflow; absent before the first application. */
  reviews?: CaseReviewRef[];
  /** The determination that applies to the case, once a review is determined. */
  tolerance?: ToleranceEffect;
  /** A tolerated error (exempted or mitigated) carries no negative evaluation (不作负面评价). */
  noNegativeEvaluation?: boolean;
  correction?: CorrectionPlan;
  /** The appeal window opened by the service, and the registered subject's appeal. */
  appeal?: AppealRecord;
  /** The appeals of the other persons concerned, each in the same window. */
  personAppeals?: PersonAppeal[];
  /** Orders of the upper level to correct the decision (问责条例 art. 21), each with its correction once made. */
  correctionOrders?: CorrectionOrder[];
  nameClearing?: NameClearing;
  /** 免责通报 owed after a fault-tolerance exemption (when the pinned policy times it), and its record. */
  exemptionNotice?: ExemptionNotice;
  followUp?: FollowUpVisit[];
  /** When the impact period (影响期) of the decision's forms ends: promotion is blocked until then. */
  impactPeriodEndsAt?: string;
  /** What a real-name reporter is owed and was told (acceptance, result), each on its clock; absent before the first. */
  reporterNotices?: ReporterNotice[];
  /** Requests to see the reporter's identity (never the identity itself); absent before the first. */
  reporterReveals?: ReporterRevealRequest[];
  /** Documents (文书) generated from the case, with their hashes and service; absent before the first. */
  documents?: CaseDocument[];
}

/** A request to act on a case, as the API sends it to the workflow. */
export interface ActionRequest<A extends ActionName = ActionName> {
  actor: Actor;
  payload: ActionPayloads[A];
  /** Refuse if the case moved on since the caller read it. */
  expectedVersion?: number;
}

export interface ActionResult {
  state: CaseState;
  event: CaseEvent;
}
