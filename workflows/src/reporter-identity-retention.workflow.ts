import { proxyActivities } from '@temporalio/workflow';
import type { RetentionActivities } from '@dandang/activities';

const { eraseExpiredReporterIdentities } = proxyActivities<RetentionActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

export interface ReporterIdentityRetentionInput {
  /** Identities erased per activity (default 500). */
  batchSize?: number;
}

export interface ReporterIdentityRetentionResult {
  erased: number;
}

/** Batches per run: a backlog larger than this is carried on by the next scheduled run. */
const MAX_BATCHES = 200;

/**
 * 举报人身份保存期满删除: one run of the retention schedule (libs/worker-runtime/src/retention-schedule.ts) erases
 * the reporter identities whose retention has run, as of the run's start.
 */
export async function reporterIdentityRetention(input: ReporterIdentityRetentionInput = {}): Promise<ReporterIdentityRetentionResult> {
  const now = new Date().toISOString();
  let erased = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch++) {
    const result = await eraseExpiredReporterIdentities({ now, limit: input.batchSize ?? 500 });
    erased += result.erased;
    if (!result.more) break;
  }
  return { erased };
}
