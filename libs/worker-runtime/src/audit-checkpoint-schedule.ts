import { AUDIT_CHECKPOINT_WORKFLOW_TYPE, auditCheckpointScheduleId } from '@dandang/contracts';
import type { auditCheckpointWorkflow } from '@dandang/workflows';
import { upsertWorkerSchedule, type WorkerScheduleTarget } from './worker-schedule';

export interface AuditCheckpointScheduleOptions extends WorkerScheduleTarget {
  /** How often the chain heads are checkpointed (AUDIT_CHECKPOINT_INTERVAL_SECONDS). */
  intervalSeconds: number;
}

/**
 * The Temporal Schedule that checkpoints every audit chain's head. Made when a worker starts: created if missing (and
 * run at once, so a new installation has a checkpoint from its first minute), otherwise brought to this worker's
 * interval, so starting many workers is harmless. Overlapping runs are skipped: one checkpoint at a time.
 */
export function ensureAuditCheckpointSchedule(options: AuditCheckpointScheduleOptions): Promise<string> {
  return upsertWorkerSchedule<typeof auditCheckpointWorkflow>(options, {
    scheduleId: auditCheckpointScheduleId(options.taskQueue),
    spec: { intervals: [{ every: options.intervalSeconds * 1000 }] },
    workflowType: AUDIT_CHECKPOINT_WORKFLOW_TYPE,
    args: [],
    catchupWindow: '1 hour',
    triggerImmediately: true,
    purpose: '审计链头签名检查点 (signed checkpoints of the audit chain heads)',
  });
}
