import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Administration in the product: an account whose password an administrator set must change it at the next sign-in,
 * and a retired unit (撤销) keeps its row, its cases and its history but takes no new users, units or cases.
 */
export class Administration1765612800000 implements MigrationInterface {
  name = 'Administration1765612800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false');
    await q.query('ALTER TABLE org_units ADD COLUMN retired_at timestamptz');
    // The user list filters by unit; retiring and moving count a unit's active users.
    await q.query('CREATE INDEX users_org_unit_idx ON users (org_unit_id)');
    await q.query('CREATE INDEX org_units_path_idx ON org_units (path text_pattern_ops)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX org_units_path_idx');
    await q.query('DROP INDEX users_org_unit_idx');
    await q.query('ALTER TABLE org_units DROP COLUMN retired_at');
    await q.query('ALTER TABLE users DROP COLUMN must_change_password');
  }
}
