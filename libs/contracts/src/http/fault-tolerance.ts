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

/** An entry of `GET /api/cases/:id/fault-tolerance`: the whole review for staff, the outcome for the official concerned. */
export type FaultToleranceReviewView = ReviewState | SubjectReviewView;
