import type { PinnedPolicy } from '@dandang/contracts';
import { DEFAULT_POLICY, policyProblems } from '@dandang/domain';
import { inTransaction, useTestDataSource } from '@dandang/testing';
import { ReferenceDataRepository } from '../repositories/reference-data.repository';
import { ProcedurePolicy1766131200000 } from './1766131200000-procedure-policy';

/** Upgrading a database whose latest policy was published before the two procedures existed. */
describe('migration ProcedurePolicy1766131200000', () => {
  // As the owner role, which runs migrations.
  const db = useTestDataSource(2, 'owner');
  const migration = new ProcedurePolicy1766131200000();

  /** A locality's policy as an older version published it: its own limits, no decision rules, no procedures' clocks. */
  const locality: PinnedPolicy = {
    version: 'county-2025.9',
    stageLimits: {
      INTAKE: { amount: 3, unit: 'WORKING_DAY' },
      DISPOSITION: { amount: 1, unit: 'MONTH' },
      INQUIRY: { amount: 15, unit: 'WORKING_DAY' },
      VERIFICATION: { amount: 2, unit: 'MONTH' },
      INVESTIGATION: { amount: 2, unit: 'MONTH' },
      DECIDED: { amount: 5, unit: 'WORKING_DAY' },
      SHELVED: { amount: 3, unit: 'MONTH' },
    },
    stepLimits: { APPEAL_DECISION: { amount: 20, unit: 'WORKING_DAY' }, INQUIRY_REPLY: { amount: 15, unit: 'WORKING_DAY' } },
    deadlineRules: { reminderPoints: [0.5], yellowCardAt: 0.9, escalateAfter: 0.1 },
    maxExtensions: { INTAKE: 0, VERIFICATION: 1, INVESTIGATION: 1, DECIDED: 5 },
  };

  const policies = (): Promise<{ version: string; data: PinnedPolicy }[]> => db.dataSource.query('SELECT version, data FROM policies ORDER BY version');

  /** The migration's up() in its own transaction, as the migration runner gives it. */
  const up = () => inTransaction(db.dataSource, (q) => migration.up(q));

  it('leaves a new database alone: its latest policy (today’s default) has the procedures already', async () => {
    const before = await policies();
    expect((await new ReferenceDataRepository(db.dataSource).latestPolicy()).decisionPolicy).toEqual(DEFAULT_POLICY.decisionPolicy);

    await up();

    expect(await policies()).toEqual(before);
  });

  it('publishes the locality’s latest policy again as <version>-procedures, with the procedures’ rules and clocks and its own limits', async () => {
    // Published by the locality after the seed's policy, so it is the latest, as on an installation being upgraded.
    await db.dataSource.query(`INSERT INTO policies (version, data, published_at) VALUES ($1, $2, now() - interval '1 day')`, [locality.version, JSON.stringify(locality)]);
    const before = await policies();

    await up();

    const after = await policies();
    expect(after.map((p) => p.version)).toEqual([...before.map((p) => p.version), 'county-2025.9-procedures'].sort());
    // The locality's own row is untouched: cases that pinned it keep it.
    expect(after.find((p) => p.version === locality.version)!.data).toEqual(locality);
    // New cases pin the upgraded policy.
    const latest = await new ReferenceDataRepository(db.dataSource).latestPolicy();
    expect(latest.version).toBe('county-2025.9-procedures');
    expect(latest).toEqual({
      version: 'county-2025.9-procedures',
      stageLimits: { ...locality.stageLimits, TRIAL: DEFAULT_POLICY.stageLimits.TRIAL, DELIBERATION: DEFAULT_POLICY.stageLimits.DELIBERATION },
      stepLimits: {
        ...locality.stepLimits,
        STATEMENT: DEFAULT_POLICY.stepLimits!.STATEMENT,
        ANNOUNCEMENT: DEFAULT_POLICY.stepLimits!.ANNOUNCEMENT,
        MEASURE_EXECUTION: DEFAULT_POLICY.stepLimits!.MEASURE_EXECUTION,
        EXEMPTION_NOTICE: DEFAULT_POLICY.stepLimits!.EXEMPTION_NOTICE,
        FOLLOW_UP_VISIT: DEFAULT_POLICY.stepLimits!.FOLLOW_UP_VISIT,
      },
      deadlineRules: locality.deadlineRules,
      maxExtensions: { ...locality.maxExtensions, TRIAL: DEFAULT_POLICY.maxExtensions!.TRIAL },
      decisionPolicy: DEFAULT_POLICY.decisionPolicy,
      careVisitMonths: DEFAULT_POLICY.careVisitMonths,
    });
    // The locality's limits win over the defaults where both have one.
    expect(latest.stageLimits.INVESTIGATION).toEqual({ amount: 2, unit: 'MONTH' });
    expect(latest.stepLimits!.APPEAL_DECISION).toEqual({ amount: 20, unit: 'WORKING_DAY' });
    // What the administration's publication would accept.
    expect(policyProblems(latest)).toEqual([]);
  });

  it('publishes nothing more when run again: the latest policy has the procedures now', async () => {
    const before = await policies();

    await up();

    expect(await policies()).toEqual(before);
    expect((await new ReferenceDataRepository(db.dataSource).latestPolicy()).version).toBe('county-2025.9-procedures');
  });
});
