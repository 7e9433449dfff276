import type { ServiceMethod } from '../enums';
import type { ApplicantKind } from '../aftercare';
import type { FaultToleranceOutcome, MitigationKind } from '../fault-tolerance';
import type { ReviewState, ReviewStatus } from '../fault-tolerance-review';

/** A review as the official concerned sees it: the outcome of their applications only. */
export interface SubjectReviewView {
  reviewId: string;
  seq: number;
  status: ReviewStatus;
  applicant: { kind: ApplicantKind; userId?: string; name?: string };
  appliedAt: string;
  decline: { explanation: string; at: string } | null;
  determination: { outcome: FaultToleranceOutcome; mitigation?: MitigationKind; at: string } | null;
  notification: { method: ServiceMethod; note: string; at: string } | null;
}

/**
 * A review as an auditor sees it (三员分立): its course, who took each step and the outcomes chosen, never what anyone
 * wrote (reasons, evidence, assessment, notes) nor who applied.
 */
export interface AuditReviewView {
  reviewId: string;
  seq: number;
  status: ReviewStatus;
  applicant: { kind: ApplicantKind };
  appliedAt: string;
  acceptance: { by: string; at: string } | null;
  decline: { by: string; at: string } | null;
  assessorId: string | null;
  assessedAt: string | null;
  recommendation: { outcome: FaultToleranceOutcome; mitigation?: MitigationKind } | null;
  votes: { voterId: string; outcome: FaultToleranceOutcome; mitigation?: MitigationKind }[];
  determination: { outcome: FaultToleranceOutcome; mitigation?: MitigationKind; at: string } | null;
  notification: { method: ServiceMethod; by: string; at: string } | null;
  filing: { by: string; at: string } | null;
}

/**
 * An entry of `GET /api/cases/:id/fault-tolerance`: the whole review for staff, the outcome for the official
 * concerned, the course for an auditor.
 */
export type FaultToleranceReviewView = ReviewState | SubjectReviewView | AuditReviewView;
