import { Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy, type ConnectionLike, type ScheduleOptionsStartWorkflowAction } from '@temporalio/client';
import type { reporterIdentityRetention } from '@dandang/workflows';
import { sealedDataConverter, type MasterKeys } from '@dandang/sealing';

export const RETENTION_SCHEDULE_ID = 'reporter-identity-retention';

export interface RetentionScheduleOptions {
  connection: ConnectionLike;
  namespace: string;
  taskQueue: string;
  masterKeys: MasterKeys;
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
export async function ensureRetentionSchedule(options: RetentionScheduleOptions): Promise<string> {
  const scheduleId = options.scheduleId ?? RETENTION_SCHEDULE_ID;
  const client = new Client({ connection: options.connection, namespace: options.namespace, dataConverter: sealedDataConverter(options.masterKeys) });
  const action: ScheduleOptionsStartWorkflowAction<typeof reporterIdentityRetention> = {
    type: 'startWorkflow',
    workflowType: 'reporterIdentityRetention',
    workflowId: `${scheduleId}-run`,
    taskQueue: options.taskQueue,
    args: [{}],
  };
  try {
    await client.schedule.create({
      scheduleId,
      spec: SPEC,
      action,
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
      memo: { purpose: '举报人身份保存期满删除 (erase reporter identities past their retention)' },
    });
  } catch (e) {
    if (!(e instanceof ScheduleAlreadyRunning)) throw e;
    await client.schedule.getHandle(scheduleId).update((previous) => ({ ...previous, spec: SPEC, action }));
  }
  return scheduleId;
}
