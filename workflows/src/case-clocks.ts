import { condition, patched, proxyActivities } from '@temporalio/workflow';
import type { ClockFiringsResult, DeadlineNotice, NotificationActivities } from '@dandang/activities';
import type { CaseEvent, CaseState } from '@dandang/contracts';
import { fireClockEvent, nextClockEvent, runningStepClocks, stepClockTitle, type ClockContext } from '@dandang/domain';
import { WORKING_DAY_RUNGS } from './patches';

const { deliverWebhook } = proxyActivities<NotificationActivities>({
  startToCloseTimeout: '15 seconds',
  // A webhook outage must not hold up the clock: delivery is retried for about a day, then left in the outbox.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '2 hours', maximumAttempts: 20 },
});

export interface CaseClockHost {
  get(): CaseState;
  set(next: CaseState): void;
  /** Records a firing's rungs (in version order) and their notices in one activity, in turn with the projections. */
  recordFirings(firings: { state: CaseState; event: CaseEvent }[], notices: DeadlineNotice[]): Promise<ClockFiringsResult>;
  isDone(): boolean;
  /** The case's calendar as it stands (it takes newly published years), if it pinned one. */
  clock(): ClockContext | undefined;
}

/**
 * Every clock of a case: the stage clock, each open correction item's clock on the same ladder, and the appeal
 * window. Whatever falls due first fires, unless an action changed the case first. A firing is one activity
 * (its rungs, then their notices); the webhook delivery follows only when a webhook is configured.
 */
export async function keepCaseClocks(host: CaseClockHost): Promise<void> {
  await keepClocks<CaseState, ClockEvent>({
    get: host.get,
    set: host.set,
    isDone: host.isDone,
    round: () => {
      // Cases whose history predates the patch keep their time-fraction rungs on replay.
      const workingDays = host.clock() && patched(WORKING_DAY_RUNGS) ? host.clock() : undefined;
      return (state) => nextClockEvent(state, workingDays);
    },
    fire: (state, due, now) => {
      const fired = fireClockEvent(state, due, now, host.clock());
      return { ...fired, notice: due.kind !== 'CLOSE_AFTER_DECISION' ? noticeOf(fired.state, due) : undefined };
    },
    record: host.recordFirings,
  });
}

/** What a clock loop needs of the workflow that keeps it (a case, or a fault-tolerance review). */
export interface ClockLoopHost<S extends { version: number }, E extends { at: string }> {
  get(): S;
  set(next: S): void;
  isDone(): boolean;
  /** How this round finds the next event due (decided once per round, as a patch check must be). */
  round(): (state: S) => E | undefined;
  /** The event fired: the new state, its event, and who is told (none for an event that tells nobody). */
  fire(state: S, due: E, now: Date): { state: S; event: CaseEvent; notice?: DeadlineNotice };
  /** Records a firing's events (in version order) and their notices in one activity, in turn with the projections. */
  record(firings: { state: S; event: CaseEvent }[], notices: DeadlineNotice[]): Promise<ClockFiringsResult>;
}

/**
 * The clock loop of a workflow: whatever falls due first fires, unless something changed the state first (its
 * version moved). Everything due by now fires at once, in order, before any notice goes out: rungs that share a time
 * (the 80 % reminder and the yellow card) are not held up by one another's I/O.
 */
export async function keepClocks<S extends { version: number }, E extends { at: string }>(host: ClockLoopHost<S, E>): Promise<void> {
  while (!host.isDone()) {
    const seen = host.get().version;
    const nextDue = host.round();
    const due = nextDue(host.get());
    const changed = () => host.get().version !== seen || host.isDone();
    if (!due) {
      await condition(changed);
      continue;
    }
    const wait = Date.parse(due.at) - Date.now();
    if (wait > 0 && (await condition(changed, wait))) continue;
    const now = new Date();
    const notices: DeadlineNotice[] = [];
    const firings: { state: S; event: CaseEvent }[] = [];
    for (let next: E | undefined = due; next && Date.parse(next.at) <= now.getTime(); next = nextDue(host.get())) {
      const { notice, ...fired } = host.fire(host.get(), next, now);
      host.set(fired.state);
      firings.push(fired);
      if (notice) notices.push(notice);
      if (host.isDone()) break;
    }
    const { notificationIds, webhook } = await host.record(firings, notices);
    if (webhook && notificationIds.length) deliverWebhook({ notificationIds }).catch(() => undefined);
  }
}

type ClockEvent = NonNullable<ReturnType<typeof nextClockEvent>>;

/** Who hears of a fired rung: the item's owner for a correction item, a step clock's owner, else the case's assignee (and above). */
function noticeOf(state: CaseState, due: ClockEvent): DeadlineNotice {
  const item = due.kind === 'ITEM_RUNG' ? state.correction!.items.find((i) => i.id === due.itemId)! : undefined;
  const step = due.kind === 'STEP_RUNG' ? runningStepClocks(state).find((c) => c.key === due.clock) : undefined;
  const rung = (due as Extract<ClockEvent, { rung: unknown }>).rung;
  // A step's rung fired: its clock has moved on, so it is read from the case as it is now.
  const deadline = item ? item.deadline! : step ? step.deadline : state.deadline!;
  return {
    caseId: state.caseId,
    caseNumber: state.number,
    caseTitle: item ? `${state.registration.title} — 整改 ${item.id}: ${item.action}` : step ? stepClockTitle(state, step.deadline) : state.registration.title,
    stage: deadline.stage,
    rungId: item ? `${item.id}:${rung.id}` : step ? `${step.key}:${rung.id}` : rung.id,
    kind: rung.kind,
    dueAt: deadline.dueAt,
    clockStartedAt: deadline.startedAt,
    assigneeId: item ? item.ownerId : step ? step.ownerId : state.assigneeId,
    orgUnitId: state.registration.orgUnitId,
    recusedUserIds: state.recusedUserIds,
  };
}
