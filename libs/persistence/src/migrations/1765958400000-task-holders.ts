import { taskHolders } from '@dandang/domain';
import type { CaseState } from '@dandang/contracts';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const BATCH = 1000;

/**
 * Who a case's outstanding step work waits on beyond its stage (the domain's `taskHolders`): the users owing a step
 * (a reporter notice, a name clearing, a due shelved review) and whether a supervisor's decision waits (an appeal,
 * an ordered correction). The task inbox takes open cases by stage and assignee off the partial indexes of
 * DashboardCounters; these columns let it also find the served, closed and shelved cases that still wait on someone.
 * Both indexes hold only the few rows that wait, so neither grows with the closed cases.
 */
export class TaskHolders1765958400000 implements MigrationInterface {
  name = 'TaskHolders1765958400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases
      ADD COLUMN waiting_user_ids text[] NOT NULL DEFAULT '{}',
      ADD COLUMN awaits_supervisor boolean NOT NULL DEFAULT false`);
    // The query repeats the predicate (cardinality … > 0) so that the planner may use the partial index.
    await q.query('CREATE INDEX cases_waiting_users_idx ON cases USING gin (waiting_user_ids) WHERE cardinality(waiting_user_ids) > 0');
    await q.query('CREATE INDEX cases_awaits_supervisor_idx ON cases (stage_entered_at) WHERE awaits_supervisor');
    // Existing rows, from their state by the domain's own rule (not a copy of it in SQL); only those that may owe a step.
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: { id: string; state: CaseState }[] = await q.query(
        `SELECT id, state FROM cases
         WHERE id > $1 AND (stage = 'SHELVED' OR state ?| ARRAY['appeal', 'correctionOrders', 'nameClearing', 'reporterNotices'])
         ORDER BY id LIMIT ${BATCH}`,
        [after],
      );
      if (rows.length === 0) break;
      const holders = rows.map((r) => taskHolders(r.state));
      await q.query(
        `UPDATE cases c SET waiting_user_ids = ARRAY(SELECT jsonb_array_elements_text(h.users)), awaits_supervisor = h.supervisor
         FROM unnest($1::uuid[], $2::jsonb[], $3::boolean[]) AS h(id, users, supervisor) WHERE c.id = h.id`,
        [rows.map((r) => r.id), holders.map((h) => JSON.stringify(h.userIds)), holders.map((h) => h.supervisor)],
      );
      after = rows[rows.length - 1].id;
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX cases_waiting_users_idx, cases_awaits_supervisor_idx');
    await q.query('ALTER TABLE cases DROP COLUMN waiting_user_ids, DROP COLUMN awaits_supervisor');
  }
}
