import type { Actor } from './roles';

/**
 * 批量改派 (bulk reassignment when staff change posts): one run moves an officer's open cases to another officer,
 * each case through its own workflow's `reassign` action, so recusal and four eyes apply case by case.
 */
export const BULK_REASSIGNMENT_WORKFLOW_TYPE = 'bulkReassignment';

/** At most this many cases in one run (a run's history and progress stay small; a larger handover is several runs). */
export const MAX_REASSIGNMENT_CASES = 500;

/** Cases reassigned at once: enough to finish a handover quickly, few enough to leave the worker for ordinary work. */
export const REASSIGNMENT_CONCURRENCY = 4;

export function reassignmentWorkflowId(reassignmentId: string): string {
  return `reassignment-${reassignmentId}`;
}

/** Input of `bulkReassignment`: one object, so fields can be added without breaking running runs. */
export interface BulkReassignmentInput {
  reassignmentId: string;
  /** The supervisor who asked: each case's `reassign` is theirs, and only they read the run. */
  requestedBy: Actor;
  requestedAt: string;
  fromUserId: string;
  toUserId: string;
  reason: string;
  /** The cases chosen when the run was asked for (open, assigned to `fromUserId`, in the supervisor's sight). */
  caseIds: string[];
}

/** What became of one case: moved, refused by a rule (with the rule's reason), or not reached (Temporal or the database failed). */
export type ReassignmentOutcome = 'PENDING' | 'APPLIED' | 'REFUSED' | 'FAILED';

export interface ReassignmentCaseResult {
  caseId: string;
  outcome: ReassignmentOutcome;
  /** The refusal's stable reason (`RECUSAL`, `FOUR_EYES`, `WRONG_STAGE`, `NOT_ELIGIBLE`, …). */
  reason?: string;
  message?: string;
}

/** The run's progress, from its query; also its result once done. */
export interface ReassignmentProgress {
  reassignmentId: string;
  status: 'RUNNING' | 'DONE';
  requestedBy: string;
  requestedAt: string;
  fromUserId: string;
  toUserId: string;
  reason: string;
  total: number;
  /** Cases with an outcome other than PENDING. */
  finished: number;
  results: ReassignmentCaseResult[];
}

/** Input of the activity that reassigns one case; the Update id makes a retried call the same Update. */
export interface ReassignCaseInput {
  caseId: string;
  actor: Actor;
  fromUserId: string;
  toUserId: string;
  reason: string;
  updateId: string;
}

export type ReassignCaseResult = Pick<ReassignmentCaseResult, 'outcome' | 'reason' | 'message'> & { outcome: 'APPLIED' | 'REFUSED' };
