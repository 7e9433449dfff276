import { Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy, type ConnectionLike, type ScheduleOptionsStartWorkflowAction } from '@temporalio/client';
import type { housekeeping, HousekeepingInput } from '@dandang/workflows';
import { sealedDataConverter, type MasterKeys } from '@dandang/sealing';

export interface HousekeepingScheduleOptions {
  connection: ConnectionLike;
  namespace: string;
  taskQueue: string;
  masterKeys: MasterKeys;
  /** HOUSEKEEPING_* settings: they travel in the schedule's action, so a worker started with new ones updates it. */
  retention: HousekeepingInput['retention'];
}

/** One per task queue, as tests share a namespace. */
export const housekeepingScheduleId = (taskQueue: string) => `housekeeping-${taskQueue}`;

/** Daily at 03:00 China Standard Time (19:00 UTC; no daylight saving time), after the retention run at 02:00. */
const SPEC = { calendars: [{ hour: 19, minute: 0 }] };

/**
 * The Temporal Schedule that purges expired operational rows. Made when a worker starts: created if missing,
 * otherwise brought to this worker's task queue and settings, so starting many workers is harmless.
 */
export async function ensureHousekeepingSchedule(options: HousekeepingScheduleOptions): Promise<string> {
  const scheduleId = housekeepingScheduleId(options.taskQueue);
  const client = new Client({ connection: options.connection, namespace: options.namespace, dataConverter: sealedDataConverter(options.masterKeys) });
  const action: ScheduleOptionsStartWorkflowAction<typeof housekeeping> = {
    type: 'startWorkflow',
    workflowType: 'housekeeping',
    workflowId: `${scheduleId}-run`,
    taskQueue: options.taskQueue,
    args: [{ retention: options.retention }],
  };
  try {
    await client.schedule.create({
      scheduleId,
      spec: SPEC,
      action,
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
      memo: { purpose: '过期操作数据清理 (purge expired idempotency keys, login failures, sessions, read notifications)' },
    });
  } catch (e) {
    if (!(e instanceof ScheduleAlreadyRunning)) throw e;
    await client.schedule.getHandle(scheduleId).update((previous) => ({ ...previous, spec: SPEC, action }));
  }
  return scheduleId;
}
