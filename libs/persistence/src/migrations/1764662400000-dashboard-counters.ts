import type { MigrationInterface, QueryRunner } from 'typeorm';
import { COUNTER_FUNCTIONS, COUNTER_TABLES, COUNTER_TRIGGERS, COUNTER_VIEWS } from './dashboard-counters.sql';

/**
 * Exact dashboard counters, kept by triggers in the same transaction as the write they count, so the dashboard
 * reads a few hundred counter rows instead of scanning a subtree of a million cases (no scan fits the target):
 * cases per (unit, stage, card, supervised), open clocks per (unit, due day), ended stage visits per (unit, stage,
 * whole days) and fault-tolerance reviews per (unit, outcome). `dashboard_counters_rebuild()` recomputes them all;
 * `dashboard_counter_differences` lists where they differ from a recomputation (npm run verify).
 *
 * Also the partial indexes of the task inbox (open cases, oldest stage first) and of the clocks that fall due.
 */
export class DashboardCounters1764662400000 implements MigrationInterface {
  name = 'DashboardCounters1764662400000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of [...COUNTER_TABLES, ...COUNTER_VIEWS, ...COUNTER_FUNCTIONS, ...COUNTER_TRIGGERS]) await q.query(sql);
    await q.query('SELECT dashboard_counters_rebuild()');
    // Open cases of one assignee, oldest stage first: an officer's inbox comes off the index in order.
    await q.query(`CREATE INDEX cases_open_assignee_idx ON cases (assignee_id, stage_entered_at)
      WHERE stage NOT IN ('CLOSED', 'SERVED', 'SHELVED')`);
    // Every open case, oldest stage first: a supervisor's inbox reads it in order and stops at its limit.
    await q.query(`CREATE INDEX cases_open_stage_entered_idx ON cases (stage_entered_at)
      WHERE stage NOT IN ('CLOSED', 'SERVED', 'SHELVED')`);
    // Clocks that run (the dashboard's overdue and due-soon predicate): the part of a day the counters cannot split.
    await q.query(`CREATE INDEX cases_running_due_idx ON cases (due_at) INCLUDE (org_unit_id)
      WHERE due_at IS NOT NULL AND NOT clock_suspended`);
    // A stage and channel filter: the page in date order, and its capped count from the index alone.
    await q.query(`CREATE INDEX cases_stage_channel_idx ON cases (stage, channel, registered_at DESC) INCLUDE (org_path)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of ['cases_open_assignee_idx', 'cases_open_stage_entered_idx', 'cases_running_due_idx', 'cases_stage_channel_idx']) {
      await q.query(`DROP INDEX ${index}`);
    }
    await q.query('DROP TRIGGER cases_counters_insert_delete ON cases');
    await q.query('DROP TRIGGER cases_counters_update ON cases');
    await q.query('DROP TRIGGER audit_events_stage_visit ON audit_events');
    await q.query('DROP TRIGGER fault_tolerance_reviews_counters ON fault_tolerance_reviews');
    await q.query('DROP VIEW dashboard_counter_differences');
    await q.query('DROP FUNCTION dashboard_counters_rebuild, cases_counters, audit_events_stage_visit, reviews_counters, case_attributed_add');
    await q.query('DROP VIEW case_counts_recomputed, case_due_counts_recomputed, stage_visit_stats_recomputed, review_outcome_counts_recomputed, stage_visits');
    await q.query('DROP FUNCTION stage_visit_days, stage_visit_bucket_width');
    await q.query('DROP TABLE case_counts, case_due_counts, stage_visit_stats, review_outcome_counts');
  }
}
