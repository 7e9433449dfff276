import { SUBJECT_TOLD_CLOSURES, SUBJECT_TOLD_STAGES } from '@dandang/domain';
import type { MigrationInterface, QueryRunner } from 'typeorm';

const quoted = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * Who may see a case, as columns a list can filter on (the domain's `maySeeCase`): the users recused from it, and
 * whether the official concerned has been told of it. Both are small and kept in the row itself, where the case's
 * state would have to be read for every row a list or count considers.
 */
export class CaseSight1764921600000 implements MigrationInterface {
  name = 'CaseSight1764921600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases
      ADD COLUMN recused_user_ids text[] NOT NULL DEFAULT '{}',
      ADD COLUMN subject_told boolean NOT NULL DEFAULT false`);
    await q.query(`UPDATE cases SET
      recused_user_ids = ARRAY(SELECT jsonb_array_elements_text(state->'recusedUserIds')),
      subject_told = stage IN (${quoted(SUBJECT_TOLD_STAGES)})
        OR (stage = 'CLOSED' AND state->'closure'->>'kind' IN (${quoted(SUBJECT_TOLD_CLOSURES)}))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE cases DROP COLUMN recused_user_ids, DROP COLUMN subject_told');
  }
}
