import type { MigrationInterface, QueryRunner } from 'typeorm';

const SEARCHED_BEFORE = `title || ' ' || summary || ' ' || number || ' ' || subject_name`;
const SEARCHED = `${SEARCHED_BEFORE} || ' ' || attached_text`;

/**
 * Evidence as files (issue 19 §2). `evidence_files`: one row per stored file, its bytes sealed in the file store
 * under a data key kept here wrapped by the master key (`wrapped_key`, rewrapped by `npm run keys -- rewrap`). A file
 * is never deleted and never changes but for that rewrap: a correction is a new file that `supersedes` it. The
 * triggers hold that for every role; the application role also gets no DELETE (database-roles).
 *
 * Search: `cases.attached_text` holds the searched text of what is attached to a case (evidence descriptions, and
 * whatever else a projection adds), written with the row from the case's state; the trigram index and the doubled
 * characters of CaseTextSearch and CaseSearchPairs now cover it too.
 */
export class EvidenceFiles1765785600000 implements MigrationInterface {
  name = 'EvidenceFiles1765785600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE evidence_files (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL,
        name text NOT NULL,
        media_type text NOT NULL,
        size bigint NOT NULL CHECK (size >= 0),
        sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
        storage_key text NOT NULL UNIQUE,
        wrapped_key text NOT NULL,
        uploaded_by uuid NOT NULL,
        uploaded_by_name text NOT NULL,
        uploaded_at timestamptz NOT NULL,
        supersedes uuid UNIQUE REFERENCES evidence_files (id)
      )`);
    await q.query(`CREATE INDEX evidence_files_case_idx ON evidence_files (case_id, uploaded_at)`);
    await q.query(`
      CREATE FUNCTION evidence_files_kept() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) - 'wrapped_key') = (to_jsonb(OLD) - 'wrapped_key') THEN RETURN NEW; END IF;
        RAISE EXCEPTION 'evidence files are never deleted or changed (a correction supersedes them)' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER evidence_files_no_change BEFORE UPDATE OR DELETE ON evidence_files FOR EACH ROW EXECUTE FUNCTION evidence_files_kept()`);
    await q.query(`CREATE TRIGGER evidence_files_no_truncate BEFORE TRUNCATE ON evidence_files FOR EACH STATEMENT EXECUTE FUNCTION evidence_files_kept()`);

    await q.query(`ALTER TABLE cases ADD COLUMN attached_text text NOT NULL DEFAULT ''`);
    await q.query(`UPDATE cases SET attached_text = d.text FROM (
        SELECT id, string_agg(e ->> 'description', ' ') AS text FROM cases, jsonb_array_elements(state -> 'evidence') e
        WHERE jsonb_typeof(state -> 'evidence') = 'array' GROUP BY id) d
      WHERE cases.id = d.id AND d.text IS NOT NULL`);
    await this.searchOver(q, SEARCHED);
  }

  async down(q: QueryRunner): Promise<void> {
    await this.searchOver(q, SEARCHED_BEFORE);
    await q.query('ALTER TABLE cases DROP COLUMN attached_text');
    await q.query('DROP TABLE evidence_files');
    await q.query('DROP FUNCTION evidence_files_kept');
  }

  /** The two search indexes (CaseTextSearch, CaseSearchPairs) over `searched`. */
  private async searchOver(q: QueryRunner, searched: string): Promise<void> {
    await q.query('DROP INDEX cases_search_trgm_idx');
    await q.query(`CREATE INDEX cases_search_trgm_idx ON cases USING gin ((${searched}) gin_trgm_ops)`);
    await q.query('DROP INDEX cases_search_pairs_idx');
    await q.query('ALTER TABLE cases DROP COLUMN search_pairs');
    await q.query(`ALTER TABLE cases ADD COLUMN search_pairs text GENERATED ALWAYS AS (lower(regexp_replace(${searched}, '(.)', '\\1\\1', 'g'))) STORED`);
    await q.query(`CREATE INDEX cases_search_pairs_idx ON cases USING gin (search_pairs gin_trgm_ops)`);
  }
}
