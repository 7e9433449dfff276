import type { housekeeping, HousekeepingInput } from '@dandang/workflows';
import { upsertWorkerSchedule, type WorkerScheduleTarget } from './worker-schedule';

export interface HousekeepingScheduleOptions extends WorkerScheduleTarget {
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
export function ensureHousekeepingSchedule(options: HousekeepingScheduleOptions): Promise<string> {
  return upsertWorkerSchedule<typeof housekeeping>(options, {
    scheduleId: housekeepingScheduleId(options.taskQueue),
    spec: SPEC,
    workflowType: 'housekeeping',
    args: [{ retention: options.retention }],
    catchupWindow: '1 day',
    purpose: '过期操作数据清理 (purge expired idempotency keys, login failures, sessions, read notifications)',
  });
}
