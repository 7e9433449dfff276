import type { CardColour, CaseDeadline, CaseEvent, CaseState } from '@dandang/contracts';
import { aCaseRegistration, aCaseState, andThen, aPayload, aCast, type DrivenCase } from '@dandang/testing/factories';
import { useTestDataSource } from '@dandang/testing';
import { DEMO_ORG_UNITS } from '../seed/demo-data';
import { AuditRepository } from './audit.repository';
import { CaseProjectionRepository } from './case-projection.repository';
import { ConsistencyRepository } from './consistency.repository';
import { DashboardRepository } from './dashboard.repository';
import { dashboardBySubtreeScan } from './dashboard-by-scan.fixture';

const CITY = `/${DEMO_ORG_UNITS.commission.id}/`;
const HOUR = 3_600_000;

/** A clock as the workflow keeps it; only due date, card, 督办 and suspension reach the counted columns. */
function clock(stage: CaseState['stage'], dueAt: Date, card: CardColour = 'NONE', suspended = false): CaseDeadline {
  return {
    stage,
    limit: { amount: 5, unit: 'WORKING_DAY' },
    startedAt: new Date(dueAt.getTime() - 7 * 24 * HOUR).toISOString(),
    dueAt: dueAt.toISOString(),
    calendarVersion: 'test',
    unpublishedYears: [],
    fired: [],
    card,
    supervised: card === 'RED',
    extensions: [],
    ...(suspended ? { suspension: { since: dueAt.toISOString(), reason: '中止', remaining: { amount: 1, unit: 'WORKING_DAY' } } } : {}),
  } as CaseDeadline;
}

describe('dashboard counters kept by the database', () => {
  const db = useTestDataSource(4);
  let projection: CaseProjectionRepository;
  const sql = (text: string, params: unknown[] = []) => db.dataSource.query(text, params);
  const differences = () => sql('SELECT counter, key, field, stored::float, recomputed::float FROM dashboard_counter_differences');

  beforeAll(async () => {
    projection = new CaseProjectionRepository(db.dataSource);
  });

  /** Registers a case in `orgUnitId` and projects it, as the workflow's first projection does. */
  let numbers = 0;
  async function registered(orgUnitId: string, startAt: Date): Promise<DrivenCase> {
    const cast = aCast();
    const state = aCaseState({
      number: `DD-2026-C${String(++numbers).padStart(5, '0')}`,
      registration: aCaseRegistration({ orgUnitId }),
      registeredAt: startAt.toISOString(),
      stageEnteredAt: startAt.toISOString(),
      deadline: clock('INTAKE', new Date(startAt.getTime() + 5 * 24 * HOUR)),
    });
    const event: CaseEvent = {
      caseId: state.caseId, version: 1, action: 'registerClue', actorId: cast.intakeOfficer.userId, actorName: cast.intakeOfficer.displayName,
      actorRole: 'INTAKE_OFFICER', occurredAt: startAt.toISOString(), toStage: 'INTAKE', payload: {},
    };
    await projection.project(state, event);
    return { state, cast, events: [event], at: startAt };
  }

  /** Takes the action and projects its change (audit event and row, one transaction), with `deadline` on the state. */
  async function step(c: DrivenCase, next: (c: DrivenCase) => DrivenCase, deadline?: CaseDeadline): Promise<DrivenCase> {
    const moved = next(c);
    const state = { ...moved.state, deadline };
    await projection.project(state, moved.events.at(-1)!);
    return { ...moved, state };
  }

  const accept = (c: DrivenCase) => andThen(c, 'acceptClue', c.cast.intakeOfficer, aPayload('acceptClue', { assigneeId: c.cast.caseOfficer.userId }));
  const propose = (c: DrivenCase) => andThen(c, 'proposeDisposition', c.cast.caseOfficer, aPayload('proposeDisposition'));
  const approve = (c: DrivenCase) => andThen(c, 'approve', c.cast.supervisor);
  const report = (c: DrivenCase) => andThen(c, 'submitVerificationReport', c.cast.caseOfficer);

  it('equal a recomputation after projections that move cases between stages, units and clocks', async () => {
    const start = new Date('2026-03-02T01:00:00Z');
    let a = await registered(DEMO_ORG_UNITS.districtA.id, start);
    a = await step(a, accept, clock('DISPOSITION', new Date(start.getTime() + 30 * 24 * HOUR)));
    a = await step(a, propose, clock('DISPOSITION', new Date(start.getTime() + 30 * 24 * HOUR), 'YELLOW'));
    // The proposal waits 45 days for approval: a visit in a bucket four days wide.
    await step({ ...a, at: new Date(a.at.getTime() + 45 * 24 * HOUR) }, approve, clock('VERIFICATION', new Date(start.getTime() + 60 * 24 * HOUR), 'RED', true));
    const b = await registered(DEMO_ORG_UNITS.districtB.id, new Date(start.getTime() + 5 * HOUR));
    await step(b, accept, clock('DISPOSITION', new Date(start.getTime() + 3 * 24 * HOUR), 'RED'));
    await registered(DEMO_ORG_UNITS.commission.id, new Date(start.getTime() + 26 * HOUR));
    expect(await differences()).toEqual([]);

    const [counted] = await sql(`SELECT sum(visits)::int AS visits FROM stage_visit_stats`);
    expect(counted.visits).toBe(3); // a: INTAKE and DISPOSITION ended; b: INTAKE ended
    const [byStage] = await sql(`SELECT sum(cases)::int AS n FROM case_counts WHERE stage = 'VERIFICATION'`);
    expect(byStage.n).toBe(1);
  });

  it('count a retried or reordered projection once, and a row that skips versions by its audit trail', async () => {
    const start = new Date('2026-04-01T01:00:00Z');
    let c = await registered(DEMO_ORG_UNITS.districtA.id, start);
    c = await step(c, accept);
    const atDisposition = c;
    // The trail records two more versions whose row write never happened (the row stays at version 2)...
    const proposed = propose(c);
    const approved = approve(proposed);
    const audit = new AuditRepository(db.dataSource);
    await db.dataSource.transaction(async (m) => {
      await audit.append(m, proposed.events.at(-1)!);
      await audit.append(m, approved.events.at(-1)!);
    });
    // ...until version 5 writes the row (VERIFICATION), skipping 3 and 4.
    const reported = report(approved);
    await projection.project(reported.state, reported.events.at(-1)!);
    // A retry of version 2 arriving late changes nothing.
    await projection.project(atDisposition.state, atDisposition.events.at(-1)!);
    expect(await differences()).toEqual([]);
    const [row] = await sql('SELECT stage, version FROM cases WHERE id = $1', [c.state.caseId]);
    expect(row).toEqual({ stage: 'VERIFICATION', version: 5 });
  });

  it('follow a repair that overwrites a row, a row deleted and restored, and fault-tolerance reviews', async () => {
    let c = await registered(DEMO_ORG_UNITS.districtB.id, new Date('2026-05-04T01:00:00Z'));
    c = await step(c, accept);
    c = await step(c, propose);
    c = await step(c, approve, clock('VERIFICATION', new Date('2026-06-01T01:00:00Z'), 'YELLOW'));
    await sql(`INSERT INTO fault_tolerance_reviews (id, case_id, seq, version, status, state, updated_at)
               VALUES ($1, $2, 1, 1, 'APPLIED', '{}'::jsonb, now())`, [`${c.state.caseId}-review-1`, c.state.caseId]);
    await sql(`UPDATE fault_tolerance_reviews SET status = 'DETERMINED', version = 2,
               state = '{"determination": {"outcome": "MITIGATION"}}'::jsonb WHERE case_id = $1`, [c.state.caseId]);
    // Someone corrupts the row: another unit, stage, card and clock.
    await sql(`UPDATE cases SET org_unit_id = $2, stage = 'SERVED', card = 'RED', supervised = true, due_at = now(), clock_suspended = false
               WHERE id = $1`, [c.state.caseId, DEMO_ORG_UNITS.commission.id]);
    expect(await differences()).toEqual([]);
    const consistency = new ConsistencyRepository(db.dataSource);
    await consistency.reproject(c.state);
    expect(await differences()).toEqual([]);
    await sql('DELETE FROM cases WHERE id = $1', [c.state.caseId]);
    expect(await differences()).toEqual([]);
    await consistency.reproject(c.state);
    expect(await differences()).toEqual([]);
    const [reviews] = await sql(`SELECT reviews::int FROM review_outcome_counts WHERE org_unit_id = $1 AND outcome = 'MITIGATION'`, [
      DEMO_ORG_UNITS.districtB.id,
    ]);
    expect(reviews.reviews).toBe(1);
  });

  it('are reported when they drift, and dashboard_counters_rebuild() sets them right', async () => {
    await sql(`UPDATE case_counts SET cases = cases + 5 WHERE stage = 'VERIFICATION'`);
    await sql(`DELETE FROM stage_visit_stats WHERE stage = 'INTAKE'`);
    const drift = await differences();
    expect(drift).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ counter: 'case_counts', field: 'cases' }),
        expect.objectContaining({ counter: 'stage_visit_stats', field: 'visits', stored: 0 }),
      ]),
    );
    await sql('SELECT dashboard_counters_rebuild()');
    expect(await differences()).toEqual([]);
  });

  it('give the same figures as scanning the subtree, at times before, around and after the due dates', async () => {
    const dashboard = new DashboardRepository(db.dataSource);
    const units = [CITY, `${CITY}${DEMO_ORG_UNITS.districtA.id}/`, `${CITY}${DEMO_ORG_UNITS.districtB.id}/`];
    const times = ['2026-03-01T00:00:00Z', '2026-03-04T13:30:00Z', '2026-03-05T13:30:00Z', '2026-03-07T01:00:00Z', '2026-05-20T08:00:00Z', '2027-01-01T00:00:00Z'];
    for (const path of units) {
      for (const time of times) {
        const now = new Date(time);
        const [counted, scanned] = await Promise.all([dashboard.figures(path, now, 3 * 24 * HOUR), dashboardBySubtreeScan(db.dataSource, path, now, 3 * 24 * HOUR)]);
        const { daysPerStage, ...figures } = counted;
        const { daysPerStage: exactDays, ...exact } = scanned;
        expect({ path, time, ...figures }).toEqual({ path, time, ...exact });
        expect(daysPerStage.map(({ stage, visits, averageDays }) => ({ stage, visits, averageDays }))).toEqual(
          exactDays.map(({ stage, visits, averageDays }) => ({ stage, visits, averageDays })),
        );
        // The 90th percentile comes from the histogram: within its bucket's width of the exact nearest-rank value.
        const width = (days: number) => (days < 32 ? 1 : days < 128 ? 4 : days < 512 ? 16 : 64);
        daysPerStage.forEach((d, i) => expect(Math.abs(d.p90Days - exactDays[i].p90Days)).toBeLessThan(width(exactDays[i].p90Days)));
      }
    }
    // Both sources of the time-dependent figures were exercised: the index for today, the counters for whole days.
    expect((await dashboard.figures(CITY, new Date('2026-03-04T13:30:00Z'), 3 * 24 * HOUR)).dueSoon).toBe(1);
    expect((await dashboard.figures(CITY, new Date('2026-03-05T13:30:00Z'), 3 * 24 * HOUR)).overdue).toBe(1);
    expect((await dashboard.figures(CITY, new Date('2026-05-20T08:00:00Z'), 3 * 24 * HOUR)).overdue).toBe(2);
    const disposition = (await dashboard.figures(CITY, new Date(), HOUR)).daysPerStage.find((d) => d.stage === 'DISPOSITION');
    expect(disposition?.p90Days).toBeGreaterThanOrEqual(44);
  });
});

describe('days per stage on the dashboard, from the counted visits', () => {
  const db = useTestDataSource(2);
  const DAY = 86_400;
  const districtA = `${CITY}${DEMO_ORG_UNITS.districtA.id}/`;
  /** Ended visits of `stage` lasting `seconds` each, counted into their buckets as the triggers count them. */
  const visited = (stage: string, seconds: number[]) =>
    db.dataSource.query(
      `INSERT INTO stage_visit_stats (org_unit_id, stage, days, visits, seconds)
       SELECT $1, $2, stage_visit_days(s), count(*), sum(s) FROM unnest($3::numeric[]) AS s GROUP BY 3`,
      [DEMO_ORG_UNITS.districtA.id, stage, seconds],
    );

  it('gives a visit its own length, keeps a p90 of visits of hours among them, and spreads even visits over their bucket', async () => {
    await visited('INTAKE', [2 * 3600]);
    // Ten visits of 1 to 10 hours, all in the first day's bucket: the nearest-rank p90 is the visit of 9 hours.
    await visited('DISPOSITION', Array.from({ length: 10 }, (_, i) => (i + 1) * 3600));
    // Four visits spread evenly over the bucket of days 44 to 47: the p90 is the last, 47.5 days.
    await visited('VERIFICATION', [44.5, 45.5, 46.5, 47.5].map((d) => d * DAY));

    const { daysPerStage } = await new DashboardRepository(db.dataSource).figures(districtA, new Date(), HOUR);
    const of = (stage: string) => daysPerStage.find((d) => d.stage === stage)!;
    expect(of('INTAKE')).toEqual({ stage: 'INTAKE', visits: 1, averageDays: 0.083, p90Days: 0.083 });
    const disposition = of('DISPOSITION');
    expect(disposition.averageDays).toBe(0.229);
    expect(disposition.p90Days).toBeGreaterThanOrEqual(disposition.averageDays);
    expect(disposition.p90Days).toBeLessThanOrEqual(10 / 24);
    expect(Math.abs(disposition.p90Days - 9 / 24)).toBeLessThan(1 / 24);
    expect(of('VERIFICATION')).toEqual({ stage: 'VERIFICATION', visits: 4, averageDays: 46, p90Days: 47.5 });
  });
});
