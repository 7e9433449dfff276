import { reporterIdentityClosedBefore, reporterIdentityErasableAt, reporterIdentityRetentionYears } from '@dandang/domain';
import type { ReferenceDataRepository, ReporterRetentionRepository, SecurityEventRepository } from '@dandang/persistence';

export interface RetentionActivityDeps {
  retention: ReporterRetentionRepository;
  referenceData: ReferenceDataRepository;
  securityEvents: SecurityEventRepository;
}

export interface ReporterErasureInput {
  /** The moment the run counts from (the schedule's time), ISO. */
  now: string;
  /** The most identities one call erases, so a backlog is worked through in bounded activities. */
  limit: number;
}

export interface ReporterErasureResult {
  erased: number;
  /** True when the limit was reached: the workflow calls again. */
  more: boolean;
}

/**
 * 保存期限: erases (crypto-shreds) the reporter identities of cases closed longer ago than the retention policy of
 * the newest published policy keeps them, and records each erasure in the security-event log. The newest policy,
 * not the one a case pinned: how long personal data is kept is decided now, for all the data held now. Idempotent.
 */
export function createRetentionActivities(deps: RetentionActivityDeps) {
  return {
    async eraseExpiredReporterIdentities(input: ReporterErasureInput): Promise<ReporterErasureResult> {
      const now = new Date(input.now);
      const policy = await deps.referenceData.latestPolicy();
      const closedBefore = reporterIdentityClosedBefore(now, policy);
      const candidates = await deps.retention.retained(closedBefore, input.limit);
      let erased = 0;
      for (const candidate of candidates) {
        if (reporterIdentityErasableAt(candidate.closedAt, policy) > now) continue; // the query's bound is the rule's inverse
        const erasure = {
          caseId: candidate.caseId,
          caseClosedAt: candidate.closedAt,
          retentionYears: reporterIdentityRetentionYears(policy),
          policyVersion: policy.version,
        };
        if (await deps.retention.erase(erasure, closedBefore, new Date())) erased++;
      }
      while ((await deps.retention.logErasures(deps.securityEvents)) > 0);
      return { erased, more: candidates.length === input.limit };
    },
  };
}

export type RetentionActivities = ReturnType<typeof createRetentionActivities>;
