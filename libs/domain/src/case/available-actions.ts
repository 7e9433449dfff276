import { ACTION_NAMES, REPORTER_IDENTITY_ACTIONS, isDocumentActionName, type ActionName, type Actor, type CaseState } from '@dandang/contracts';
import { ACTION_RULES, pendingApprovalAdmits, roleAdmits, stageAdmits } from './action-rules';
import { checkAction, statePreconditionRefusal } from './check-action';
import { DomainError } from '../errors';
import { RETIRED_ACTIONS } from './admission-checks';
import { shelvedReviewDue } from './task-holders';

/**
 * Actions that only record something about the user, or that one may but need not take: never a task. A custodian's
 * reveal decisions have their own queue (`revealsAwaiting`), as the task candidates are chosen by stage and assignee.
 */
const HOUSEKEEPING: readonly ActionName[] = [
  'declareConflict',
  'reassign',
  'applyFaultTolerance',
  'linkSubjectAccount',
  // Staff may record a written appeal whenever one arrives; none waits on them before it does.
  'recordPaperAppeal',
  // The upper level orders a correction, or a start of accountability, when it finds one needed; none waits on it.
  'orderDecisionCorrection',
  'orderAccountabilityStart',
  'designateAccountabilityBody',
  ...REPORTER_IDENTITY_ACTIONS,
];

/**
 * The actions `actor` could take on the case now (before filling in a payload). What the rules alone refuse (another
 * stage, a proposal waiting or not, none of the actor's roles) and what the case alone refuses (its preconditions)
 * are passed over before checkAction, which refuses them by the same predicates: a refusal there is a thrown error,
 * and the inbox asks this of 500 cases × every action, where building those errors was most of its cost.
 */
export function availableActions(state: CaseState, actor: Actor, now: Date): ActionName[] {
  const pending = Boolean(state.pendingApproval);
  return ACTION_NAMES.filter((action) => {
    // Documents are generated and served from the case's documents panel, through their own routes.
    if (isDocumentActionName(action) || RETIRED_ACTIONS[action]) return false;
    const rule = ACTION_RULES[action];
    if (!stageAdmits(rule, state.stage) || !pendingApprovalAdmits(rule, pending) || !roleAdmits(action, rule, actor.roles)) return false;
    if (statePreconditionRefusal(state, action)) return false;
    try {
      checkAction(state, action, { actor, payload: {} as never }, now, { ignorePayload: true });
      return true;
    } catch (e) {
      if (e instanceof DomainError) return false;
      throw e;
    }
  });
}

/** The actions that make the case a task for `actor` (it waits on them when there is one): substance, or reassigning a case nobody handles. */
export function taskActions(state: CaseState, actor: Actor, now: Date): ActionName[] {
  return availableActions(state, actor, now).filter(
    (a) => (!HOUSEKEEPING.includes(a) || (a === 'reassign' && state.assigneeId === undefined)) && (a !== 'reviewShelvedClue' || shelvedReviewDue(state)),
  );
}

/** The cases among `records` that wait on `actor`, each with the actions it awaits: the task inbox (我的待办). */
export function awaitedTasks<T extends { state: CaseState }>(records: readonly T[], actor: Actor, now: Date): { record: T; actions: ActionName[] }[] {
  return records.map((record) => ({ record, actions: taskActions(record.state, actor, now) })).filter(({ actions }) => actions.length > 0);
}
