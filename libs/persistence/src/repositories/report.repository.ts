import type { CaseListScope } from '@dandang/domain';
import { FOUR_FORM_ORDER, FOUR_FORM_RULES } from '@dandang/domain';
import type { StatisticsReport } from '@dandang/contracts';
import type { DataSource } from 'typeorm';
import { caseScopeSql, escapeLike, positional } from './case-sight.sql';

type Counted<K extends string> = { [P in K]: string } & { orgUnitId: string; count: number };

/** The four forms' table (FOUR_FORM_RULES) as SQL rows, with each form's rank for "the heaviest". */
const FOUR_FORM_TABLE = `(VALUES ${FOUR_FORM_RULES.map(
  (r) => `('${r.form}', ${r.subtype ? `'${r.subtype}'` : 'NULL'}, '${r.fourForm}', ${FOUR_FORM_ORDER.indexOf(r.fourForm)})`,
).join(', ')}) AS ff(form, subtype, four_form, rank)`;

/** A decided case's forms as they stand: a varied appeal's forms, none after a revoked one, else the decision's. */
const EFFECTIVE_FORMS = `CASE c.state->'appeal'->'decision'->>'outcome'
  WHEN 'VARIED' THEN coalesce(c.state->'appeal'->'decision'->'forms', '[]'::jsonb)
  WHEN 'REVOKED' THEN '[]'::jsonb
  ELSE coalesce(c.state->'decision'->'forms', '[]'::jsonb) END`;

/**
 * The statistics of a period (StatisticsReport), counted in SQL over the read model and the audit trail: each count
 * reads the cases the viewer may see (the sight rule, `caseScopeSql`, in every statement) and the events dated in
 * the period. Figures are per org unit, summed up the tree here, as the dashboard's are.
 */
export class ReportRepository {
  constructor(private readonly dataSource: DataSource) {}

  async statistics(scope: CaseListScope, from: Date, to: Date): Promise<Omit<StatisticsReport, 'period' | 'orgUnitId' | 'generatedAt' | 'withheld'>> {
    const statement = (build: (sight: string, p: (value: unknown) => string) => string) => {
      const params: unknown[] = [];
      const p = positional(params);
      const sight = caseScopeSql(scope, 'c', p);
      return this.dataSource.query(build(sight, p), params);
    };
    const inPeriod = (column: string, p: (value: unknown) => string) => `${column} >= ${p(from)} AND ${column} < ${p(to)}`;
    const closedAt = `(c.state->'closure'->>'at')::timestamptz`;
    const approvedAt = `(c.state->'decision'->>'approvedAt')::timestamptz`;

    const [units, received, concluded, decisions, forms, fourForms, light, rungs, reviews] = (await Promise.all([
      this.dataSource.query('SELECT id, name, path FROM org_units WHERE path LIKE $1 ORDER BY path', [`${escapeLike(scope.orgPath)}%`]),
      statement((sight, p) => `SELECT c.org_unit_id AS "orgUnitId", c.channel, c.intake_method AS "intakeMethod", count(*)::int AS count
        FROM cases c WHERE ${sight} AND ${inPeriod('c.registered_at', p)} GROUP BY 1, 2, 3`),
      statement((sight, p) => `SELECT c.org_unit_id AS "orgUnitId", c.state->'closure'->>'kind' AS kind, count(*)::int AS count
        FROM cases c WHERE ${sight} AND c.state ? 'closure' AND ${inPeriod(closedAt, p)} GROUP BY 1, 2`),
      statement((sight, p) => `SELECT c.org_unit_id AS "orgUnitId", count(*)::int AS count
        FROM cases c WHERE ${sight} AND c.state ? 'decision' AND ${inPeriod(approvedAt, p)} GROUP BY 1`),
      statement((sight, p) => `SELECT f->>'form' AS form, f->>'subtype' AS subtype, count(*)::int AS count
        FROM cases c CROSS JOIN LATERAL jsonb_array_elements(${EFFECTIVE_FORMS}) AS f
        WHERE ${sight} AND c.state ? 'decision' AND ${inPeriod(approvedAt, p)} GROUP BY 1, 2 ORDER BY 1, 2`),
      statement((sight, p) => `SELECT heaviest AS "fourForm", count(*)::int AS count FROM (
          SELECT (SELECT ff.four_form FROM jsonb_array_elements(${EFFECTIVE_FORMS}) AS f JOIN ${FOUR_FORM_TABLE}
                    ON ff.form = f->>'form' AND (ff.subtype IS NULL OR ff.subtype = f->>'subtype') ORDER BY ff.rank DESC LIMIT 1) AS heaviest
          FROM cases c WHERE ${sight} AND c.state ? 'decision' AND ${inPeriod(approvedAt, p)}
        ) decided WHERE heaviest IS NOT NULL GROUP BY 1`),
      // A clue closed with a light measure is the first form: an inquiry's light handling (谈话提醒 …) or a
      // verification's reminder talk, dated by the closure.
      statement((sight, p) => `SELECT count(*)::int AS count FROM cases c
        WHERE ${sight} AND c.state ? 'closure' AND ${inPeriod(closedAt, p)}
          AND ((c.state->'closure'->>'kind' = 'INQUIRY_CLOSED' AND c.state->'inquiry'->>'outcome' = 'LIGHT_HANDLING')
            OR c.state->'closure'->>'kind' = 'REMINDED')`),
      statement((sight, p) => `SELECT c.org_unit_id AS "orgUnitId", e.payload->>'kind' AS kind, count(*)::int AS count
        FROM audit_events e JOIN cases c ON c.id = e.case_id
        WHERE ${sight} AND e.action = 'deadlineRung' AND e.payload->>'kind' IN ('YELLOW_CARD', 'RED_CARD', 'ESCALATION')
          AND ${inPeriod('e.occurred_at', p)} GROUP BY 1, 2`),
      statement((sight, p) => `SELECT CASE WHEN (e.payload->>'declined')::boolean THEN 'DECLINED' ELSE e.payload->>'outcome' END AS outcome, count(*)::int AS count
        FROM audit_events e JOIN cases c ON c.id = e.case_id
        WHERE ${sight} AND e.stream = 'case' AND e.action = 'toleranceReviewConcluded' AND ${inPeriod('e.occurred_at', p)}
        GROUP BY 1 ORDER BY 1`),
    ])) as [
      { id: string; name: string; path: string }[],
      (Counted<'channel' | 'intakeMethod'>)[],
      Counted<'kind'>[],
      { orgUnitId: string; count: number }[],
      { form: string; subtype: string | null; count: number }[],
      { fourForm: string; count: number }[],
      { count: number }[],
      Counted<'kind'>[],
      { outcome: string | null; count: number }[],
    ];

    const tally = <K extends string>(rows: ({ [P in K]: string } & { count: number })[], key: K) => {
      const sums = new Map<string, number>();
      for (const r of rows) sums.set(r[key], (sums.get(r[key]) ?? 0) + r.count);
      return [...sums].sort(([a], [b]) => (a < b ? -1 : 1)).map(([value, count]) => ({ [key]: value, count }) as { [P in K]: string } & { count: number });
    };
    const total = (rows: { count: number }[]) => rows.reduce((n, r) => n + r.count, 0);
    const ownOf = (rows: { orgUnitId: string; count: number }[], filter: (r: never) => boolean = () => true) => {
      const own = new Map<string, number>();
      for (const r of rows) if (filter(r as never)) own.set(r.orgUnitId, (own.get(r.orgUnitId) ?? 0) + r.count);
      return own;
    };
    const own = {
      received: ownOf(received),
      concluded: ownOf(concluded),
      decisions: ownOf(decisions),
      yellowCards: ownOf(rungs, (r: { kind: string }) => r.kind === 'YELLOW_CARD'),
      redCards: ownOf(rungs, (r: { kind: string }) => r.kind === 'RED_CARD'),
    };
    const byOrgUnit = units.map((u) => {
      const below = units.filter((d) => d.path.startsWith(u.path));
      const sum = (m: Map<string, number>) => below.reduce((n, d) => n + (m.get(d.id) ?? 0), 0);
      return {
        orgUnitId: u.id, name: u.name, received: sum(own.received), concluded: sum(own.concluded), decisions: sum(own.decisions),
        yellowCards: sum(own.yellowCards), redCards: sum(own.redCards),
      };
    });
    const lightHandlings = light[0]?.count ?? 0;
    const byFourForms = FOUR_FORM_ORDER.map((fourForm) => ({
      fourForm,
      count: (fourForms.find((f) => f.fourForm === fourForm)?.count ?? 0) + (fourForm === 'FIRST' ? lightHandlings : 0),
    })).filter((f) => f.count > 0);
    return {
      received: { total: total(received), byChannel: tally(received, 'channel'), byIntakeMethod: tally(received, 'intakeMethod') },
      concluded: { total: total(concluded), byClosure: tally(concluded, 'kind') },
      accountability: { decisions: total(decisions), byForm: forms, byFourForms, lightHandlings },
      deadlines: {
        yellowCards: total(rungs.filter((r) => r.kind === 'YELLOW_CARD')),
        redCards: total(rungs.filter((r) => r.kind === 'RED_CARD')),
        escalations: total(rungs.filter((r) => r.kind === 'ESCALATION')),
      },
      faultTolerance: { byOutcome: reviews.filter((r) => r.outcome !== null) as never },
      byOrgUnit,
    } as never;
  }
}
