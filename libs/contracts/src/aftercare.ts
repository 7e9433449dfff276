import type { AccountabilityFormChoice } from './enums';
import type { LabelledEnum } from './enums';
import type { CaseDeadline } from './deadlines';
import type { CorrectionSeverity, FaultToleranceOutcome, MitigationKind } from './fault-tolerance';

/** Who applies for fault tolerance (docs/domain.md stage 5 `apply`). */
export const APPLICANT_KINDS = {
  SUBJECT: { zh: '本人申请', en: 'The official concerned' },
  UNIT: { zh: '所在单位申请', en: "The official's unit" },
  BODY: { zh: '问责机关主动启动', en: 'Started by the accountability body' },
} as const satisfies LabelledEnum<string>;
export type ApplicantKind = keyof typeof APPLICANT_KINDS;

/** A fault-tolerance review as the case workflow knows it; the review's own state lives in its child workflow. */
export interface CaseReviewRef {
  reviewId: string;
  seq: number;
  workflowId: string;
  applicantKind: ApplicantKind;
  applicantId: string;
  appliedAt: string;
  status: 'OPEN' | 'DECLINED' | 'DETERMINED';
  outcome?: FaultToleranceOutcome;
  mitigation?: MitigationKind;
  concludedAt?: string;
}

/** What the determined review means for the case. */
export interface ToleranceEffect {
  reviewId: string;
  outcome: FaultToleranceOutcome;
  mitigation?: MitigationKind;
  determinedAt: string;
}

/** Sent by a review to its case when it is determined or declined. */
export interface ToleranceReviewConcluded {
  reviewId: string;
  declined: boolean;
  outcome?: FaultToleranceOutcome;
  mitigation?: MitigationKind;
  at: string;
}

/** One item of a correction plan (纠错整改); while open it runs a clock like a stage's. */
export interface CorrectionItem {
  id: string;
  ownerId: string;
  action: string;
  severity: CorrectionSeverity;
  dueAt: string;
  status: 'OPEN' | 'COMPLETED' | 'VERIFIED';
  progress: { note: string; by: string; at: string }[];
  completion?: { evidence: string; by: string; at: string };
  verification?: { by: string; at: string };
  /** The item's clock (reminders, cards, escalation) while it is open. */
  deadline?: CaseDeadline;
}

export interface CorrectionPlan {
  openedBy: string;
  openedAt: string;
  items: CorrectionItem[];
}

export const APPEAL_OUTCOMES = {
  UPHELD: { zh: '维持', en: 'Upheld' },
  VARIED: { zh: '变更', en: 'Varied' },
  REVOKED: { zh: '撤销', en: 'Revoked' },
} as const satisfies LabelledEnum<string>;
export type AppealOutcome = keyof typeof APPEAL_OUTCOMES;

/** 申诉: the window opens when the decision is served; execution is never suspended by it. */
export interface AppealRecord {
  windowEndsAt: string;
  /**
   * `receivedAt`/`recordedBy`: a written appeal staff recorded (recordPaperAppeal); `filedAt` is then the day it was
   * received, which the window and the decision's limit count from.
   */
  filed?: { grounds: string; filedAt: string; recordedBy?: string };
  /** The clock of the appeal's decision by the deciding body, from filing; absent on appeals filed before it existed. */
  deadline?: CaseDeadline;
  decision?: { outcome: AppealOutcome; forms?: AccountabilityFormChoice[]; reason: string; by: string; at: string };
}

/**
 * The appeal of a person concerned other than the registered subject (a leading group's members, an organisation:
 * 问责条例 art. 22), in the window the service opened (`AppealRecord.windowEndsAt`); the subject's is `appeal` itself.
 */
export interface PersonAppeal {
  personId: string;
  filed: NonNullable<AppealRecord['filed']>;
  deadline?: CaseDeadline;
  decision?: AppealRecord['decision'];
}

/** Why accountability is corrected (问责条例 2019 art. 21). */
export const CORRECTION_GROUNDS = {
  WRONG_FACTS: { zh: '事实不清', en: 'Facts wrong or unclear' },
  WEAK_EVIDENCE: { zh: '证据不足', en: 'Insufficient evidence' },
  UNCLEAR_RESPONSIBILITY: { zh: '责任不清', en: 'Responsibility unclear' },
  NON_COMPLIANT_PROCEDURE: { zh: '程序不合规', en: 'Procedure not compliant' },
  IMPROPER_HANDLING: { zh: '处理不当', en: 'Improper handling' },
  IMPRECISE_ACCOUNTABILITY: { zh: '不应当问责或者问责不精准', en: 'Should not have been held accountable, or imprecisely' },
} as const satisfies LabelledEnum<string>;
export type CorrectionGround = keyof typeof CORRECTION_GROUNDS;

/** How a decision is corrected (纠正): varied to lighter forms, or revoked. */
export const DECISION_CORRECTIONS = {
  VARIED: { zh: '变更', en: 'Varied' },
  REVOKED: { zh: '撤销', en: 'Revoked' },
} as const satisfies LabelledEnum<string>;
export type DecisionCorrection = keyof typeof DECISION_CORRECTIONS;

/**
 * 问责条例 art. 21: the upper level orders the deciding body to correct improper accountability; the correction then
 * records how the decision was corrected.
 */
export interface CorrectionOrder {
  grounds: CorrectionGround[];
  reason: string;
  by: string;
  at: string;
  correction?: { outcome: DecisionCorrection; forms?: AccountabilityFormChoice[]; reason: string; by: string; at: string };
}

export const CLARIFICATION_METHODS = {
  WRITTEN: { zh: '书面澄清', en: 'Written' },
  IN_PERSON: { zh: '当面澄清', en: 'In person' },
  MEETING: { zh: '会议澄清', en: 'At a meeting' },
  CIRCULAR: { zh: '通报澄清', en: 'By circular' },
} as const satisfies LabelledEnum<string>;
export type ClarificationMethod = keyof typeof CLARIFICATION_METHODS;

/** 澄清正名: due once an allegation is found untrue; recorded with its methods. */
export interface NameClearing {
  status: 'DUE' | 'RECORDED';
  /** The clock of the clearing while it is due, when the case's policy times it (`stepLimits.NAME_CLEARING`). */
  deadline?: CaseDeadline;
  record?: { harmed: boolean; methods: ClarificationMethod[]; completedAt: string; note: string; by: string };
}

export const FOLLOW_UP_KINDS = {
  AFTER_MONTHS: { zh: '定期回访', en: 'Scheduled visit' },
  IMPACT_PERIOD_END: { zh: '影响期满回访', en: "Visit at the impact period's end" },
  // After a fault-tolerance exemption: the cadre is looked after so that they dare to act again (关爱回访).
  CARE_VISIT: { zh: '关爱回访', en: 'Care visit (after an exemption)' },
} as const satisfies LabelledEnum<string>;
export type FollowUpKind = keyof typeof FOLLOW_UP_KINDS;

/** 免责通报: the exemption made known (in the scope the body chooses), on its clock until recorded. */
export interface ExemptionNotice {
  deadline?: CaseDeadline;
  record?: { notifiedAt: string; scope: string; note: string; by: string };
}

/** 回访: one scheduled visit and, once made, its findings. */
export interface FollowUpVisit {
  id: string;
  kind: FollowUpKind;
  months?: number;
  dueAt: string;
  /** From its date, the time to make it (stepLimits.FOLLOW_UP_VISIT) on the step-clock ladder; absent in older policies. */
  deadline?: CaseDeadline;
  record?: { findings: string; by: string; at: string };
}
