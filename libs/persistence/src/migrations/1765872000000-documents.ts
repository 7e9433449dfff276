import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Documents (文书): the number sequence per kind and year (one row each, incremented in place, so concurrent draws
 * queue on its row lock and never share a number), the templates administrators upload (versioned; none means the
 * built-in one), and the generated files: each a row naming its sealed bytes in the file store (FILE_STORE) and its
 * data key, wrapped by the master keys like the evidence files'.
 */
export class Documents1765872000000 implements MigrationInterface {
  name = 'Documents1765872000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE document_number_sequences (
        kind varchar(40) NOT NULL,
        year integer NOT NULL,
        last_number integer NOT NULL,
        PRIMARY KEY (kind, year)
      )`);
    await q.query(`
      CREATE TABLE document_templates (
        kind varchar(40) NOT NULL,
        version integer NOT NULL,
        content bytea NOT NULL,
        sha256 char(64) NOT NULL,
        number_prefix varchar(40) NOT NULL,
        uploaded_by uuid NOT NULL,
        uploaded_by_name text NOT NULL,
        uploaded_at timestamptz NOT NULL,
        PRIMARY KEY (kind, version)
      )`);
    await q.query(`
      CREATE TABLE case_document_files (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL,
        kind varchar(40) NOT NULL,
        sha256 char(64) NOT NULL,
        size bigint NOT NULL,
        blob_key text NOT NULL,
        wrapped_key text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX case_document_files_by_case ON case_document_files (case_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE case_document_files');
    await q.query('DROP TABLE document_templates');
    await q.query('DROP TABLE document_number_sequences');
  }
}
