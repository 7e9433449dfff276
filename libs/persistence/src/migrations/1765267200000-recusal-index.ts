import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The cases a user is recused from, found by the user (`recused_user_ids @> ARRAY[user]`): the dashboard takes them
 * out of its per-unit counters for that user. Usually none or a few rows, so a GIN lookup instead of a subtree scan.
 */
export class RecusalIndex1765267200000 implements MigrationInterface {
  name = 'RecusalIndex1765267200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('CREATE INDEX cases_recused_users_idx ON cases USING gin (recused_user_ids)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX cases_recused_users_idx');
  }
}
