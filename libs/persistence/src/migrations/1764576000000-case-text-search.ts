import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Trigram index for the case list's text search: ILIKE '%…%' over four columns could only scan every case, far over
 * the search's latency target at scale. CaseReadRepository searches the very same expression. pg_trgm is a trusted
 * extension, so the database owner may create it; in C.UTF-8, Chinese text has trigrams too.
 */
export class CaseTextSearch1764576000000 implements MigrationInterface {
  name = 'CaseTextSearch1764576000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE INDEX cases_search_trgm_idx ON cases USING gin ((title || ' ' || summary || ' ' || number || ' ' || subject_name) gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX cases_search_trgm_idx`);
  }
}
