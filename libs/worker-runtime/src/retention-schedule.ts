import type { reporterIdentityRetention } from '@dandang/workflows';
import { upsertWorkerSchedule, type WorkerScheduleTarget } from './worker-schedule';

export const RETENTION_SCHEDULE_ID = 'reporter-identity-retention';

export interface RetentionScheduleOptions extends WorkerScheduleTarget {
  /** Another id than the default (tests, which share a namespace). */
  scheduleId?: string;
}

/**
 * Once a day at 02:00 China Standard Time (18:00 UTC: China has no daylight saving time, and a UTC spec needs no time
 * zone data on the Temporal server), when nobody works on cases; a missed run is caught up within a day.
 */
const SPEC = { calendars: [{ hour: 18, minute: 0 }] };

/**
 * The Temporal Schedule that runs the reporter-identity retention (保存期限) every day. Made when a worker starts:
 * created if missing, otherwise brought to this worker's task queue and timing, so starting many workers is harmless.
 */
export function ensureRetentionSchedule(options: RetentionScheduleOptions): Promise<string> {
  return upsertWorkerSchedule<typeof reporterIdentityRetention>(options, {
    scheduleId: options.scheduleId ?? RETENTION_SCHEDULE_ID,
    spec: SPEC,
    workflowType: 'reporterIdentityRetention',
    args: [{}],
    catchupWindow: '1 day',
    purpose: '举报人身份保存期满删除 (erase reporter identities past their retention)',
  });
}
