import { DEFAULT_FAULT_TOLERANCE_POLICY, DEFAULT_POLICY } from '@dandang/domain';
import type { PinnedPolicy } from '@dandang/contracts';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An installation upgraded from before the two procedures keeps publishing its own policy, whose cases would keep the
 * single approval of the report. This publishes the latest policy again with what the procedures need and the
 * locality had no way to set — who decides what, the clocks of 审理, the collective decision, the statement, the
 * announcement, the measures and the exemption's aftercare, the care visits, the effects of each form — under the same
 * version with `-procedures`. Every limit the locality set stays as it was; a new database (whose first policy is
 * today's default) is left alone. Cases already running keep the policy they pinned.
 */
export class ProcedurePolicy1766131200000 implements MigrationInterface {
  name = 'ProcedurePolicy1766131200000';

  async up(q: QueryRunner): Promise<void> {
    const [latest] = (await q.query('SELECT version, data FROM policies ORDER BY published_at DESC LIMIT 1')) as { version: string; data: PinnedPolicy }[];
    if (!latest || latest.data.decisionPolicy) return;
    const policy = withProcedures(latest.data);
    await q.query('INSERT INTO policies (version, data) VALUES ($1, $2) ON CONFLICT (version) DO NOTHING', [policy.version, JSON.stringify(policy)]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM policies WHERE version LIKE '%-procedures'`);
  }
}

/** The policy with the procedures' rules and clocks added where it has none (its own limits win). */
export function withProcedures(policy: PinnedPolicy): PinnedPolicy {
  return {
    ...policy,
    // Within the 40 characters a published version may have.
    version: `${policy.version.slice(0, 29)}-procedures`,
    stageLimits: { ...pick(DEFAULT_POLICY.stageLimits, ['TRIAL', 'DELIBERATION']), ...policy.stageLimits },
    stepLimits: { ...pick(DEFAULT_POLICY.stepLimits ?? {}, ['STATEMENT', 'ANNOUNCEMENT', 'MEASURE_EXECUTION', 'EXEMPTION_NOTICE', 'FOLLOW_UP_VISIT']), ...policy.stepLimits },
    maxExtensions: { ...pick(DEFAULT_POLICY.maxExtensions ?? {}, ['TRIAL']), ...policy.maxExtensions },
    decisionPolicy: DEFAULT_POLICY.decisionPolicy,
    careVisitMonths: policy.careVisitMonths ?? DEFAULT_POLICY.careVisitMonths,
    // A locality's own fault-tolerance section gets the review steps' clocks and verification's extension too.
    ...(policy.faultTolerance
      ? {
          faultTolerance: {
            ...policy.faultTolerance,
            stepLimits: policy.faultTolerance.stepLimits ?? DEFAULT_FAULT_TOLERANCE_POLICY.stepLimits,
            verifyExtension: policy.faultTolerance.verifyExtension ?? DEFAULT_FAULT_TOLERANCE_POLICY.verifyExtension,
          },
        }
      : {}),
  };
}

function pick<K extends string, V>(from: Partial<Record<K, V>>, keys: K[]): Partial<Record<K, V>> {
  return Object.fromEntries(keys.filter((k) => from[k] !== undefined).map((k) => [k, from[k]])) as Partial<Record<K, V>>;
}
