import { DEMO_ORG_UNITS } from '@dandang/persistence';
import { useTestDataSource } from '@dandang/testing';
import { verifyCounters } from '../../tools/verify/counters';

describe('npm run verify: the dashboard counters against a recomputation', () => {
  const db = useTestDataSource(2);
  const sql = (text: string, params: unknown[] = []) => db.dataSource.query(text, params);

  beforeAll(async () => {
    // Three cases written as a projection would (the triggers count them), one of them with a stage visit behind it.
    for (const [i, stage] of ['INTAKE', 'VERIFICATION', 'VERIFICATION'].entries()) {
      const id = `00000000-0000-4000-8000-0000000c000${i}`;
      await sql(
        `INSERT INTO audit_events (case_id, version, action, actor_id, actor_name, actor_role, occurred_at, from_stage, to_stage, payload, prev_hash, hash)
         VALUES ($1, 1, 'registerClue', $1, 'test', 'INTAKE_OFFICER', '2026-03-02T01:00:00Z', NULL, 'INTAKE', '{}', repeat('0', 64), repeat('0', 64))`,
        [id],
      );
      await sql(
        `INSERT INTO cases (id, number, title, summary, channel, intake_method, stage, org_unit_id, org_path, subject_name, subject_position,
           subject_org_unit_id, received_at, registered_at, stage_entered_at, updated_at, version, state, due_at)
         SELECT $1, 'DD-2026-V' || $2, '标题', '摘要', 'PUBLIC', 'LETTER', $3, id, path, '张三', '主任', id, now(), now(), now(), now(), 1, '{}', now() + interval '2 days'
         FROM org_units WHERE id = $4`,
        [id, i, stage, DEMO_ORG_UNITS.districtA.id],
      );
      if (stage !== 'INTAKE') {
        await sql(
          `INSERT INTO audit_events (case_id, version, action, actor_id, actor_name, actor_role, occurred_at, from_stage, to_stage, payload, prev_hash, hash)
           VALUES ($1, 2, 'approve', $1, 'test', 'SUPERVISOR', '2026-03-05T01:00:00Z', 'INTAKE', $2, '{}', repeat('0', 64), repeat('0', 64))`,
          [id, stage],
        );
      }
    }
  });

  it('finds the counters equal to a recomputation after ordinary writes', async () => {
    expect(await verifyCounters(db.dataSource)).toEqual({ consistent: true, differences: [] });
    const [visits] = await sql(`SELECT sum(visits)::int AS n FROM stage_visit_stats WHERE stage = 'INTAKE'`);
    expect(visits.n).toBe(2);
  });

  it('reports each counter that drifted, and --repair rebuilds them all', async () => {
    await sql(`UPDATE case_counts SET cases = cases + 3 WHERE stage = 'VERIFICATION'`);
    await sql('DELETE FROM case_due_counts');
    await sql(`UPDATE stage_visit_stats SET seconds = seconds + 60`);

    const report = await verifyCounters(db.dataSource);
    expect(report.consistent).toBe(false);
    const unit = DEMO_ORG_UNITS.districtA.id;
    expect(report.differences).toEqual(
      expect.arrayContaining([
        { counter: 'case_counts', key: `${unit} VERIFICATION NONE false`, field: 'cases', stored: 5, recomputed: 2 },
        expect.objectContaining({ counter: 'case_due_counts', field: 'cases', stored: 0, recomputed: 3 }),
        expect.objectContaining({ counter: 'stage_visit_stats', key: `${unit} INTAKE 3`, field: 'seconds', stored: 2 * 3 * 86_400 + 60 }),
      ]),
    );
    expect(await verifyCounters(db.dataSource)).toMatchObject({ consistent: false }); // reporting alone repairs nothing

    const repaired = await verifyCounters(db.dataSource, { repair: true });
    expect(repaired).toMatchObject({ consistent: true, differences: [], repaired: true });
    expect(repaired.repairedDifferences).toEqual(report.differences);
    expect(await verifyCounters(db.dataSource)).toEqual({ consistent: true, differences: [] });
  });
});
