import type { DataSource } from 'typeorm';

export interface DashboardFigures {
  byStage: { stage: string; count: number }[];
  byOrgUnit: { orgUnitId: string; name: string; count: number; overdue: number; yellow: number; red: number }[];
  dueSoon: number;
  overdue: number;
  yellowCards: number;
  redCards: number;
  supervised: number;
  /** Days spent in each stage by visits that ended: average and 90th percentile. */
  daysPerStage: { stage: string; visits: number; averageDays: number; p90Days: number }[];
  /** Fault-tolerance reviews by outcome (EXEMPTION, MITIGATION, REJECTION), or by status while undetermined. */
  faultToleranceOutcomes: { outcome: string; count: number }[];
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Aggregates over the read model and the audit trail, for one org-unit subtree. */
export class DashboardRepository {
  constructor(private readonly dataSource: DataSource) {}

  async figures(orgPath: string, now: Date, dueSoonMs: number): Promise<DashboardFigures> {
    const path = `${escapeLike(orgPath)}%`;
    const q = <T>(sql: string, params: unknown[]) => this.dataSource.query(sql, params) as Promise<T[]>;
    const [byStage, byOrgUnit, [cards], daysPerStage, faultToleranceOutcomes] = await Promise.all([
      q<{ stage: string; count: number }>(
        `SELECT stage, count(*)::int AS count FROM cases WHERE org_path LIKE $1 GROUP BY stage ORDER BY stage`,
        [path],
      ),
      q<DashboardFigures['byOrgUnit'][number]>(
        // Cases are counted once per unit path, then rolled up to every unit above (no per-pair LIKE over cases).
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
      ),
      q<{ dueSoon: number; overdue: number; yellow: number; red: number; supervised: number }>(
        `SELECT count(*) FILTER (WHERE due_at >= $2 AND due_at < $3 AND NOT clock_suspended)::int AS "dueSoon",
                count(*) FILTER (WHERE due_at < $2 AND NOT clock_suspended)::int AS overdue,
                count(*) FILTER (WHERE card = 'YELLOW')::int AS yellow,
                count(*) FILTER (WHERE card = 'RED')::int AS red,
                count(*) FILTER (WHERE supervised)::int AS supervised
         FROM cases WHERE org_path LIKE $1`,
        [path, now, new Date(now.getTime() + dueSoonMs)],
      ),
      q<DashboardFigures['daysPerStage'][number]>(
        `WITH moves AS (
           SELECT e.case_id, e.to_stage AS stage, e.occurred_at AS entered,
                  lead(e.occurred_at) OVER (PARTITION BY e.case_id ORDER BY e.version) AS left_at
           FROM audit_events e JOIN cases c ON c.id = e.case_id
           WHERE c.org_path LIKE $1 AND (e.from_stage IS NULL OR e.from_stage <> e.to_stage)
         )
         SELECT stage, count(*)::int AS visits,
                round((avg(extract(epoch FROM left_at - entered)) / 86400)::numeric, 3)::float AS "averageDays",
                round((percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM left_at - entered)) / 86400)::numeric, 3)::float AS "p90Days"
         FROM moves WHERE left_at IS NOT NULL GROUP BY stage ORDER BY stage`,
        [path],
      ),
      q<DashboardFigures['faultToleranceOutcomes'][number]>(
        `SELECT coalesce(r.state->'determination'->>'outcome', r.status) AS outcome, count(*)::int AS count
         FROM fault_tolerance_reviews r JOIN cases c ON c.id = r.case_id
         WHERE c.org_path LIKE $1 GROUP BY 1 ORDER BY 1`,
        [path],
      ),
    ]);
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
}
