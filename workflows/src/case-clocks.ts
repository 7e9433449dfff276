import { condition, proxyActivities } from '@temporalio/workflow';
import type { CaseActivities, NotificationActivities } from '@dandang/activities';
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
    const fired = fireClockEvent(state, due, new Date());
    host.set(fired.state);
    const projected = host.project(fired.state, fired.event);
    if (due.kind !== 'CLOSE_AFTER_DECISION') {
      const item = due.kind === 'ITEM_RUNG' ? fired.state.correction!.items.find((i) => i.id === due.itemId)! : undefined;
      const deadline = item ? item.deadline! : fired.state.deadline!;
      const ids = await notifyDeadline({
        caseId: state.caseId,
        caseNumber: state.number,
        caseTitle: item ? `${state.registration.title} — 整改 ${item.id}: ${item.action}` : state.registration.title,
        stage: deadline.stage,
        rungId: item ? `${item.id}:${due.rung.id}` : due.rung.id,
        kind: due.rung.kind,
        dueAt: deadline.dueAt,
        clockStartedAt: deadline.startedAt,
        assigneeId: item ? item.ownerId : state.assigneeId,
        orgUnitId: state.registration.orgUnitId,
      });
      await projected;
      deliverWebhook({ notificationIds: ids }).catch(() => undefined);
    } else {
      await projected;
    }
  }
}
