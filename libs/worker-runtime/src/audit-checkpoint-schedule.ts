import { Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy, type ConnectionLike, type ScheduleOptionsStartWorkflowAction, type ScheduleSpec } from '@temporalio/client';
import { AUDIT_CHECKPOINT_WORKFLOW_TYPE, auditCheckpointScheduleId } from '@dandang/contracts';
import type { auditCheckpointWorkflow } from '@dandang/workflows';
import { sealedDataConverter, type MasterKeys } from '@dandang/sealing';

export interface AuditCheckpointScheduleOptions {
  connection: ConnectionLike;
  namespace: string;
  taskQueue: string;
  masterKeys: MasterKeys;
  /** How often the chain heads are checkpointed (AUDIT_CHECKPOINT_INTERVAL_SECONDS). */
  intervalSeconds: number;
}

/**
 * The Temporal Schedule that checkpoints every audit chain's head. Made when a worker starts: created if missing (and
 * run at once, so a new installation has a checkpoint from its first minute), otherwise brought to this worker's
 * interval, so starting many workers is harmless. Overlapping runs are skipped: one checkpoint at a time.
 */
export async function ensureAuditCheckpointSchedule(options: AuditCheckpointScheduleOptions): Promise<string> {
  const scheduleId = auditCheckpointScheduleId(options.taskQueue);
  const client = new Client({ connection: options.connection, namespace: options.namespace, dataConverter: sealedDataConverter(options.masterKeys) });
  const spec: ScheduleSpec = { intervals: [{ every: options.intervalSeconds * 1000 }] };
  const action: ScheduleOptionsStartWorkflowAction<typeof auditCheckpointWorkflow> = {
    type: 'startWorkflow',
    workflowType: AUDIT_CHECKPOINT_WORKFLOW_TYPE,
    workflowId: `${scheduleId}-run`,
    taskQueue: options.taskQueue,
    args: [],
  };
  try {
    await client.schedule.create({
      scheduleId,
      spec,
      action,
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 hour' },
      state: { triggerImmediately: true },
      memo: { purpose: '审计链头签名检查点 (signed checkpoints of the audit chain heads)' },
    });
  } catch (e) {
    if (!(e instanceof ScheduleAlreadyRunning)) throw e;
    await client.schedule.getHandle(scheduleId).update((previous) => ({ ...previous, spec, action }));
  }
  return scheduleId;
}
