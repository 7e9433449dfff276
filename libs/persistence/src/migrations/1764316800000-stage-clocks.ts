import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CHINA_CALENDAR_2025_2026, DEFAULT_POLICY } from '@dandang/domain';

/**
 * Versioned policies and holiday calendars (cases pin the versions they start with), the deadline columns of the
 * read model, and the notification outbox.
 */
export class StageClocks1764316800000 implements MigrationInterface {
  name = 'StageClocks1764316800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE policies (
        version text PRIMARY KEY,
        data jsonb NOT NULL,
        published_at timestamptz NOT NULL DEFAULT now(),
        published_by uuid
      )`);
    await q.query(`
      CREATE TABLE calendars (
        version text PRIMARY KEY,
        data jsonb NOT NULL,
        published_at timestamptz NOT NULL DEFAULT now(),
        published_by uuid
      )`);
    await q.query(`INSERT INTO policies (version, data, published_at) VALUES ($1, $2, '2026-01-01T00:00:00Z')`, [
      DEFAULT_POLICY.version,
      JSON.stringify(DEFAULT_POLICY),
    ]);
    await q.query(`INSERT INTO calendars (version, data, published_at) VALUES ($1, $2, '2026-01-01T00:00:00Z')`, [
      CHINA_CALENDAR_2025_2026.version,
      JSON.stringify(CHINA_CALENDAR_2025_2026),
    ]);
    // A region code selects the calendar's regional overrides for cases handled by the unit.
    await q.query(`ALTER TABLE org_units ADD COLUMN region_code text`);
    await q.query(`ALTER TABLE cases ADD COLUMN due_at timestamptz`);
    await q.query(`ALTER TABLE cases ADD COLUMN card text NOT NULL DEFAULT 'NONE'`);
    await q.query(`ALTER TABLE cases ADD COLUMN supervised boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE cases ADD COLUMN clock_suspended boolean NOT NULL DEFAULT false`);
    await q.query(`CREATE INDEX cases_due_idx ON cases (due_at) WHERE due_at IS NOT NULL`);
    await q.query(`CREATE INDEX cases_card_idx ON cases (card) WHERE card <> 'NONE'`);
    await q.query(`
      CREATE TABLE notifications (
        id bigserial PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id),
        case_id uuid,
        kind text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        -- one notification per user and event, however often the activity is retried
        dedupe_key text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        webhook_delivered_at timestamptz,
        UNIQUE (user_id, dedupe_key)
      )`);
    await q.query(`CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notifications`);
    await q.query(`ALTER TABLE cases DROP COLUMN due_at, DROP COLUMN card, DROP COLUMN supervised, DROP COLUMN clock_suspended`);
    await q.query(`ALTER TABLE org_units DROP COLUMN region_code`);
    await q.query(`DROP TABLE calendars`);
    await q.query(`DROP TABLE policies`);
  }
}
