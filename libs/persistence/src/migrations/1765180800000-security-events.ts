import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The security-event log (安全审计): one hash chain of sign-ins, refusals, revocations and publications, append-only
 * like the case audit trail, numbered without gaps so that a removed event shows. And the sessions tokens stand for,
 * so that a token can be revoked before it expires and one left unused for the idle limit is refused.
 */
export class SecurityEvents1765180800000 implements MigrationInterface {
  name = 'SecurityEvents1765180800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE security_events (
        seq bigint PRIMARY KEY CHECK (seq > 0),
        kind text NOT NULL,
        occurred_at timestamptz NOT NULL,
        actor_id uuid,
        actor_name text NOT NULL,
        subject text,
        reason text,
        address text,
        details jsonb NOT NULL,
        prev_hash char(64) NOT NULL,
        hash char(64) NOT NULL
      )`);
    await q.query('CREATE INDEX security_events_by_time ON security_events (occurred_at)');
    await q.query('CREATE INDEX security_events_by_kind ON security_events (kind, occurred_at)');
    await q.query('CREATE INDEX security_events_by_actor ON security_events (actor_name, occurred_at)');
    await q.query(`
      CREATE FUNCTION security_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'security_events is append-only (% refused)', TG_OP;
      END $$`);
    await q.query(`
      CREATE TRIGGER security_events_no_change BEFORE UPDATE OR DELETE ON security_events
      FOR EACH ROW EXECUTE FUNCTION security_events_append_only()`);
    await q.query(`
      CREATE TRIGGER security_events_no_truncate BEFORE TRUNCATE ON security_events
      FOR EACH STATEMENT EXECUTE FUNCTION security_events_append_only()`);

    await q.query(`
      CREATE TABLE auth_sessions (
        jti uuid PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        issued_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        ended_at timestamptz
      )`);
    await q.query('CREATE INDEX auth_sessions_by_user ON auth_sessions (user_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE auth_sessions');
    await q.query('DROP TABLE security_events');
    await q.query('DROP FUNCTION security_events_append_only');
  }
}
