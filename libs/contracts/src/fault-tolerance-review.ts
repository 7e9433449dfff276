import { text, oneOf, SHORT_TEXT, type FieldSpec } from './action-fields';
import type { ApplicantKind } from './aftercare';
import type { PinnedCalendar } from './case-workflow';
import type { CaseDeadline, DeadlineRules, PolicyDuration } from './deadlines';
import { SERVICE_METHODS, enumValues, type ServiceMethod } from './enums';
import {
  FAULT_TOLERANCE_OUTCOMES,
  MITIGATION_KINDS,
  type DeterminationVote,
  type ErrorHistory,
  type FaultToleranceAssessment,
  type FaultToleranceAssessmentAnswers,
  type FaultToleranceOutcome,
  type FaultTolerancePolicy,
  type FaultToleranceRecommendation,
  type MitigationKind,
  type ReviewClockStep,
} from './fault-tolerance';
import type { Label } from './labels';
import type { Actor } from './roles';

/** Payload of each step of a fault-tolerance review (受理 → 核实 → 认定 → 反馈 → 报备), by step name. */
export interface ReviewActionPayloads {
  acceptApplication: { note?: string };
  declineApplication: { explanation: string };
  /** The assessor's answers; `history` is computed by the API from the subject's earlier cases, never typed in. */
  submitAssessment: FaultToleranceAssessmentAnswers & { history?: ErrorHistory };
  /** A supervisor approves more time for the verification (§e row 23: +10 WD on approval), once. */
  extendVerification: { reason: string };
  determineTolerance: { outcome: FaultToleranceOutcome; mitigation?: MitigationKind; reason?: string };
  notifyApplicant: { method: ServiceMethod; note: string };
  fileForRecord: { recipient: string; note: string };
}
export type ReviewActionName = keyof ReviewActionPayloads;

const structured = (label: Label): FieldSpec => ({ type: 'object', label, required: true });

export const REVIEW_ACTION_SPECS: Record<ReviewActionName, { label: Label; fields: Record<string, FieldSpec>; irreversible: boolean }> = {
  acceptApplication: {
    label: { zh: '受理容错申请', en: 'Accept the application' },
    fields: { note: text({ zh: '备注', en: 'Note' }, false) },
    irreversible: true,
  },
  declineApplication: {
    label: { zh: '不予受理', en: 'Decline the application' },
    fields: { explanation: text({ zh: '不予受理的说明', en: 'Explanation' }) },
    irreversible: true,
  },
  submitAssessment: {
    label: { zh: '提交核实意见', en: 'Submit the assessment' },
    fields: {
      distinctions: structured({ zh: '三个区分开来', en: 'The three distinctions' }),
      checklist: structured({ zh: '容错条件', en: 'Checklist' }),
      harmCaused: { type: 'boolean', label: { zh: '是否造成损失或不良影响', en: 'Harm caused' }, required: true },
      exclusionIds: structured({ zh: '负面清单情形', en: 'Negative-list entries' }),
      substitution: structured({ zh: '替代检验', en: 'Substitution test' }),
      elementNotes: structured({ zh: '六个要素', en: 'Six elements' }),
    },
    irreversible: false,
  },
  extendVerification: {
    label: { zh: '批准延长核实期限', en: 'Extend the verification' },
    fields: { reason: text({ zh: '延长理由', en: 'Reason' }) },
    irreversible: true,
  },
  determineTolerance: {
    label: { zh: '容错认定表决', en: 'Vote on the determination' },
    fields: {
      outcome: oneOf({ zh: '认定结果', en: 'Outcome' }, Object.keys(FAULT_TOLERANCE_OUTCOMES)),
      mitigation: oneOf({ zh: '减责程度', en: 'Mitigation' }, Object.keys(MITIGATION_KINDS), false),
      reason: text({ zh: '理由', en: 'Reason' }, false),
    },
    irreversible: true,
  },
  notifyApplicant: {
    label: { zh: '反馈认定结果', en: 'Notify the applicant' },
    fields: { method: oneOf({ zh: '反馈方式', en: 'Method' }, enumValues(SERVICE_METHODS)), note: text({ zh: '反馈情况', en: 'Note' }) },
    irreversible: true,
  },
  fileForRecord: {
    label: { zh: '报备', en: 'File for the record' },
    fields: { recipient: text({ zh: '报备机关', en: 'Recipient' }, true, SHORT_TEXT), note: text({ zh: '报备情况', en: 'Note' }) },
    irreversible: true,
  },
};
export const REVIEW_ACTION_NAMES = Object.keys(REVIEW_ACTION_SPECS) as ReviewActionName[];

export function isReviewActionName(name: string): name is ReviewActionName {
  return Object.prototype.hasOwnProperty.call(REVIEW_ACTION_SPECS, name);
}

export type ReviewStatus = 'APPLIED' | 'ACCEPTED' | 'DECLINED' | 'ASSESSED' | 'DETERMINED' | 'NOTIFIED' | 'FILED';

/** A fault-tolerance review as its workflow holds it (and the `fault_tolerance_reviews` read table shows it). */
export interface ReviewState {
  reviewId: string;
  caseId: string;
  caseNumber: string;
  seq: number;
  version: number;
  status: ReviewStatus;
  applicant: { kind: ApplicantKind; userId: string; name: string };
  reasons: string;
  evidence?: string;
  appliedAt: string;
  /** The official concerned, who may never take a review step. */
  subjectUserId?: string;
  /** Who handled the investigation: never a determining supervisor. */
  handlerIds: string[];
  policy: FaultTolerancePolicy;
  acceptance?: { by: string; at: string; note?: string };
  decline?: { explanation: string; by: string; at: string };
  /** The verification's one extension (§e row 23): who approved it, why, and by how much (policy `verifyExtension`). */
  verificationExtension?: { by: string; at: string; reason: string; extension: PolicyDuration; dueAt: string };
  assessment?: FaultToleranceAssessment;
  assessorId?: string;
  assessedAt?: string;
  recommendation?: FaultToleranceRecommendation;
  votes: DeterminationVote[];
  determination?: { outcome: FaultToleranceOutcome; mitigation?: MitigationKind; at: string };
  notification?: { method: ServiceMethod; note: string; by: string; at: string };
  filing?: { recipient: string; note: string; by: string; at: string };
  /** The clock of the step the review waits on (policy `stepLimits`), with the rungs fired; absent when none runs. */
  deadline?: ReviewDeadline;
}

/** A review step's clock: a stage clock's ladder (`deadlineRungs`), timing a step of the review instead of a stage. */
export type ReviewDeadline = Omit<CaseDeadline, 'stage' | 'step'> & { step: ReviewClockStep };

/** What a review's step clocks need of its case: its calendar, its ladder, and who hears of a rung. */
export interface ReviewClockInput {
  /** The case's calendar when it started the review (with the years it had taken by then). */
  calendar: PinnedCalendar;
  region?: string;
  /** The case's pinned ladder of reminders and cards; without one the step clocks fire no rung (as a case's). */
  deadlineRules?: DeadlineRules;
  /** The case's handling unit, whose supervisors (and the ones above) hear of cards and escalations. */
  orgUnitId: string;
  /** The case's assignee, who hears of every rung. */
  assigneeId?: string;
  caseTitle: string;
  /** Users recused from the case, never told of it. */
  recusedUserIds: string[];
}

/**
 * Input of `faultToleranceReview`: one object, so fields can be added later. Without `clock` (reviews started before
 * review step clocks, or by a case without a calendar) the review keeps no clock.
 */
export type ReviewWorkflowInput = Omit<ReviewState, 'version' | 'status' | 'votes' | 'deadline'> & { parentWorkflowId: string; clock?: ReviewClockInput };

export interface ReviewRequest<A extends ReviewActionName = ReviewActionName> {
  actor: Actor;
  payload: ReviewActionPayloads[A];
  expectedVersion?: number;
}


export function reviewWorkflowId(caseWorkflowId: string, seq: number): string {
  return `${caseWorkflowId}-review-${seq}`;
}

/** The audit stream of a review: its events are chained apart from the case's own. */
export const reviewStream = (seq: number): string => `review-${seq}`;

export type FaultToleranceReviewWorkflow = (input: ReviewWorkflowInput) => Promise<ReviewState>;
export const FAULT_TOLERANCE_REVIEW_WORKFLOW_TYPE = 'faultToleranceReview';
