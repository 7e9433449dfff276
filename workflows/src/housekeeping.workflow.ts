import { proxyActivities } from '@temporalio/workflow';
import type { HousekeepingActivities, PurgeExpiredRowsResult } from '@dandang/activities';

const { purgeExpiredRows } = proxyActivities<HousekeepingActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

export interface HousekeepingInput {
  /** Days each kind of row is kept (HOUSEKEEPING_* settings, put into the schedule's action by the worker). */
  retention: { idempotencyKeyDays: number; loginFailureDays: number; sessionDays: number; readNotificationDays: number };
  /** Rows of each kind deleted per activity (default 5,000). */
  batchSize?: number;
}

export type HousekeepingResult = Omit<PurgeExpiredRowsResult, 'more'>;

/** Batches per run: a larger backlog is carried on by the next scheduled run. */
const MAX_BATCHES = 100;

/** One run of the housekeeping schedule (libs/worker-runtime/src/housekeeping-schedule.ts), as of the run's start. */
export async function housekeeping(input: HousekeepingInput): Promise<HousekeepingResult> {
  const now = new Date().toISOString();
  const total: HousekeepingResult = { idempotencyKeys: 0, loginFailures: 0, sessions: 0, readNotifications: 0 };
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const { more, ...purged } = await purgeExpiredRows({ now, retention: input.retention, limit: input.batchSize ?? 5_000 });
    for (const key of Object.keys(total) as (keyof HousekeepingResult)[]) total[key] += purged[key];
    if (!more) break;
  }
  return total;
}
