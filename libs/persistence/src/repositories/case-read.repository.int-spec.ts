import { createTestDatabase, type TestDatabase } from '@dandang/testing';
import type { DataSource } from 'typeorm';
import { createDataSource } from '../data-source';
import { DEMO_ORG_UNITS } from '../seed/demo-data';
import { CaseReadRepository } from './case-read.repository';

const CASES = 100_000;

describe('the case list query against PostgreSQL', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await createDataSource(database.url, { poolSize: 2 }).initialize();
    // Enough cases for the planner to prefer an index; one in a thousand mentions the phrase searched for.
    const [{ path }] = await dataSource.query('SELECT path FROM org_units WHERE id = $1', [DEMO_ORG_UNITS.districtA.id]);
    await dataSource.query(
      `INSERT INTO cases (id, number, title, summary, channel, intake_method, stage, org_unit_id, org_path, subject_name,
         subject_position, subject_org_unit_id, has_pending_approval, received_at, registered_at, stage_entered_at,
         updated_at, version, state)
       SELECT md5('search-' || g)::uuid, 'DD-2026-' || lpad(g::text, 6, '0'),
              '线索 ' || md5(g::text) || CASE WHEN g % 1000 = 0 THEN ' 拖延办理群众诉求' ELSE '' END,
              '摘要 ' || md5((g + 1)::text), 'PUBLIC', 'LETTER', 'INTAKE', $1, $2, '张三', '主任', $1, false,
              now(), now(), now(), now(), 1, '{}'::jsonb
       FROM generate_series(1, ${CASES}) AS g`,
      [DEMO_ORG_UNITS.districtA.id, path],
    );
    await dataSource.query('ANALYZE cases');
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  it('finds cases by Chinese text, through the trigram index rather than a scan of every case', async () => {
    const cases = new CaseReadRepository(dataSource);
    const filter = { orgPath: `/${DEMO_ORG_UNITS.commission.id}/`, text: '拖延办理群众', sort: 'registeredAt', order: 'desc', page: 1, pageSize: 50 } as const;
    const { total } = await cases.list(filter);
    expect(total).toBe(CASES / 1000);
    const { query, parameters } = cases.listQuery(filter);
    const plan = JSON.stringify(await dataSource.query(`EXPLAIN ${query}`, parameters));
    expect(plan).toContain('cases_search_trgm_idx');
  });
});
