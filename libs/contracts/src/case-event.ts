import type { ActionName } from './actions';
import type { ReviewActionName, ReviewState, ReviewStatus } from './fault-tolerance-review';
import type { Role } from './roles';
import type { Stage } from './stages';

/** Events the workflows record on their own, with the SYSTEM as actor. */
export type SystemEventName =
  | 'registerClue'
  | 'deadlineRung'
  | 'deadlineRecounted'
  | 'reviewStepRung'
  | 'toleranceReviewConcluded'
  | 'appealWindowClosed'
  | 'caseClosedAfterAppeal';

/** One entry of the case's history: what the audit trail and timeline show. */
export interface CaseEvent {
  caseId: string;
  version: number;
  action: ActionName | ReviewActionName | SystemEventName;
  actorId: string;
  actorName: string;
  actorRole: Role | 'SYSTEM';
  occurredAt: string;
  reason?: string;
  /** A stage of the case, or for a review's stream the review's status. */
  fromStage?: Stage | ReviewStatus;
  toStage: Stage | ReviewStatus;
  payload: Record<string, unknown>;
  /** The audit stream the event is chained in: 'case' (absent) or a review's own stream, e.g. 'review-1'. */
  stream?: string;
}

/** What a review step answers: the review after the step, and the event recorded. */
export interface ReviewResult {
  state: ReviewState;
  event: CaseEvent;
}
