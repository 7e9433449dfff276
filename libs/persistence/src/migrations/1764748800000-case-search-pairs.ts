import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Text search for two-character terms. A trigram index (CaseTextSearch) cannot serve ILIKE '%拖延%': a two-character
 * pattern has no trigram, so the search scanned every case, and two characters is the commonest length of a Chinese
 * word. Writing every character twice makes pairs into trigrams: 'xy' occurs in a text exactly when 'xxyy' occurs in
 * the text with its characters doubled, and 'xxyy' has the trigrams 'xxy' and 'xyy'. The doubled text is a stored
 * column, not an index expression: every row the index returns is rechecked, and recomputing regexp_replace for each
 * cost more than the count it served (the 1M bench). It is stored lower-cased and matched with LIKE on the lower-cased
 * term, which is what ILIKE does in a multibyte encoding, without lowering every row again at each match.
 * CaseReadRepository searches two-character terms on it.
 */
export class CaseSearchPairs1764748800000 implements MigrationInterface {
  name = 'CaseSearchPairs1764748800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases ADD COLUMN search_pairs text GENERATED ALWAYS AS
      (lower(regexp_replace(title || ' ' || summary || ' ' || number || ' ' || subject_name, '(.)', '\\1\\1', 'g'))) STORED`);
    await q.query(`CREATE INDEX cases_search_pairs_idx ON cases USING gin (search_pairs gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX cases_search_pairs_idx');
    await q.query('ALTER TABLE cases DROP COLUMN search_pairs');
  }
}
