import type { DashboardFigures, Stage } from '@dandang/contracts';
import type { DataSource } from 'typeorm';
import { escapeLike, recusedSql, positional } from './case-sight.sql';
import { splitDueRange } from './due-split';

export type { DashboardFigures } from '@dandang/contracts';


/** The org units of the subtree: every counter below is keyed by unit, never read by scanning cases. */
const SUBTREE = 'SELECT id FROM org_units WHERE path LIKE $1';

type UnitFigures = { count: number; overdue: number; yellow: number; red: number };

/**
 * The dashboard of one org-unit subtree, from the counters the database keeps in the same transaction as each
 * write (migration DashboardCounters): a few hundred counter rows per query whatever the number of cases. Only the
 * time-dependent figures touch `cases`, through an index, for the parts of days the due-day counters cannot split.
 *
 * The counters are per unit, for everyone; a viewer recused from some cases of the subtree must not find them in a
 * count, so each figure takes those cases' own share back out, in the same statement (one snapshot) as the counters
 * it corrects. They are found through the GIN index on recused_user_ids (migration RecusalIndex): usually none.
 */
export class DashboardRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The figures of the subtree at `orgPath` as `viewerId` may count them: without the cases they are recused from.
   * Without a viewer (the benchmark, checks of the counters), every case of the subtree.
   */
  async figures(orgPath: string, now: Date, dueSoonMs: number, viewerId?: string): Promise<DashboardFigures> {
    const path = `${escapeLike(orgPath)}%`;
    const recused = viewerId ? await this.recusedCases(path, viewerId) : [];
    // Each figure's counters, and (when the viewer is recused from any case) those cases' own rows with a minus sign.
    const less = (sql: string) => (recused.length > 0 ? ` UNION ALL ${sql}` : '');
    // $2 only where a statement names it (PostgreSQL refuses a parameter it cannot type).
    const withRecused = recused.length > 0 ? [path, recused] : [path];
    const [units, counts, overdue, dueSoon, daysPerStage, faultToleranceOutcomes] = await Promise.all([
      this.query<{ id: string; name: string; path: string }>('SELECT id, name, path FROM org_units WHERE path LIKE $1 ORDER BY path', [path]),
      this.query<{ orgUnitId: string; stage: Stage; card: string; supervised: boolean; count: number }>(
        `SELECT org_unit_id AS "orgUnitId", stage, card, supervised, sum(cases)::int AS count FROM (
           SELECT org_unit_id, stage, card, supervised, cases FROM case_counts WHERE org_unit_id IN (${SUBTREE})
           ${less('SELECT org_unit_id, stage, card, supervised, -1 FROM cases WHERE id = ANY($2::uuid[])')}
         ) counted GROUP BY 1, 2, 3, 4 HAVING sum(cases) > 0`,
        withRecused,
      ),
      this.dueByUnit(path, recused, null, now),
      this.dueByUnit(path, recused, now, new Date(now.getTime() + dueSoonMs)),
      this.daysPerStage(path, recused),
      this.query<DashboardFigures['faultToleranceOutcomes'][number]>(
        `SELECT outcome, sum(reviews)::int AS count FROM (
           SELECT outcome, reviews FROM review_outcome_counts WHERE org_unit_id IN (${SUBTREE})
           ${less(`SELECT coalesce(r.state->'determination'->>'outcome', r.status), -1 FROM fault_tolerance_reviews r WHERE r.case_id = ANY($2::uuid[])`)}
         ) counted GROUP BY 1 HAVING sum(reviews) > 0 ORDER BY 1`,
        withRecused,
      ),
    ]);

    const own = new Map<string, UnitFigures>();
    const ownOf = (id: string) => own.get(id) ?? own.set(id, { count: 0, overdue: 0, yellow: 0, red: 0 }).get(id)!;
    const byStage = new Map<Stage, number>();
    let supervised = 0;
    for (const c of counts) {
      const unit = ownOf(c.orgUnitId);
      unit.count += c.count;
      if (c.card === 'YELLOW') unit.yellow += c.count;
      if (c.card === 'RED') unit.red += c.count;
      if (c.supervised) supervised += c.count;
      byStage.set(c.stage, (byStage.get(c.stage) ?? 0) + c.count);
    }
    for (const [id, n] of overdue) ownOf(id).overdue += n;
    // Each unit's figures include every unit below it.
    const byOrgUnit = units.map((u) => {
      const total: UnitFigures = { count: 0, overdue: 0, yellow: 0, red: 0 };
      for (const d of units) {
        if (!d.path.startsWith(u.path)) continue;
        const f = own.get(d.id);
        if (f) for (const k of ['count', 'overdue', 'yellow', 'red'] as const) total[k] += f[k];
      }
      return { orgUnitId: u.id, name: u.name, ...total };
    });
    const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);
    return {
      byStage: [...byStage].sort(([a], [b]) => (a < b ? -1 : 1)).map(([stage, count]) => ({ stage, count })),
      byOrgUnit,
      dueSoon: sum(dueSoon.values()),
      overdue: sum(overdue.values()),
      yellowCards: sum([...own.values()].map((u) => u.yellow)),
      redCards: sum([...own.values()].map((u) => u.red)),
      supervised,
      daysPerStage,
      faultToleranceOutcomes,
    };
  }

  /** The cases of the subtree `viewerId` is recused from. */
  private async recusedCases(path: string, viewerId: string): Promise<string[]> {
    const params: unknown[] = [path];
    const rows = await this.query<{ id: string }>(`SELECT c.id FROM cases c WHERE ${recusedSql('c', viewerId, positional(params))} AND c.org_path LIKE $1`, params);
    return rows.map((r) => r.id);
  }

  /** Running clocks due in [from, to) (from null: since ever) per org unit of the subtree, but those of `recused`. */
  private async dueByUnit(path: string, recused: string[], from: Date | null, to: Date): Promise<Map<string, number>> {
    const split = splitDueRange(from, to);
    const params: unknown[] = [path];
    const p = (value: unknown) => `$${params.push(value)}`;
    const parts: string[] = [];
    if (split.days) {
      parts.push(
        `SELECT org_unit_id, cases AS n FROM case_due_counts WHERE org_unit_id IN (${SUBTREE}) AND due_day < ${p(split.days.toDay)}::date` +
          (split.days.fromDay ? ` AND due_day >= ${p(split.days.fromDay)}::date` : ''),
      );
    }
    for (const edge of split.edges) {
      // The predicate of the partial index cases_running_due_idx, which holds org_unit_id too (an index-only scan).
      parts.push(
        `SELECT org_unit_id, count(*) AS n FROM cases WHERE due_at >= ${p(edge.from)} AND due_at < ${p(edge.to)} AND NOT clock_suspended
         AND org_unit_id IN (${SUBTREE}) GROUP BY 1`,
      );
    }
    if (parts.length === 0) return new Map();
    if (recused.length > 0) {
      parts.push(
        `SELECT org_unit_id, -count(*) AS n FROM cases WHERE id = ANY(${p(recused)}::uuid[]) AND NOT clock_suspended
         AND due_at < ${p(to)}${from ? ` AND due_at >= ${p(from)}` : ''} GROUP BY 1`,
      );
    }
    const rows = await this.query<{ orgUnitId: string; n: number }>(
      `SELECT org_unit_id AS "orgUnitId", sum(n)::int AS n FROM (${parts.join(' UNION ALL ')}) due GROUP BY 1`,
      params,
    );
    return new Map(rows.map((r) => [r.orgUnitId, r.n]));
  }

  /**
   * From the histogram of days: the average from the exact total of seconds; the 90th percentile as the visit of
   * nearest rank ceil(0.9 n), placed by its rank among its bucket's visits spread evenly around their exact mean, as
   * widely as the bucket allows. So the figure stays within its bucket (within the bucket's width of the exact
   * value), a bucket of one visit gives that visit exactly, and visits of a few hours never make a p90 of half a day.
   */
  private daysPerStage(path: string, recused: string[]) {
    const withRecused = recused.length > 0 ? [path, recused] : [path];
    // A recused case's ended visits, as stage_visit_stats_recomputed counts them (stage_visits, one case at a time).
    const recusedVisits = `
      SELECT m.stage, stage_visit_days(m.seconds), -1, -m.seconds FROM unnest($2::uuid[]) AS r(case_id) CROSS JOIN LATERAL (
        SELECT e.to_stage AS stage, extract(epoch FROM lead(e.occurred_at) OVER (ORDER BY e.version) - e.occurred_at) AS seconds
        FROM audit_events e WHERE e.case_id = r.case_id AND e.stream = 'case' AND (e.from_stage IS NULL OR e.from_stage <> e.to_stage)
      ) m WHERE m.seconds IS NOT NULL`;
    return this.query<DashboardFigures['daysPerStage'][number]>(
      `WITH buckets AS (
         SELECT stage, days, stage_visit_bucket_width(days) AS width, sum(visits) AS visits, sum(seconds) AS seconds FROM (
           SELECT stage, days, visits, seconds FROM stage_visit_stats WHERE org_unit_id IN (${SUBTREE})
           ${recused.length > 0 ? `UNION ALL ${recusedVisits}` : ''}
         ) counted GROUP BY 1, 2 HAVING sum(visits) > 0
       ), ranked AS (
         SELECT stage, days, width, visits,
                least(greatest(seconds / visits / 86400, days), days + width) AS centre,
                sum(visits) OVER (PARTITION BY stage ORDER BY days) AS upto,
                sum(visits) OVER (PARTITION BY stage) AS total,
                sum(seconds) OVER (PARTITION BY stage) AS total_seconds
         FROM buckets
       ), p90_bucket AS (
         SELECT *, ceil(0.9 * total) - (upto - visits) AS rank, least(centre - days, days + width - centre) AS half_spread
         FROM ranked WHERE upto >= ceil(0.9 * total) AND upto - visits < ceil(0.9 * total)
       )
       SELECT stage, total::int AS visits,
              round(total_seconds / total / 86400, 3)::float AS "averageDays",
              round(centre + half_spread * (2 * rank - 1 - visits) / visits, 3)::float AS "p90Days"
       FROM p90_bucket
       ORDER BY stage`,
      withRecused,
    );
  }

  private query<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.dataSource.query(sql, params);
  }
}
