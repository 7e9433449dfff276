import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { CaseActivities, NotificationActivities } from '@dandang/activities';
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
import {
  DomainError,
  applyAction,
  checkAction,
  fireRung,
  newCaseState,
  nextRung,
  startStageClock,
  type ClockContext,
} from '@dandang/domain';

/** Stage clocks (reminders, cards, escalation) exist from this version on; older runs replay without them. */
export const STAGE_CLOCKS_PATCH = 'stage-clocks-v1';

const { deliverWebhook } = proxyActivities<NotificationActivities>({
  startToCloseTimeout: '15 seconds',
  // A webhook outage must not hold up the clock: delivery is retried for about a day, then left in the outbox.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '2 hours', maximumAttempts: 20 },
});

const { projectCase, notifyDeadline } = proxyActivities<CaseActivities & NotificationActivities>({
  startToCloseTimeout: '15 seconds',
  // A projection or notice must land eventually: retried until PostgreSQL (or the webhook) answers again.
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
  const clock: ClockContext | undefined =
    input.calendar && patched(STAGE_CLOCKS_PATCH) ? { calendar: input.calendar, region: input.calendarRegion } : undefined;
  let state: CaseState = input.carriedState ?? newCaseState(input);
  if (clock && !input.carriedState) state.deadline = startStageClock(state, 'INTAKE', new Date(input.registeredAt), clock);
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
          result = applyAction(state, action as ActionName, request, new Date(), clock);
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

  /** Fires each rung of the stage clock when it falls due, unless an action changed the case first. */
  const keepStageClocks = async (): Promise<void> => {
    while (state.stage !== 'CLOSED') {
      const seen = state.version;
      const rung = nextRung(state.deadline, state.policy.deadlineRules);
      const changed = () => state.version !== seen;
      if (!rung) {
        await condition(changed);
        continue;
      }
      const wait = Date.parse(rung.at) - Date.now();
      if (wait > 0 && (await condition(changed, wait))) continue;
      const fired = fireRung(state, rung, new Date());
      state = fired.state;
      const deadline = fired.state.deadline!;
      const projected = project(fired.state, fired.event);
      const ids = await notifyDeadline({
        caseId: state.caseId,
        caseNumber: state.number,
        caseTitle: state.registration.title,
        stage: deadline.stage,
        rungId: rung.id,
        kind: rung.kind,
        dueAt: deadline.dueAt,
        clockStartedAt: deadline.startedAt,
        assigneeId: state.assigneeId,
        orgUnitId: state.registration.orgUnitId,
      });
      await projected;
      deliverWebhook({ notificationIds: ids }).catch(() => undefined);
    }
  };
  if (clock) void keepStageClocks();

  for (;;) {
    await condition(() => state.stage === 'CLOSED' || workflowInfo().continueAsNewSuggested);
    await condition(allHandlersFinished);
    await projections;
    if (state.stage === 'CLOSED') return state;
    // Long cases start a fresh history; the state, not the events, carries over.
    await continueAsNew<CaseWorkflow>({ ...input, carriedState: state });
  }
};
