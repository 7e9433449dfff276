import { CASE_LIST_COUNT_LIMIT, CASE_SEARCH_COUNT_LIMIT, type ActionName, type ActionPayloads, type Actor, type CaseState } from '@dandang/contracts';
import { CHINA_CALENDAR_2025_2026, DEFAULT_POLICY, awaitedTasks, fireClockEvent, nextClockEvent, oweReporterNotice } from '@dandang/domain';
import { explainStatement, statementsOf, useTestDataSource } from '@dandang/testing';
import { aCaseAt, aCaseRegistration, anActor, andThenAdmitted, type DrivenCase } from '@dandang/testing/factories';
import { DEMO_ORG_UNITS, DEMO_USERS } from '../seed/demo-data';
import { CaseReadRepository } from './case-read.repository';
import { DashboardRepository } from './dashboard.repository';
import { upsertCaseRow } from './case-row';

const clock = { calendar: CHINA_CALENDAR_2025_2026 };
const act = <A extends ActionName>(c: DrivenCase, action: A, actor: Actor, payload: ActionPayloads[A]) => andThenAdmitted(c, action, actor, payload, clock);

const CASES = 100_000;
const STAGES = ['INTAKE', 'DISPOSITION', 'VERIFICATION', 'INVESTIGATION', 'DECIDED', 'SERVED', 'CLOSED', 'SHELVED', 'SERVED', 'CLOSED'];

describe('the read-model queries against PostgreSQL at 100,000 cases', () => {
  const db = useTestDataSource(4);
  let cases: CaseReadRepository;
  const city = `/${DEMO_ORG_UNITS.commission.id}/`;
  const base = { orgPath: city, sort: 'registeredAt', order: 'desc', page: 1, pageSize: 20 } as const;

  beforeAll(async () => {
    cases = new CaseReadRepository(db.dataSource);
    // Enough cases for the planner to prefer an index; one in a thousand mentions the phrase searched for. Half are
    // open, with assignees, pending approvals and clocks due from 100 days ago to 100 days ahead.
    const [{ path }] = await db.dataSource.query('SELECT path FROM org_units WHERE id = $1', [DEMO_ORG_UNITS.districtA.id]);
    // A bulk load counts once afterwards (as the benchmark's seed does) rather than row by row in the trigger.
    await db.database.asOwner('ALTER TABLE cases DISABLE TRIGGER cases_counters_insert_delete');
    await db.dataSource.query(
      `INSERT INTO cases (id, number, title, summary, channel, intake_method, stage, org_unit_id, org_path, subject_name,
         subject_position, subject_org_unit_id, assignee_id, has_pending_approval, received_at, registered_at, stage_entered_at,
         updated_at, version, state, due_at)
       SELECT md5('search-' || g)::uuid, 'DD-2026-' || lpad(g::text, 6, '0'),
              '线索 ' || md5(g::text) || CASE WHEN g % 1000 = 0 THEN ' 拖延办理群众诉求' ELSE '' END,
              '摘要 ' || md5((g + 1)::text),
              (ARRAY['PARTY_INTERNAL','PEOPLES_CONGRESS','DEMOCRATIC','ADMINISTRATIVE','JUDICIAL','AUDIT','PUBLIC','MEDIA'])[1 + g % 8],
              'LETTER', s.stage, $1, $2, '张三', '主任', $1,
              CASE WHEN s.stage = 'INTAKE' THEN NULL WHEN g % 7 = 0 THEN $3::uuid ELSE md5('officer-' || g % 200)::uuid END,
              g % 13 = 0 AND s.stage IN ('DISPOSITION', 'VERIFICATION', 'INVESTIGATION'),
              now() - g * interval '1 minute', now() - g * interval '1 minute', now() - (g % 1000) * interval '1 hour',
              now(), 1, '{}'::jsonb,
              CASE WHEN s.stage NOT IN ('SERVED', 'CLOSED', 'SHELVED') THEN now() + (g % 200 - 100) * interval '1 day' END
       FROM generate_series(1, ${CASES}) AS g CROSS JOIN LATERAL (SELECT ($4::text[])[1 + g % 10] AS stage) s`,
      [DEMO_ORG_UNITS.districtA.id, path, DEMO_USERS.officer1.id, STAGES],
    );
    await db.database.asOwner('ALTER TABLE cases ENABLE TRIGGER cases_counters_insert_delete');
    await db.dataSource.query('SELECT dashboard_counters_rebuild()');
    await db.database.asOwner('VACUUM ANALYZE cases');
    // Inserting 100,000 rows into two trigram indexes takes a minute or more on a busy shared machine.
  }, 300_000);

  /** The plans of a list's count and page, each under the settings it ran with. */
  const searchPlans = async (filter: Parameters<CaseReadRepository['list']>[0]) => {
    const statements = await statementsOf(db.dataSource, () => cases.list(filter));
    expect(statements).toHaveLength(2);
    return { count: await explainStatement(db.dataSource, statements[0]), page: await explainStatement(db.dataSource, statements[1]) };
  };

  it('finds cases by a rare Chinese phrase through the trigram index, count and page, never walking every case', async () => {
    const filter = { ...base, text: '拖延办理群众', pageSize: 50 };
    const found = await cases.list(filter);
    expect(found).toMatchObject({ total: CASES / 1000, totalCapped: false });
    expect(found.items).toHaveLength(50);
    const registered = found.items.map((c) => c.registeredAt.getTime());
    expect(registered).toEqual([...registered].sort((a, b) => b - a));
    // Both plans are fixed, not the planner's guess from sampled statistics (which once walked registered_at).
    const plans = await searchPlans(filter);
    expect(plans.count).toContain('cases_search_trgm_idx');
    expect(plans.page).toContain('cases_search_trgm_idx');
    expect(`${plans.count}\n${plans.page}`).not.toMatch(/Seq Scan on cases|cases_registered_idx/);
  });

  it('counts a frequent term only up to the search limit, its page newest first', async () => {
    const filter = { ...base, text: '线索' };
    const found = await cases.list(filter);
    expect(found).toMatchObject({ total: CASE_SEARCH_COUNT_LIMIT, totalCapped: true });
    const [{ newest }] = await db.dataSource.query(`SELECT max(registered_at) AS newest FROM cases`);
    expect(found.items[0].registeredAt).toEqual(newest);
    const plans = await searchPlans(filter);
    expect(plans.count).toContain('cases_search_pairs_idx');
    expect(plans.page).toContain('cases_registered_idx');
  });

  it('finds two-character terms through the index of doubled characters, matching exactly what ILIKE matches', async () => {
    const filter = { ...base, text: '拖延' };
    expect(await cases.list(filter)).toMatchObject({ total: CASES / 1000, totalCapped: false });
    const plans = await searchPlans(filter);
    expect(plans.count).toContain('cases_search_pairs_idx');
    expect(plans.page).toContain('cases_search_pairs_idx');
    for (const text of ['0a', 'Ff', '%_', '7 ', '拖延办']) {
      const [{ n }] = await db.dataSource.query(
        `SELECT count(*)::int AS n FROM cases WHERE (title || ' ' || summary || ' ' || number || ' ' || subject_name) ILIKE $1`,
        [`%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`],
      );
      expect({ text, ...(await cases.list({ ...base, text })) }).toMatchObject({ text, total: Math.min(n, CASE_SEARCH_COUNT_LIMIT), totalCapped: n > CASE_SEARCH_COUNT_LIMIT });
    }
  });

  it('counts a whole subtree only up to the limit, and says the total is capped', async () => {
    const { items, total, totalCapped } = await cases.list(base);
    expect(items).toHaveLength(20);
    expect({ total, totalCapped }).toEqual({ total: CASE_LIST_COUNT_LIMIT, totalCapped: true });
    const exact = await cases.list({ ...base, stage: 'DECIDED', channel: 'PUBLIC' });
    expect(exact).toMatchObject({ total: CASES / 40, totalCapped: false });
  });

  it("counts a list less the viewer's recusals from indexes, never reading every case's recusal list", async () => {
    const viewer = DEMO_USERS.supervisor1.id;
    const filter = { ...base, stage: 'DECIDED', channel: 'PUBLIC', notRecused: viewer } as const;
    const [recused] = await db.dataSource.query(
      `UPDATE cases SET recused_user_ids = ARRAY[$1::text] WHERE id IN (SELECT id FROM cases WHERE stage = 'DECIDED' AND channel = 'PUBLIC' LIMIT 2) RETURNING id`,
      [viewer],
    );
    expect(recused).toHaveLength(2);
    await db.database.asOwner('ANALYZE cases');
    expect(await cases.list(filter)).toMatchObject({ total: CASES / 40 - 2, totalCapped: false });
    expect((await cases.list(filter)).items.map((c) => c.id)).not.toContain(recused[0].id);
    expect(await cases.list({ ...base, notRecused: viewer })).toMatchObject({ total: CASE_LIST_COUNT_LIMIT, totalCapped: true });
    const statements = await statementsOf(db.dataSource, () => cases.list({ ...base, notRecused: viewer }));
    const counts = statements.filter((st) => /count\(/.test(st.query));
    expect(counts.length).toBeGreaterThan(0);
    for (const count of counts) expect(await explainStatement(db.dataSource, count)).not.toMatch(/Seq Scan on cases/);
  });

  it('counts a stage and channel filter from the index alone', async () => {
    const filter = { ...base, stage: 'VERIFICATION', channel: 'PUBLIC' } as const;
    expect(await explainStatement(db.dataSource, cases.countQuery(filter))).toMatch(/Index Only Scan using cases_stage_channel_idx/);
  });

  it("reads an officer's and a supervisor's inbox off the open-case indexes, oldest stage first", async () => {
    const officer = await cases.taskCandidates(city, DEMO_USERS.officer1.id, false, false);
    expect(officer).toHaveLength(500);
    expect(officer.every((c) => c.assigneeId === DEMO_USERS.officer1.id && !['SERVED', 'CLOSED', 'SHELVED'].includes(c.stage))).toBe(true);
    const entered = officer.map((c) => c.stageEnteredAt.getTime());
    expect(entered).toEqual([...entered].sort((a, b) => a - b));
    expect(await explainStatement(db.dataSource, cases.taskCandidatesQuery(city, DEMO_USERS.officer1.id, false, false))).toContain('cases_open_assignee_idx');
    expect(await explainStatement(db.dataSource, cases.taskCandidatesQuery(city, DEMO_USERS.supervisor1.id, true, false))).toContain('cases_open_stage_entered_idx');
  });

  it('serves the dashboard from counters and the due-date index, never scanning cases', async () => {
    const dashboard = new DashboardRepository(db.dataSource);
    const statements = await statementsOf(db.dataSource, () => dashboard.figures(city, new Date(), 3 * 86_400_000));
    const plans = (await Promise.all(statements.map((s) => explainStatement(db.dataSource, s)))).join('\n');
    expect(plans).toContain('cases_running_due_idx');
    expect(plans).not.toMatch(/Seq Scan on cases|Seq Scan on audit_events/);
    const figures = await dashboard.figures(city, new Date(), 3 * 86_400_000);
    expect(figures.byStage.reduce((n, s) => n + s.count, 0)).toBe(CASES);
    expect(figures.overdue).toBeGreaterThan(0);
  });

  it('finds a closed case still owing the reporter its result for the registering intake officer, and a shelved clue due for review for its officer', async () => {
    const initial = { policy: DEFAULT_POLICY, registration: aCaseRegistration({ orgUnitId: DEMO_ORG_UNITS.districtA.id }) };
    // A named report closed at disposition: the acceptance told, the result owed (by the workflow's own actions).
    let closed = aCaseAt('INTAKE', { initial: { ...initial, number: 'DD-2026-TASK-1' } });
    const owing: CaseState = JSON.parse(JSON.stringify(closed.state));
    oweReporterNotice(owing, 'ACCEPTANCE', owing.registration.receivedAt, clock);
    const registrar = anActor({ userId: owing.registeredBy, roles: ['INTAKE_OFFICER'] });
    closed = act({ ...closed, state: owing }, 'acceptClue', registrar, { assigneeId: closed.cast.caseOfficer.userId });
    closed = act(closed, 'recordReporterNotice', registrar, { notice: 'ACCEPTANCE', method: 'PHONE', notifiedAt: closed.at.toISOString(), note: '电话告知已受理' });
    closed = act(closed, 'proposeDisposition', closed.cast.caseOfficer, { disposition: 'CLOSE', reason: '反映问题已解决' });
    closed = act(closed, 'approve', closed.cast.supervisor, { comment: '同意了结' });
    expect(closed.state).toMatchObject({ stage: 'CLOSED', reporterNotices: [{ kind: 'ACCEPTANCE' }, { kind: 'RESULT' }] });
    // A shelved clue whose review clock has reminded its officer.
    let shelved = aCaseAt('DISPOSITION', { initial: { ...initial, number: 'DD-2026-TASK-2' } });
    shelved = act(shelved, 'proposeDisposition', shelved.cast.caseOfficer, { disposition: 'SHELVE_PENDING', reason: '暂不具备核查条件' });
    shelved = act(shelved, 'approve', shelved.cast.supervisor, { comment: '同意暂存' });
    const due = nextClockEvent(shelved.state, clock)!;
    const reminded = fireClockEvent(shelved.state, due, new Date(due.at), clock).state;
    const officer = shelved.cast.caseOfficer;
    // Through the projection's own statement, which derives the columns the inbox reads.
    await db.dataSource.transaction(async (manager) => {
      await upsertCaseRow(manager, closed.state, new Date(), 'overwrite');
      await upsertCaseRow(manager, reminded, new Date(), 'overwrite');
    });
    await db.database.asOwner('ANALYZE cases');

    const forRegistrar = await cases.taskCandidates(city, registrar.userId, false, true);
    expect(forRegistrar.map((c) => c.id)).toContain(closed.state.caseId);
    const registrarTasks = awaitedTasks(forRegistrar, registrar, new Date(closed.at.getTime() + 3_600_000));
    expect(registrarTasks.find((t) => t.record.id === closed.state.caseId)?.actions).toEqual(['recordReporterNotice']);
    const forOfficer = await cases.taskCandidates(city, officer.userId, false, false);
    expect(forOfficer.map((c) => c.id)).toEqual([reminded.caseId]);
    expect(awaitedTasks(forOfficer, officer, new Date(due.at)).map((t) => t.actions)).toEqual([['reviewShelvedClue']]);
    // Not for anyone else: another officer's inbox is still only their open cases.
    expect((await cases.taskCandidates(city, DEMO_USERS.officer1.id, false, false)).map((c) => c.id)).not.toContain(reminded.caseId);

    // The new branch has indexes of its own; the open-case branch keeps its.
    const officerPlan = await explainStatement(db.dataSource, cases.taskCandidatesQuery(city, officer.userId, false, false));
    expect(officerPlan).toContain('cases_open_assignee_idx');
    expect(officerPlan).toContain('cases_waiting_users_idx');
    expect(officerPlan).not.toMatch(/Seq Scan on cases/);
    const supervisorPlan = await explainStatement(db.dataSource, cases.taskCandidatesQuery(city, DEMO_USERS.supervisor1.id, true, false));
    expect(supervisorPlan).toContain('cases_open_stage_entered_idx');
    expect(supervisorPlan).toContain('cases_awaits_supervisor_idx');
    expect(supervisorPlan).not.toMatch(/Seq Scan on cases/);
  });
});
