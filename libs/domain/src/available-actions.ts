import { ACTION_NAMES, type ActionName, type Actor, type CaseState } from '@dandang/contracts';
import { checkAction } from './check-action';
import { DomainError } from './errors';

/** Actions that only record something about the user, or that one may but need not take: never a task. */
const HOUSEKEEPING: readonly ActionName[] = ['declareConflict', 'reassign', 'applyFaultTolerance', 'linkSubjectAccount'];

/** The actions `actor` could take on the case now (before filling in a payload). */
export function availableActions(state: CaseState, actor: Actor, now: Date): ActionName[] {
  return ACTION_NAMES.filter((action) => {
    try {
      checkAction(state, action, { actor, payload: {} as never }, now, { ignorePayload: true });
      return true;
    } catch (e) {
      if (e instanceof DomainError) return false;
      throw e;
    }
  });
}

/** True when the case waits on this actor: the basis of the task inbox. */
export function awaitsActor(state: CaseState, actor: Actor, now: Date): boolean {
  return taskActions(state, actor, now).length > 0;
}

/** The actions that make the case a task for `actor`: substance, or reassigning a case nobody handles. */
export function taskActions(state: CaseState, actor: Actor, now: Date): ActionName[] {
  return availableActions(state, actor, now).filter(
    (a) => !HOUSEKEEPING.includes(a) || (a === 'reassign' && state.assigneeId === undefined),
  );
}
