import type { CaseState } from '@dandang/contracts';
import { runningStepClocks } from '../aftercare/step-clocks';
import { openCorrectionOrder } from '../aftercare/apply-aftercare';
import { appealUndecided } from '../aftercare/person-appeals';

/**
 * Who the case's outstanding step work waits on beyond what its stage says (the task candidates take open stages
 * by assignee, supervisor and intake): stored in the read-model row (`waiting_user_ids`, `awaits_supervisor`) so
 * that the task inbox also finds served, closed and shelved cases that still owe something. The domain
 * (`taskActions`) still decides, per user, which actions the case awaits.
 */
export interface TaskHolders {
  /** Users whose own step waits: a notice owed to the reporter, a due name clearing, a shelved review that is due. */
  userIds: string[];
  /** Whether a supervisor's decision waits: an appeal filed and undecided, a correction ordered and not yet made. */
  supervisor: boolean;
}

/** A shelved clue waits on its officer once its review clock has reminded them (or when it keeps no clock). */
export function shelvedReviewDue(state: CaseState): boolean {
  return !state.deadline || state.deadline.fired.length > 0;
}

export function taskHolders(state: CaseState): TaskHolders {
  const ids = new Set<string>();
  // The appeal's clock reminds the assignee, but the decision is a supervisor's (decideAppeal): `supervisor` covers it.
  // A visit months ahead is no task yet: only once its clock has reminded the officer.
  for (const clock of runningStepClocks(state)) {
    if (clock.key === 'appeal' || clock.key.startsWith('appeal:') || !clock.ownerId) continue;
    if (clock.key.startsWith('visit:') && clock.deadline.fired.length === 0) continue;
    ids.add(clock.ownerId);
  }
  // A due clearing waits on the officer even when the case's policy keeps no clock for it.
  if (state.stage === 'CLOSED' && state.nameClearing?.status === 'DUE' && state.assigneeId) ids.add(state.assigneeId);
  if (state.stage === 'SHELVED' && shelvedReviewDue(state) && state.assigneeId) ids.add(state.assigneeId);
  const appealWaits = state.stage === 'SERVED' && appealUndecided(state);
  const correctionOrdered = (state.stage === 'SERVED' || state.stage === 'CLOSED') && openCorrectionOrder(state) !== undefined;
  return { userIds: [...ids].sort(), supervisor: appealWaits || correctionOrdered };
}
