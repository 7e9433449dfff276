import type { ActionName, ActionPayloads, Actor, ToleranceReviewConcluded } from '@dandang/contracts';
import { applyAction, concludeReview } from '@dandang/domain';
import { aPayload, aRequest, minutesAfter, type DrivenCase } from './case-state.factory';

/** One more action, an hour later, with what aftercare makes of it (as the case workflow applies every action). */
export function aftercareStep<A extends ActionName>(c: DrivenCase, action: A, actor: Actor, payload: ActionPayloads[A] = aPayload(action)): DrivenCase {
  const at = minutesAfter(c.at, 60);
  const { state, event } = applyAction(c.state, action, aRequest(actor, payload), at);
  return { ...c, state, events: [...c.events, event], at };
}

/** The case's open review concluded as `signal` says, an hour later. */
export function reviewConcluded(c: DrivenCase, signal: Omit<ToleranceReviewConcluded, 'reviewId' | 'at'>): DrivenCase {
  const at = minutesAfter(c.at, 60);
  const reviewId = c.state.reviews!.find((r) => r.status === 'OPEN')!.reviewId;
  const result = concludeReview(c.state, { reviewId, at: at.toISOString(), ...signal }, at)!;
  return { ...c, state: result.state, events: [...c.events, result.event], at };
}
