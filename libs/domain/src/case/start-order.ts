import type { ActionName, ActionPayloads, Actor, CaseState } from '@dandang/contracts';
import type { Evolve, PayloadCheck, Refusal } from './action-handlers';
import { conflict, forbidden, invalidInput } from '../errors';

/**
 * 问责条例 art. 9: when the body that should start accountability does not, the upper level orders it to. The order
 * stands on the clue until it is filed as an accountability inquiry: the body may take it on towards that (verify,
 * another inquiry round, reopen a shelved clue), never close, shelve or transfer it, nor file it otherwise.
 */

export const notOrderedYet = (state: CaseState): Refusal | undefined =>
  state.startOrder ? () => conflict('ALREADY_ORDERED', '上级已责令启动问责 (the upper level has ordered accountability started already)') : undefined;

/** The order comes from the upper level: a supervisor of the case's own unit does not order itself. */
export function checkUpperLevel(state: CaseState, actor: Actor): void {
  if (actor.orgUnitId === state.registration.orgUnitId) {
    throw forbidden('NOT_UPPER_LEVEL', '责令启动问责由上级机关作出 (the upper level orders accountability started, not the body itself)');
  }
}

export const orderAccountabilityStart: Evolve<'orderAccountabilityStart'> = (s, p, { actor, at }) => {
  s.startOrder = { reason: p.reason, by: actor.userId, at };
  return p.reason;
};

export const checkDesignation: PayloadCheck<'designateAccountabilityBody'> = (state, p) => {
  if (p.orgUnitId === state.registration.orgUnitId) {
    throw invalidInput([{ field: 'orgUnitId', message: 'must be another body than the one that did not start accountability' }]);
  }
};

/**
 * The designated body takes the clue over to start accountability: the clue becomes that unit's (its staff see it,
 * its supervisor assigns it), held to the way on as an order holds it.
 */
export const designateAccountabilityBody: Evolve<'designateAccountabilityBody'> = (s, p, { actor, at }) => {
  s.startOrder = { reason: p.reason, by: actor.userId, at, designatedFrom: s.registration.orgUnitId };
  s.registration.orgUnitId = p.orgUnitId;
  s.assigneeId = undefined;
  s.pendingApproval = undefined;
  return p.reason;
};

/** What each step may still propose while an order to start stands: the way on to an accountability inquiry. */
const TOWARDS_FILING: { readonly [A in ActionName]?: (p: ActionPayloads[A]) => boolean } = {
  proposeDisposition: (p) => p.disposition === 'PRELIMINARY_VERIFICATION' || p.disposition === 'TALK_OR_LETTER_INQUIRY',
  proposeInquiryConclusion: (p) => p.outcome === 'VERIFY' || p.outcome === 'REPEAT_INQUIRY',
  submitVerificationReport: (p) => p.finding === 'PROPOSE_ACCOUNTABILITY',
  reviewShelvedClue: (p) => p.decision === 'REOPEN',
  transferClue: () => false,
};

/** Refuses, while an order to start stands, what would end the clue otherwise than in an accountability inquiry. */
export const checkStartOrder = <A extends ActionName>(state: CaseState, action: A, payload: ActionPayloads[A]): void => {
  const allowed = TOWARDS_FILING[action] as ((p: ActionPayloads[A]) => boolean) | undefined;
  if (!state.startOrder || state.procedure || !allowed || allowed(payload)) return;
  throw conflict('ORDERED_TO_START', '上级已责令启动问责，只能推进至问责调查 (the upper level ordered accountability started: the clue goes on to an accountability inquiry)');
};
