import { concernedUserIds } from '@dandang/domain';
import type { CaseState } from '@dandang/contracts';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const BATCH = 1000;

/**
 * The accounts of every person concerned by a case (the registered subject and those added to it: the domain's
 * `concernedUserIds`): each sees the case once told of it, as the registered subject alone did through
 * subject_user_id. Lists of an official's cases filter on it (`concerned_user_ids @> ARRAY[user]`), hence the index,
 * which holds only the rows of cases about an official with an account.
 */
export class ConcernedUsers1766217600000 implements MigrationInterface {
  name = 'ConcernedUsers1766217600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases ADD COLUMN concerned_user_ids text[] NOT NULL DEFAULT '{}'`);
    await q.query('CREATE INDEX cases_concerned_users_idx ON cases USING gin (concerned_user_ids) WHERE cardinality(concerned_user_ids) > 0');
    // Existing rows, from their state by the domain's own rule; only cases that name an account can have one.
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: { id: string; state: CaseState }[] = await q.query(
        `SELECT id, state FROM cases WHERE id > $1 AND (subject_user_id IS NOT NULL OR state ? 'persons') ORDER BY id LIMIT ${BATCH}`,
        [after],
      );
      if (rows.length === 0) break;
      await q.query(
        `UPDATE cases c SET concerned_user_ids = ARRAY(SELECT jsonb_array_elements_text(u.users))
         FROM unnest($1::uuid[], $2::jsonb[]) AS u(id, users) WHERE c.id = u.id`,
        [rows.map((r) => r.id), rows.map((r) => JSON.stringify(concernedUserIds(r.state)))],
      );
      after = rows[rows.length - 1].id;
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX cases_concerned_users_idx');
    await q.query('ALTER TABLE cases DROP COLUMN concerned_user_ids');
  }
}
