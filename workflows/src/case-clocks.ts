import { condition, patched, proxyActivities } from '@temporalio/workflow';
import type { ClockFiringsResult, DeadlineNotice, NotificationActivities } from '@dandang/activities';
import type { CaseEvent, CaseState } from '@dandang/contracts';
import { fireClockEvent, nextClockEvent, type ClockContext } from '@dandang/domain';
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
  while (!host.isDone()) {
    const state = host.get();
    const seen = state.version;
    // Cases whose history predates the patch keep their time-fraction rungs on replay.
    const workingDays = host.clock() && patched(WORKING_DAY_RUNGS) ? host.clock() : undefined;
    const due = nextClockEvent(state, workingDays);
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
    for (let next: typeof due | undefined = due; next && Date.parse(next.at) <= now.getTime(); next = nextClockEvent(host.get(), workingDays)) {
      const fired = fireClockEvent(host.get(), next, now, host.clock());
      host.set(fired.state);
      firings.push(fired);
      if (next.kind !== 'CLOSE_AFTER_DECISION') notices.push(noticeOf(fired.state, next));
      if (host.isDone()) break;
    }
    const { notificationIds, webhook } = await host.recordFirings(firings, notices);
    if (webhook && notificationIds.length) deliverWebhook({ notificationIds }).catch(() => undefined);
  }
}

type ClockEvent = NonNullable<ReturnType<typeof nextClockEvent>>;

/** Who hears of a fired rung: the item's owner for a correction item, else the case's assignee (and above). */
function noticeOf(state: CaseState, due: ClockEvent): DeadlineNotice {
  const item = due.kind === 'ITEM_RUNG' ? state.correction!.items.find((i) => i.id === due.itemId)! : undefined;
  const notice = due.kind === 'NOTICE_RUNG' ? state.reporterNotices!.find((n) => n.kind === due.notice)! : undefined;
  const deadline = item ? item.deadline! : notice ? notice.deadline : due.kind === 'APPEAL_RUNG' ? state.appeal!.deadline! : state.deadline!;
  const rung = (due as Extract<ClockEvent, { rung: unknown }>).rung;
  return {
    caseId: state.caseId,
    caseNumber: state.number,
    caseTitle: item
      ? `${state.registration.title} — 整改 ${item.id}: ${item.action}`
      : due.kind === 'APPEAL_RUNG'
        ? `${state.registration.title} — 申诉复查决定`
        : notice
          ? `${state.registration.title} — 实名举报${notice.kind === 'ACCEPTANCE' ? '受理情况告知' : '处理结果反馈'}`
          : state.registration.title,
    stage: deadline.stage,
    rungId: item ? `${item.id}:${rung.id}` : notice ? `notice-${notice.kind}:${rung.id}` : due.kind === 'APPEAL_RUNG' ? `appeal:${rung.id}` : rung.id,
    kind: rung.kind,
    dueAt: deadline.dueAt,
    clockStartedAt: deadline.startedAt,
    // The intake officer who registered the clue answers its reporter.
    assigneeId: item ? item.ownerId : notice ? state.registeredBy : state.assigneeId,
    orgUnitId: state.registration.orgUnitId,
    recusedUserIds: state.recusedUserIds,
  };
}
