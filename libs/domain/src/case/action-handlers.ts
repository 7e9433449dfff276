import type { ActionName, ActionPayloads, Actor, CaseState } from '@dandang/contracts';
import type { DomainError } from '../errors';
import type { ClockContext } from '../deadlines/duration';

/**
 * The shapes of the per-action tables. Each table is keyed by action, and each entry receives that action's own
 * payload type, so no handler casts its payload: `checkAction` and `applyAction` look the entry up by the action.
 */

/** A refusal, built only when asked for: the inbox asks for refusals of hundreds of cases and uses few. */
export type Refusal = () => DomainError;

/** The refusal that the case alone makes of an action, before any payload: undefined when the case allows it. */
export type Precondition = (state: CaseState) => Refusal | undefined;

export interface CheckContext<A extends ActionName> {
  action: A;
  actor: Actor;
  now: Date;
}

/** Throws what refuses a well-formed payload on the case as it stands. */
export type PayloadCheck<A extends ActionName> = (state: CaseState, payload: ActionPayloads[A], ctx: CheckContext<A>) => void;

export interface EvolveContext<A extends ActionName> {
  action: A;
  actor: Actor;
  /** When the action is applied, as an ISO instant. */
  at: string;
  /** The case's calendar, when it keeps clocks. */
  clock?: ClockContext;
}

/** Applies an accepted action to `s` (a copy of the case, changed in place); returns the event's reason. */
export type Evolve<A extends ActionName> = (s: CaseState, payload: ActionPayloads[A], ctx: EvolveContext<A>) => string | undefined;

export type Preconditions<K extends ActionName = ActionName> = { readonly [A in K]?: Precondition };
export type PayloadChecks<K extends ActionName = ActionName> = { readonly [A in K]?: PayloadCheck<A> };
export type Evolutions<K extends ActionName = ActionName> = { readonly [A in K]: Evolve<A> };
