import {
  Client,
  ScheduleAlreadyRunning,
  ScheduleOverlapPolicy,
  type ConnectionLike,
  type ScheduleOptionsStartWorkflowAction,
  type ScheduleSpec,
  type Workflow,
} from '@temporalio/client';
import type { Duration } from '@temporalio/common';
import { sealedDataConverter, type MasterKeys } from '@dandang/sealing';

/** Where a worker's schedules live and whose data converter their arguments go through. */
export interface WorkerScheduleTarget {
  connection: ConnectionLike;
  namespace: string;
  taskQueue: string;
  masterKeys: MasterKeys;
}

export interface WorkerSchedule<W extends Workflow> {
  scheduleId: string;
  spec: ScheduleSpec;
  workflowType: string;
  args: ScheduleOptionsStartWorkflowAction<W>['args'];
  /** How late a missed run may still be made up. */
  catchupWindow: Duration;
  /** What the schedule is for, in the Temporal UI. */
  purpose: string;
  /** Run once on creation (not on an update). */
  triggerImmediately?: boolean;
}

/**
 * Creates the schedule if missing, otherwise brings it to this worker's task queue, timing and arguments, so starting
 * many workers is harmless. Overlapping runs are skipped.
 */
export async function upsertWorkerSchedule<W extends Workflow>(target: WorkerScheduleTarget, schedule: WorkerSchedule<W>): Promise<string> {
  const client = new Client({ connection: target.connection, namespace: target.namespace, dataConverter: sealedDataConverter(target.masterKeys) });
  const action = {
    type: 'startWorkflow',
    workflowType: schedule.workflowType,
    workflowId: `${schedule.scheduleId}-run`,
    taskQueue: target.taskQueue,
    args: schedule.args,
  } as ScheduleOptionsStartWorkflowAction<W>;
  try {
    await client.schedule.create({
      scheduleId: schedule.scheduleId,
      spec: schedule.spec,
      action,
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: schedule.catchupWindow },
      ...(schedule.triggerImmediately ? { state: { triggerImmediately: true } } : {}),
      memo: { purpose: schedule.purpose },
    });
  } catch (e) {
    if (!(e instanceof ScheduleAlreadyRunning)) throw e;
    await client.schedule.getHandle(schedule.scheduleId).update((previous) => ({ ...previous, spec: schedule.spec, action }));
  }
  return schedule.scheduleId;
}
