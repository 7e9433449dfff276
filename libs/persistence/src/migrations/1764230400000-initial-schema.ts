import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Org units, users, the case read model, reporters kept apart, the append-only audit trail, idempotency keys. */
export class InitialSchema1764230400000 implements MigrationInterface {
  name = 'InitialSchema1764230400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE org_units (
        id uuid PRIMARY KEY,
        code text NOT NULL UNIQUE,
        name text NOT NULL,
        parent_id uuid REFERENCES org_units(id),
        -- '/<root id>/…/<own id>/': a subtree is a prefix match
        path text NOT NULL UNIQUE
      )`);
    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY,
        username text NOT NULL UNIQUE,
        display_name text NOT NULL,
        password_hash text NOT NULL,
        roles text[] NOT NULL,
        org_unit_id uuid NOT NULL REFERENCES org_units(id),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE SEQUENCE case_number_seq`);
    await q.query(`
      CREATE TABLE cases (
        id uuid PRIMARY KEY,
        number text NOT NULL UNIQUE,
        title text NOT NULL,
        summary text NOT NULL,
        channel text NOT NULL,
        intake_method text NOT NULL,
        stage text NOT NULL,
        org_unit_id uuid NOT NULL REFERENCES org_units(id),
        org_path text NOT NULL,
        subject_name text NOT NULL,
        subject_position text NOT NULL,
        subject_org_unit_id uuid NOT NULL,
        subject_user_id uuid,
        assignee_id uuid,
        has_pending_approval boolean NOT NULL DEFAULT false,
        received_at timestamptz NOT NULL,
        registered_at timestamptz NOT NULL,
        stage_entered_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version integer NOT NULL,
        state jsonb NOT NULL
      )`);
    await q.query(`CREATE INDEX cases_org_path_idx ON cases (org_path text_pattern_ops)`);
    await q.query(`CREATE INDEX cases_stage_idx ON cases (stage, updated_at DESC)`);
    await q.query(`CREATE INDEX cases_assignee_idx ON cases (assignee_id) WHERE assignee_id IS NOT NULL`);
    await q.query(`CREATE INDEX cases_pending_idx ON cases (org_path) WHERE has_pending_approval`);
    await q.query(`CREATE INDEX cases_registered_idx ON cases (registered_at DESC)`);
    await q.query(`
      CREATE TABLE case_reporters (
        case_id uuid PRIMARY KEY,
        anonymous boolean NOT NULL,
        name text,
        contact text,
        recorded_by uuid NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CHECK (anonymous OR name IS NOT NULL)
      )`);
    await q.query(`
      CREATE TABLE audit_events (
        id bigserial PRIMARY KEY,
        case_id uuid NOT NULL,
        version integer NOT NULL,
        action text NOT NULL,
        actor_id uuid NOT NULL,
        actor_name text NOT NULL,
        actor_role text NOT NULL,
        occurred_at timestamptz NOT NULL,
        reason text,
        from_stage text,
        to_stage text NOT NULL,
        payload jsonb NOT NULL,
        prev_hash char(64) NOT NULL,
        hash char(64) NOT NULL,
        UNIQUE (case_id, version)
      )`);
    // The audit trail is append-only: no UPDATE, DELETE or TRUNCATE, whoever asks.
    await q.query(`
      CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only (% refused)', TG_OP;
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`);
    await q.query(`
      CREATE TABLE idempotency_keys (
        user_id uuid NOT NULL,
        key text NOT NULL,
        method text NOT NULL,
        path text NOT NULL,
        request_hash char(64) NOT NULL,
        status_code integer,
        response jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_keys`);
    await q.query(`DROP TABLE audit_events`);
    await q.query(`DROP FUNCTION audit_events_append_only`);
    await q.query(`DROP TABLE case_reporters`);
    await q.query(`DROP TABLE cases`);
    await q.query(`DROP SEQUENCE case_number_seq`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TABLE org_units`);
  }
}
