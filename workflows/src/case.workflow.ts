import {
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  startChild,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { CaseActivities, ClockActivities, ClockFiringsResult, DeadlineNotice, NotificationActivities } from '@dandang/activities';
import { ACTION_NAMES, FAULT_TOLERANCE_REVIEW_WORKFLOW_TYPE, type FaultToleranceReviewWorkflow, type ActionName, type ActionRequest, type ActionResult, type CaseEvent, type CaseState, type CaseWorkflow, type CaseWorkflowInput } from '@dandang/contracts';
import { CaseStageKey, caseActionUpdates, caseStateQuery, registerClueUpdate, toleranceReviewConcludedSignal } from '@dandang/workflow-messages';
import {
  AFTERCARE_ACTIONS,
  applyAction,
  checkAction,
  concludeReview,
  conflict,
  faultTolerancePolicyOf,
  fireRung,
  isFinished,
  newCaseState,
  nextRung,
  startStageClock,
  type ClockContext,
} from '@dandang/domain';
import { keepCaseClocks } from './case-clocks';
import {
  AFTERCARE_PATCH,
  CLOCK_FIRING_ACTIVITY_PATCH,
  LOCAL_PROJECTION_PATCH,
  PROJECTION_AFTER_COMMIT_PATCH,
  STAGE_CLOCKS_PATCH,
} from './patches';
import { refusal } from './refusal';

const { deliverWebhook } = proxyActivities<NotificationActivities>({
  startToCloseTimeout: '15 seconds',
  // A webhook outage must not hold up the clock: delivery is retried for about a day, then left in the outbox.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '2 hours', maximumAttempts: 20 },
});

const { projectCase, notifyDeadline, recordClockFirings } = proxyActivities<CaseActivities & NotificationActivities & ClockActivities>({
  startToCloseTimeout: '15 seconds',
  // A projection or notice must land eventually: retried until PostgreSQL (or the webhook) answers again.
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

/** Only for runs that recorded patch local-projection-v1 (withdrawn: see PROJECTION_AFTER_COMMIT_PATCH). */
const local = proxyLocalActivities<CaseActivities & ClockActivities>({
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

/**
 * One case, from registered clue to its end. Officer actions arrive as Workflow Updates: the validator refuses
 * (writing no history) whatever the domain refuses; the handler applies the action and waits until PostgreSQL
 * has it, so the API's answer is already readable.
 */
export const caseWorkflow: CaseWorkflow = async (input: CaseWorkflowInput): Promise<CaseState> => {
  const clock: ClockContext | undefined =
    input.calendar && patched(STAGE_CLOCKS_PATCH) ? { calendar: input.calendar, region: input.calendarRegion } : undefined;
  const aftercare = patched(AFTERCARE_PATCH);
  // New runs take the newer patch and never the older one (see PROJECTION_AFTER_COMMIT_PATCH).
  const localProjection = !patched(PROJECTION_AFTER_COMMIT_PATCH) && patched(LOCAL_PROJECTION_PATCH);
  const projectActivity = localProjection ? local.projectCase : projectCase;
  const firingInOneActivity = localProjection || patched(CLOCK_FIRING_ACTIVITY_PATCH);
  const recordFiringsActivity = localProjection ? local.recordClockFirings : recordClockFirings;
  let state: CaseState = input.carriedState ?? newCaseState(input);
  if (clock && !input.carriedState) state.deadline = startStageClock(state, 'INTAKE', new Date(input.registeredAt), clock);
  let projectedVersion = input.carriedState?.version ?? 0;
  // Projections run one after another, so audit events are chained in version order.
  let projections: Promise<void> = Promise.resolve();
  const project = (s: CaseState, event: CaseEvent): Promise<void> => {
    projections = projections.then(async () => {
      await projectActivity({ state: s, event });
      projectedVersion = Math.max(projectedVersion, event.version);
    });
    return projections;
  };
  /** Fired clock rungs and their notices in one activity, in turn with the other projections. */
  const recordFirings = (firings: { state: CaseState; event: CaseEvent }[], notices: DeadlineNotice[]): Promise<ClockFiringsResult> => {
    const recorded = projections.then(() => recordFiringsActivity({ firings, notices }));
    projections = recorded.then(() => {
      projectedVersion = Math.max(projectedVersion, ...firings.map((f) => f.event.version));
    });
    return recorded;
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
          result = applyAction(state, action as ActionName, request, new Date(), clock, { aftercare });
        } catch (e) {
          refusal(e);
        }
        const stageChanged = result.state.stage !== state.stage;
        state = result.state; // mutate before the first await: the next validator sees the new state
        if (stageChanged) upsertSearchAttributes([{ key: CaseStageKey, value: state.stage }]);
        if (action === 'applyFaultTolerance') await startReview(result.state, request);
        await project(result.state, result.event);
        return result;
      },
      {
        validator: (request: ActionRequest) => {
          try {
            if (!aftercare && AFTERCARE_ACTIONS.includes(action)) {
              throw conflict('NOT_IN_THIS_RUN', 'this case started before fault tolerance and aftercare existed');
            }
            checkAction(state, action as ActionName, request, new Date());
          } catch (e) {
            refusal(e);
          }
        },
      },
    );
  }

  /** One child workflow per application; it outlives the case if need be (ABANDON) and reports back by signal. */
  const startReview = async (s: CaseState, request: ActionRequest): Promise<void> => {
    const ref = s.reviews![s.reviews!.length - 1];
    await startChild<FaultToleranceReviewWorkflow>(FAULT_TOLERANCE_REVIEW_WORKFLOW_TYPE, {
      workflowId: ref.workflowId,
      parentClosePolicy: 'ABANDON',
      args: [
        {
          reviewId: ref.reviewId,
          caseId: s.caseId,
          caseNumber: s.number,
          seq: ref.seq,
          applicant: { kind: ref.applicantKind, userId: request.actor.userId, name: request.actor.displayName },
          reasons: (request.payload as { reasons: string }).reasons,
          ...((request.payload as { evidence?: string }).evidence ? { evidence: (request.payload as { evidence?: string }).evidence } : {}),
          appliedAt: ref.appliedAt,
          ...(s.registration.subject.userId ? { subjectUserId: s.registration.subject.userId } : {}),
          handlerIds: [...new Set([...s.investigatorIds, ...(s.assigneeId ? [s.assigneeId] : [])])],
          policy: faultTolerancePolicyOf(s),
          parentWorkflowId: workflowInfo().workflowId,
        },
      ],
    });
  };
  setHandler(toleranceReviewConcludedSignal, (signal) => {
    const concluded = concludeReview(state, signal, new Date());
    if (!concluded) return;
    if (concluded.state.stage !== state.stage) upsertSearchAttributes([{ key: CaseStageKey, value: concluded.state.stage }]);
    state = concluded.state;
    void project(concluded.state, concluded.event);
  });

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
  const done = () => (aftercare ? isFinished(state) : state.stage === 'CLOSED');
  if (aftercare) {
    void keepCaseClocks({
      get: () => state,
      set: (next) => {
        if (next.stage !== state.stage) upsertSearchAttributes([{ key: CaseStageKey, value: next.stage }]);
        state = next;
      },
      project,
      ...(firingInOneActivity ? { recordFirings } : {}),
      isDone: done,
    });
  } else if (clock) void keepStageClocks();

  for (;;) {
    await condition(() => done() || workflowInfo().continueAsNewSuggested);
    await condition(allHandlersFinished);
    await projections;
    if (done()) return state;
    // Long cases start a fresh history; the state, not the events, carries over.
    await continueAsNew<CaseWorkflow>({ ...input, carriedState: state });
  }
};
