import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { CaseActivities } from '@dandang/activities';
import {
  ACTION_NAMES,
  CaseStageKey,
  caseActionUpdates,
  caseStateQuery,
  registerClueUpdate,
  type ActionName,
  type ActionRequest,
  type ActionResult,
  type CaseEvent,
  type CaseState,
  type CaseWorkflow,
  type CaseWorkflowInput,
} from '@dandang/contracts';
import { DomainError, applyAction, checkAction, newCaseState } from '@dandang/domain';

const { projectCase } = proxyActivities<CaseActivities>({
  startToCloseTimeout: '15 seconds',
  // A projection must land eventually: retried until PostgreSQL answers again.
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

/** A refusal the caller sees: the domain's reason code as the failure type, its details for the API. */
function refusal(e: unknown): never {
  if (e instanceof DomainError) {
    throw ApplicationFailure.create({
      type: e.reason,
      message: e.message,
      nonRetryable: true,
      details: [{ code: e.code, reason: e.reason, fields: e.fields }],
    });
  }
  throw e;
}

/**
 * One case, from registered clue to its end. Officer actions arrive as Workflow Updates: the validator refuses
 * (writing no history) whatever the domain refuses; the handler applies the action and waits until PostgreSQL
 * has it, so the API's answer is already readable.
 */
export const caseWorkflow: CaseWorkflow = async (input: CaseWorkflowInput): Promise<CaseState> => {
  let state: CaseState = input.carriedState ?? newCaseState(input);
  let projectedVersion = input.carriedState?.version ?? 0;
  // Projections run one after another, so audit events are chained in version order.
  let projections: Promise<void> = Promise.resolve();
  const project = (s: CaseState, event: CaseEvent): Promise<void> => {
    projections = projections.then(async () => {
      await projectCase({ state: s, event });
      projectedVersion = Math.max(projectedVersion, event.version);
    });
    return projections;
  };

  setHandler(caseStateQuery, () => state);
  setHandler(registerClueUpdate, async () => {
    await condition(() => projectedVersion >= 1);
    return state;
  });
  for (const action of ACTION_NAMES) {
    setHandler(
      caseActionUpdates[action] as unknown as UpdateDefinition<ActionResult, [ActionRequest]>,
      async (request: ActionRequest) => {
        let result: ActionResult;
        try {
          result = applyAction(state, action as ActionName, request, new Date());
        } catch (e) {
          refusal(e);
        }
        const stageChanged = result.state.stage !== state.stage;
        state = result.state; // mutate before the first await: the next validator sees the new state
        if (stageChanged) upsertSearchAttributes([{ key: CaseStageKey, value: state.stage }]);
        await project(result.state, result.event);
        return result;
      },
      {
        validator: (request: ActionRequest) => {
          try {
            checkAction(state, action as ActionName, request, new Date());
          } catch (e) {
            refusal(e);
          }
        },
      },
    );
  }

  if (!input.carriedState) {
    const actor = input.registeredBy;
    await project(state, {
      caseId: state.caseId,
      version: 1,
      action: 'registerClue',
      actorId: actor.userId,
      actorName: actor.displayName,
      actorRole: actor.roles.includes('INTAKE_OFFICER') ? 'INTAKE_OFFICER' : actor.roles[0],
      occurredAt: input.registeredAt,
      toStage: 'INTAKE',
      payload: {
        title: input.registration.title,
        channel: input.registration.channel,
        intakeMethod: input.registration.intakeMethod,
        subject: input.registration.subject,
        anonymousReport: input.registration.anonymousReport,
        receivedAt: input.registration.receivedAt,
        orgUnitId: input.registration.orgUnitId,
      },
    });
  }

  for (;;) {
    await condition(() => state.stage === 'CLOSED' || workflowInfo().continueAsNewSuggested);
    await condition(allHandlersFinished);
    await projections;
    if (state.stage === 'CLOSED') return state;
    // Long cases start a fresh history; the state, not the events, carries over.
    await continueAsNew<CaseWorkflow>({ ...input, carriedState: state });
  }
};
