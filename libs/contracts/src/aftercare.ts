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
  filed?: { grounds: string; filedAt: string };
  decision?: { outcome: AppealOutcome; forms?: AccountabilityFormChoice[]; reason: string; by: string; at: string };
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
  record?: { harmed: boolean; methods: ClarificationMethod[]; completedAt: string; note: string; by: string };
}

export const FOLLOW_UP_KINDS = {
  AFTER_MONTHS: { zh: '定期回访', en: 'Scheduled visit' },
  IMPACT_PERIOD_END: { zh: '影响期满回访', en: "Visit at the impact period's end" },
} as const satisfies LabelledEnum<string>;
export type FollowUpKind = keyof typeof FOLLOW_UP_KINDS;

/** 回访: one scheduled visit and, once made, its findings. */
export interface FollowUpVisit {
  id: string;
  kind: FollowUpKind;
  months?: number;
  dueAt: string;
  record?: { findings: string; by: string; at: string };
}
