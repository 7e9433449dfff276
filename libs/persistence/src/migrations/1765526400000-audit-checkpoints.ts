import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signed checkpoints of every audit chain's head (and the security-event log's), append-only like the trails they
 * vouch for. `heads` is binary (libs/persistence/src/audit-checkpoint.ts): every head for a full checkpoint, the ones
 * that advanced since `base_id` for a delta.
 */
export class AuditCheckpoints1765526400000 implements MigrationInterface {
  name = 'AuditCheckpoints1765526400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE audit_checkpoints (
        id bigint PRIMARY KEY,
        created_at timestamptz NOT NULL,
        key_id text NOT NULL,
        base_id bigint,
        streams integer NOT NULL,
        state_digest char(64) NOT NULL,
        heads bytea NOT NULL,
        heads_digest char(64) NOT NULL,
        security_events_seq bigint,
        security_events_hash char(64),
        signature char(64) NOT NULL
      )`);
    await q.query('CREATE SEQUENCE audit_checkpoints_id_seq OWNED BY audit_checkpoints.id');
    await q.query(`
      CREATE FUNCTION audit_checkpoints_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_checkpoints is append-only (% refused)', TG_OP;
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_checkpoints_no_change BEFORE UPDATE OR DELETE ON audit_checkpoints
      FOR EACH ROW EXECUTE FUNCTION audit_checkpoints_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints
      FOR EACH STATEMENT EXECUTE FUNCTION audit_checkpoints_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE audit_checkpoints');
    await q.query('DROP FUNCTION audit_checkpoints_append_only');
  }
}
