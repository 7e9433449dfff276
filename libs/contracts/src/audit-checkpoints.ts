/** The workflow that writes one signed checkpoint of every audit chain's head; a Temporal Schedule starts it. */
export const AUDIT_CHECKPOINT_WORKFLOW_TYPE = 'auditCheckpointWorkflow';

/** One schedule per task queue, so that workers of several deployments (or test files) on one cluster never share it. */
export const auditCheckpointScheduleId = (taskQueue: string): string => `audit-checkpoints-${taskQueue}`;

/** What one checkpoint run wrote. */
export interface AuditCheckpointResult {
  id: number;
  /** FULL stores every head; DELTA those that advanced since the checkpoint before. */
  kind: 'FULL' | 'DELTA';
  streams: number;
  advanced: number;
  /** Streams that stand behind what an earlier checkpoint attested (the checkpoint keeps the attested head). */
  anomalies: string[];
}

export type AuditCheckpointWorkflow = () => Promise<AuditCheckpointResult>;
