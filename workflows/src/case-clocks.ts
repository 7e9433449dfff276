import { condition, proxyActivities } from '@temporalio/workflow';
import type { CaseActivities, ClockFiringsResult, DeadlineNotice, NotificationActivities } from '@dandang/activities';
import type { CaseEvent, CaseState } from '@dandang/contracts';
import { fireClockEvent, nextClockEvent } from '@dandang/domain';

const { deliverWebhook } = proxyActivities<NotificationActivities>({
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '2 hours', maximumAttempts: 20 },
});
const { notifyDeadline } = proxyActivities<CaseActivities & NotificationActivities>({
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

export interface CaseClockHost {
  get(): CaseState;
  set(next: CaseState): void;
  project(state: CaseState, event: CaseEvent): Promise<void>;
  /** Present from patch clock-firing-activity-v1 (and in runs of local-projection-v1): a firing's rungs and notices in one activity. */
  recordFirings?(firings: { state: CaseState; event: CaseEvent }[], notices: DeadlineNotice[]): Promise<ClockFiringsResult>;
  isDone(): boolean;
}

/**
 * Every clock of a case (patch aftercare-v1): the stage clock, each open correction item's clock on the same
 * ladder, and the appeal window. Whatever falls due first fires, unless an action changed the case first.
 */
export async function keepCaseClocks(host: CaseClockHost): Promise<void> {
  while (!host.isDone()) {
    const state = host.get();
    const seen = state.version;
    const due = nextClockEvent(state);
    const changed = () => host.get().version !== seen || host.isDone();
    if (!due) {
      await condition(changed);
      continue;
    }
    const wait = Date.parse(due.at) - Date.now();
    if (wait > 0 && (await condition(changed, wait))) continue;
    // Everything due by now fires at once, in order, before any notice goes out: rungs that share a time (the
    // 80 % reminder and the yellow card) are not held up by one another's I/O.
    const now = new Date();
    const notices: DeadlineNotice[] = [];
    const firings: { state: CaseState; event: CaseEvent }[] = [];
    let projected: Promise<void> = Promise.resolve();
    for (let next: typeof due | undefined = due; next && Date.parse(next.at) <= now.getTime(); next = nextClockEvent(host.get())) {
      const fired = fireClockEvent(host.get(), next, now);
      host.set(fired.state);
      if (host.recordFirings) firings.push(fired);
      else projected = host.project(fired.state, fired.event);
      if (next.kind !== 'CLOSE_AFTER_DECISION') notices.push(noticeOf(fired.state, next));
      if (host.isDone()) break;
    }
    if (host.recordFirings) {
      const { notificationIds, webhook } = await host.recordFirings(firings, notices);
      if (webhook && notificationIds.length) deliverWebhook({ notificationIds }).catch(() => undefined);
      continue;
    }
    const ids = (await Promise.all(notices.map((notice) => notifyDeadline(notice)))).flat();
    await projected;
    if (ids.length) deliverWebhook({ notificationIds: ids }).catch(() => undefined);
  }
}

type ClockEvent = NonNullable<ReturnType<typeof nextClockEvent>>;

/** Who hears of a fired rung: the item's owner for a correction item, else the case's assignee (and above). */
function noticeOf(state: CaseState, due: ClockEvent): DeadlineNotice {
  const item = due.kind === 'ITEM_RUNG' ? state.correction!.items.find((i) => i.id === due.itemId)! : undefined;
  const deadline = item ? item.deadline! : state.deadline!;
  const rung = (due as Extract<ClockEvent, { rung: unknown }>).rung;
  return {
    caseId: state.caseId,
    caseNumber: state.number,
    caseTitle: item ? `${state.registration.title} — 整改 ${item.id}: ${item.action}` : state.registration.title,
    stage: deadline.stage,
    rungId: item ? `${item.id}:${rung.id}` : rung.id,
    kind: rung.kind,
    dueAt: deadline.dueAt,
    clockStartedAt: deadline.startedAt,
    assigneeId: item ? item.ownerId : state.assigneeId,
    orgUnitId: state.registration.orgUnitId,
  };
}
