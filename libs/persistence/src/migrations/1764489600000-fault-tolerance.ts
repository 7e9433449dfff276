import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fault-tolerance reviews: each review's events form their own hash-chained audit stream beside the case's
 * ('case'), and its state is readable in `fault_tolerance_reviews`.
 */
export class FaultTolerance1764489600000 implements MigrationInterface {
  name = 'FaultTolerance1764489600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_events ADD COLUMN stream text NOT NULL DEFAULT 'case'`);
    await q.query(`ALTER TABLE audit_events DROP CONSTRAINT audit_events_case_id_version_key`);
    await q.query(`ALTER TABLE audit_events ADD CONSTRAINT audit_events_case_stream_version_key UNIQUE (case_id, stream, version)`);
    await q.query(`
      CREATE TABLE fault_tolerance_reviews (
        id text PRIMARY KEY,
        case_id uuid NOT NULL,
        seq integer NOT NULL,
        version integer NOT NULL,
        status text NOT NULL,
        state jsonb NOT NULL,
        updated_at timestamptz NOT NULL,
        UNIQUE (case_id, seq)
      )`);
    await q.query(`CREATE INDEX cases_subject_user_idx ON cases (subject_user_id) WHERE subject_user_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX cases_subject_user_idx`);
    await q.query(`DROP TABLE fault_tolerance_reviews`);
    await q.query(`ALTER TABLE audit_events DROP CONSTRAINT audit_events_case_stream_version_key`);
    await q.query(`ALTER TABLE audit_events ADD CONSTRAINT audit_events_case_id_version_key UNIQUE (case_id, version)`);
    await q.query(`ALTER TABLE audit_events DROP COLUMN stream`);
  }
}
