import { setHandler } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import { refusal } from './refusal';

/** What a workflow does with one of its actions; the action's Update is registered around it. */
export interface ActionSteps<A extends string, Req, Res> {
  /** Throws what the domain refuses of the action now. Runs in the validator: synchronous, changes nothing. */
  check(action: A, request: Req): void;
  /**
   * Applies the action and keeps its result as the workflow's state; throws what the domain refuses. Synchronous
   * and run before the handler's first await, so the next Update's validator already sees the new state.
   */
  apply(action: A, request: Req): Res;
  /** The rest of the Update (children, projection, signals): the caller gets the result once this completes. */
  follow(action: A, request: Req, result: Res): Promise<void>;
}

/**
 * One Update per action name, with a validator. A domain refusal becomes an ApplicationFailure (`refusal`): in the
 * validator it rejects the Update without writing history, in the handler it fails the Update, not the workflow task.
 */
export function registerActionUpdates<A extends string, Req, Res>(
  updates: { readonly [K in A]: UpdateDefinition<Res, [Req], K> },
  names: readonly A[],
  steps: ActionSteps<A, Req, Res>,
): void {
  for (const action of names) {
    setHandler<Res, [Req], UpdateDefinition<Res, [Req]>>(
      updates[action],
      async (request) => {
        let result: Res;
        try {
          result = steps.apply(action, request);
        } catch (e) {
          refusal(e);
        }
        await steps.follow(action, request, result);
        return result;
      },
      {
        validator: (request) => {
          try {
            steps.check(action, request);
          } catch (e) {
            refusal(e);
          }
        },
      },
    );
  }
}
