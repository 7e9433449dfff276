import type { DashboardFigures } from '@dandang/contracts';
import type { DataSource } from 'typeorm';

/**
 * For tests only: the dashboard as it was computed before the counters, by scanning the subtree's cases and audit
 * trail. What the counters must agree with. Two differences from the old queries, both in what "days per stage"
 * means: only the case's own audit stream moves it between stages (review streams have statuses, not stages), and
 * the 90th percentile is the nearest-rank visit (percentile_disc), which the counters' day buckets approximate.
 */
export async function dashboardBySubtreeScan(dataSource: DataSource, orgPath: string, now: Date, dueSoonMs: number): Promise<DashboardFigures> {
  const path = `${orgPath.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const q = <T>(sql: string, params: unknown[]) => dataSource.query(sql, params) as Promise<T[]>;
  const byStage = await q<DashboardFigures['byStage'][number]>(
    `SELECT stage, count(*)::int AS count FROM cases WHERE org_path LIKE $1 GROUP BY stage ORDER BY stage`,
    [path],
  );
  const byOrgUnit = await q<DashboardFigures['byOrgUnit'][number]>(
    `WITH per_unit AS (
       SELECT org_path, count(*)::int AS count,
              count(*) FILTER (WHERE due_at < $2 AND NOT clock_suspended)::int AS overdue,
              count(*) FILTER (WHERE card = 'YELLOW')::int AS yellow,
              count(*) FILTER (WHERE card = 'RED')::int AS red
       FROM cases WHERE org_path LIKE $1 GROUP BY org_path
     )
     SELECT o.id AS "orgUnitId", o.name, coalesce(sum(p.count), 0)::int AS count,
            coalesce(sum(p.overdue), 0)::int AS overdue, coalesce(sum(p.yellow), 0)::int AS yellow,
            coalesce(sum(p.red), 0)::int AS red
     FROM org_units o LEFT JOIN per_unit p ON left(p.org_path, length(o.path)) = o.path
     WHERE o.path LIKE $1 GROUP BY o.id, o.name, o.path ORDER BY o.path`,
    [path, now],
  );
  const [cards] = await q<{ dueSoon: number; overdue: number; yellow: number; red: number; supervised: number }>(
    `SELECT count(*) FILTER (WHERE due_at >= $2 AND due_at < $3 AND NOT clock_suspended)::int AS "dueSoon",
            count(*) FILTER (WHERE due_at < $2 AND NOT clock_suspended)::int AS overdue,
            count(*) FILTER (WHERE card = 'YELLOW')::int AS yellow,
            count(*) FILTER (WHERE card = 'RED')::int AS red,
            count(*) FILTER (WHERE supervised)::int AS supervised
     FROM cases WHERE org_path LIKE $1`,
    [path, now, new Date(now.getTime() + dueSoonMs)],
  );
  const daysPerStage = await q<DashboardFigures['daysPerStage'][number]>(
    `WITH moves AS (
       SELECT e.case_id, e.to_stage AS stage, e.occurred_at AS entered,
              lead(e.occurred_at) OVER (PARTITION BY e.case_id ORDER BY e.version) AS left_at
       FROM audit_events e JOIN cases c ON c.id = e.case_id
       WHERE c.org_path LIKE $1 AND e.stream = 'case' AND (e.from_stage IS NULL OR e.from_stage <> e.to_stage)
     )
     SELECT stage, count(*)::int AS visits,
            round((avg(extract(epoch FROM left_at - entered)) / 86400)::numeric, 3)::float AS "averageDays",
            round((percentile_disc(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM left_at - entered)) / 86400)::numeric, 3)::float AS "p90Days"
     FROM moves WHERE left_at IS NOT NULL GROUP BY stage ORDER BY stage`,
    [path],
  );
  const faultToleranceOutcomes = await q<DashboardFigures['faultToleranceOutcomes'][number]>(
    `SELECT coalesce(r.state->'determination'->>'outcome', r.status) AS outcome, count(*)::int AS count
     FROM fault_tolerance_reviews r JOIN cases c ON c.id = r.case_id
     WHERE c.org_path LIKE $1 GROUP BY 1 ORDER BY 1`,
    [path],
  );
  return {
    byStage,
    byOrgUnit,
    dueSoon: cards.dueSoon,
    overdue: cards.overdue,
    yellowCards: cards.yellow,
    redCards: cards.red,
    supervised: cards.supervised,
    daysPerStage,
    faultToleranceOutcomes,
  };
}
