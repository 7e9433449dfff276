import { proxyActivities } from '@temporalio/workflow';
import type { AuditCheckpointActivities } from '@dandang/activities';
import type { AuditCheckpointResult, AuditCheckpointWorkflow } from '@dandang/contracts';

const { writeAuditCheckpoint } = proxyActivities<AuditCheckpointActivities>({
  // Reading every head of a large trail takes a while; a stuck attempt is retried, the next run of the schedule waits.
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 10 },
});

/** One signed checkpoint of every audit chain's head, started by the audit-checkpoint Schedule. */
export const auditCheckpointWorkflow: AuditCheckpointWorkflow = async (): Promise<AuditCheckpointResult> => writeAuditCheckpoint();
