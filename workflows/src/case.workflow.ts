import { allHandlersFinished, condition, continueAsNew, patched, proxyActivities, setHandler, startChild, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { CaseActivities, ClockActivities } from '@dandang/activities';
import {
  ACTION_NAMES,
  FAULT_TOLERANCE_REVIEW_WORKFLOW_TYPE,
  type ActionName,
  type ActionRequest,
  type ActionResult,
  type CaseState,
  type CaseWorkflow,
  type CaseWorkflowInput,
  type FaultToleranceReviewWorkflow,
} from '@dandang/contracts';
import { CaseStageKey, calendarPublishedSignal, caseActionUpdates, caseStateQuery, concludeToleranceReviewUpdate, registerClueUpdate, toleranceReviewConcludedSignal } from '@dandang/workflow-messages';
import {
  applyAction,
  checkAction,
  checkReviewConclusion,
  concludeReview,
  faultTolerancePolicyOf,
  isFinished,
  newCaseState,
  oweReporterNotice,
  recountStageClock,
  startStageClock,
  withNewlyPublishedYears,
  type ClockContext,
} from '@dandang/domain';
import { registerActionUpdates } from './action-updates';
import { keepCaseClocks } from './case-clocks';
import { CALENDAR_YEARS, CLOCKS_FROM_RECEIPT } from './patches';
import { refusal } from './refusal';
import { serialProjector } from './serial-projector';

const { projectCase, recordClockFirings } = proxyActivities<CaseActivities & ClockActivities>({
  startToCloseTimeout: '15 seconds',
  // A projection or notice must land eventually: retried until PostgreSQL answers again.
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

/**
 * One case, from registered clue to the end of its aftercare. Officer actions arrive as Workflow Updates: the
 * validator refuses (writing no history) whatever the domain refuses; the handler applies the action and waits until
 * PostgreSQL has it, so the API's answer is already readable. Projections are activities, scheduled once the task
 * that made the change is in the history, so PostgreSQL never holds a change the workflow did not make.
 */
export const caseWorkflow: CaseWorkflow = async (input: CaseWorkflowInput): Promise<CaseState> => {
  // Stage clocks run when the case pinned a working-day calendar. Decided once per run, new or carried over: runs
  // whose history predates counting from receipt keep clocks that count from each stage's start on replay.
  let clock: ClockContext | undefined = input.calendar
    ? { calendar: input.calendar, region: input.calendarRegion, countsFromReceipt: patched(CLOCKS_FROM_RECEIPT) }
    : undefined;
  let state: CaseState = input.carriedState ?? newCaseState(input);
  if (clock && !input.carriedState) {
    state.deadline = startStageClock(state, 'INTAKE', new Date(input.registeredAt), clock);
    // A real-name reporter is told of the acceptance within 15 WD of the receipt (when the pinned policy times it).
    oweReporterNotice(state, 'ACCEPTANCE', state.registration.receivedAt, clock);
  }
  const projector = serialProjector(projectCase, input.carriedState?.version ?? 0);
  const setState = (next: CaseState): void => {
    if (next.stage !== state.stage) upsertSearchAttributes([{ key: CaseStageKey, value: next.stage }]);
    state = next;
  };

  setHandler(caseStateQuery, () => state);
  setHandler(registerClueUpdate, async () => {
    await condition(() => projector.projectedVersion >= 1);
    return state;
  });
  registerActionUpdates<ActionName, ActionRequest, ActionResult>(caseActionUpdates, ACTION_NAMES, {
    check: (action, request) => checkAction(state, action, request, new Date()),
    apply: (action, request) => {
      const result = applyAction(state, action, request, new Date(), clock);
      setState(result.state);
      return result;
    },
    follow: async (action, request, result) => {
      if (action === 'applyFaultTolerance') await startReview(result.state, request);
      await projector.project(result.state, result.event);
    },
  });

  /** One child workflow per application; it outlives the case if need be (ABANDON) and reports back by an Update. */
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
          // The review times its steps on the case's calendar as it stands (patch review-step-clocks, in the review).
          ...(clock
            ? {
                clock: {
                  calendar: clock.calendar,
                  ...(clock.region ? { region: clock.region } : {}),
                  ...(s.policy.deadlineRules ? { deadlineRules: s.policy.deadlineRules } : {}),
                  orgUnitId: s.registration.orgUnitId,
                  ...(s.assigneeId ? { assigneeId: s.assigneeId } : {}),
                  caseTitle: s.registration.title,
                  recusedUserIds: s.recusedUserIds,
                },
              }
            : {}),
        },
      ],
    });
  };
  // Years published after the case started count for the dates it has not yet passed; its policy stays pinned.
  setHandler(calendarPublishedSignal, (published) => {
    if (!clock || !patched(CALENDAR_YEARS)) return;
    const after: ClockContext = { ...clock, calendar: withNewlyPublishedYears(clock.calendar, published) };
    if (after.calendar === clock.calendar) return;
    const recounted = recountStageClock(state, new Date(), clock, after);
    clock = after;
    if (!recounted) return;
    setState(recounted.state);
    void projector.project(recounted.state, recounted.event);
  });
  // Reviews started before the review-conclusion-update patch still signal; newer ones send the validated Update.
  setHandler(toleranceReviewConcludedSignal, (signal) => {
    const concluded = concludeReview(state, signal, new Date(), clock);
    if (!concluded) return;
    setState(concluded.state);
    void projector.project(concluded.state, concluded.event);
  });
  setHandler(
    concludeToleranceReviewUpdate,
    async (conclusion) => {
      const concluded = concludeReview(state, conclusion, new Date(), clock);
      if (!concluded) return state.version; // the same conclusion again: already taken
      setState(concluded.state);
      await projector.project(concluded.state, concluded.event);
      return concluded.state.version;
    },
    {
      validator: (conclusion) => {
        try {
          checkReviewConclusion(state, conclusion);
        } catch (e) {
          refusal(e);
        }
      },
    },
  );

  if (!input.carriedState) {
    const actor = input.registeredBy;
    await projector.project(state, {
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

  void keepCaseClocks({
    get: () => state,
    set: setState,
    recordFirings: (firings, notices) =>
      projector.write(
        firings.map((f) => f.event.version),
        () => recordClockFirings({ firings, notices }),
      ),
    isDone: () => isFinished(state),
    clock: () => clock,
  });

  for (;;) {
    await condition(() => isFinished(state) || workflowInfo().continueAsNewSuggested);
    await condition(allHandlersFinished);
    await projector.settled();
    if (isFinished(state)) return state;
    // Long cases start a fresh history; the state, not the events, carries over.
    await continueAsNew<CaseWorkflow>({ ...input, ...(clock ? { calendar: clock.calendar } : {}), carriedState: state });
  }
};
