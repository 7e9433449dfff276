import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import { ACTION_NAMES, type ActionName, type ActionRequest, type ActionResult, type CaseState, type PinnedCalendar } from '@dandang/contracts';

/** Completes once the registration is in the read model, so a read right after sees the case. */
export const registerClueUpdate = defineUpdate<CaseState, []>('registerClue');

export type CaseActionUpdates = { [A in ActionName]: UpdateDefinition<ActionResult, [ActionRequest<A>], A> };

/** One Workflow Update per officer action, named after the action. */
export const caseActionUpdates = Object.fromEntries(
  ACTION_NAMES.map((name) => [name, defineUpdate<ActionResult, [ActionRequest]>(name)]),
) as unknown as CaseActionUpdates;

export const caseStateQuery = defineQuery<CaseState>('caseState');

/**
 * A calendar version was published (the effective calendar, every year): the case takes the years it lacks for the
 * dates it has not yet passed. A signal, as the API tells many cases and waits for none.
 */
export const calendarPublishedSignal = defineSignal<[PinnedCalendar]>('calendarPublished');
