import type { Stage } from '../stages';
import type { ReassignmentOutcome } from '../reassignment';

/** `POST /api/reassignments`: the run's id, to follow it with `GET /api/reassignments/:id`. */
export interface ReassignmentStarted {
  id: string;
  total: number;
}

/** A case of a run, with what the reader may see of it now (number and title of the cases still in their sight). */
export interface ReassignmentCaseView {
  caseId: string;
  number?: string;
  title?: string;
  stage?: Stage;
  outcome: ReassignmentOutcome;
  reason?: string;
  message?: string;
}

/** `GET /api/reassignments/:id`: progress and a result per case. */
export interface ReassignmentView {
  id: string;
  status: 'RUNNING' | 'DONE';
  fromUserId: string;
  toUserId: string;
  reason: string;
  requestedAt: string;
  total: number;
  finished: number;
  applied: number;
  refused: number;
  failed: number;
  cases: ReassignmentCaseView[];
}

/** `GET /api/reassignments/open-cases?from=`: an officer's open cases in the supervisor's sight, to choose from. */
export interface ReassignableCase {
  id: string;
  number: string;
  title: string;
  stage: Stage;
  orgUnitId: string;
}

/** `GET /api/reassignments/holders`: officers (active or not) holding open cases in the supervisor's sight. */
export interface CaseHolder {
  userId: string;
  displayName: string;
  username: string;
  active: boolean;
  openCases: number;
}
