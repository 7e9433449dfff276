import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Text search for two-character terms. A trigram index (CaseTextSearch) cannot serve ILIKE '%拖延%': a two-character
 * pattern has no trigram, so the search scanned every case, and two characters is the commonest length of a Chinese
 * word. Writing every character twice makes pairs into trigrams: 'xy' occurs in a text exactly when 'xxyy' occurs in
 * the text with its characters doubled, and 'xxyy' has the trigrams 'xxy' and 'xyy'. CaseReadRepository searches
 * two-character terms on this same expression.
 */
export class CaseSearchPairs1764748800000 implements MigrationInterface {
  name = 'CaseSearchPairs1764748800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION case_search_pairs(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
      RETURN regexp_replace($1, '(.)', '\\1\\1', 'g')`);
    await q.query(`CREATE INDEX cases_search_pairs_idx ON cases USING gin
      (case_search_pairs(title || ' ' || summary || ' ' || number || ' ' || subject_name) gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX cases_search_pairs_idx');
    await q.query('DROP FUNCTION case_search_pairs');
  }
}
