import type { MigrationInterface, QueryRunner } from 'typeorm';
import { keyRingOf, reporterContext } from '../sealed-values';

const BATCH = 500;

/**
 * The reporter's identity sealed at rest (docs/key-management.md), its erasure by the retention policy recorded, and
 * idempotent replays kept as a status and a resource id instead of the first answer's body (which could name the
 * reporter). Rows an older version left in plaintext are sealed here, so the plaintext columns can go: that needs
 * the master keys, which a migration gets only from its runner (`withKeyRing`); without them it refuses, naming
 * what to run, rather than drop or keep what it cannot seal.
 */
export class SealedReporters1765353600000 implements MigrationInterface {
  name = 'SealedReporters1765353600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_reporters ADD COLUMN identity text, ADD COLUMN erased_at timestamptz`);
    await this.sealPlaintextRows(q);
    await q.query(`ALTER TABLE case_reporters DROP CONSTRAINT IF EXISTS case_reporters_check`);
    await q.query(`ALTER TABLE case_reporters DROP COLUMN name, DROP COLUMN contact`);
    await q.query(`ALTER TABLE case_reporters ADD CONSTRAINT case_reporters_identity_check
      CHECK (anonymous OR identity IS NOT NULL OR erased_at IS NOT NULL)`);
    // Erasures by the retention policy: one row per case, written in the transaction that erases.
    await q.query(`
      CREATE TABLE reporter_erasures (
        case_id uuid PRIMARY KEY,
        erased_at timestamptz NOT NULL,
        case_closed_at timestamptz NOT NULL,
        retention_years integer NOT NULL,
        policy_version text NOT NULL,
        security_event_seq bigint
      )`);
    await q.query(`CREATE INDEX reporter_erasures_unlogged_idx ON reporter_erasures (case_id) WHERE security_event_seq IS NULL`);
    await q.query(`CREATE INDEX case_reporters_held_idx ON case_reporters (case_id) WHERE identity IS NOT NULL`);
    // Stored answers are dropped: a replay of one now gets the status alone.
    await q.query(`ALTER TABLE idempotency_keys DROP COLUMN response, ADD COLUMN resource_id text`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The sealed identities cannot be opened here: going back leaves them out (name and contact null).
    await q.query(`ALTER TABLE idempotency_keys DROP COLUMN resource_id, ADD COLUMN response jsonb`);
    await q.query(`DROP TABLE reporter_erasures`);
    await q.query(`DROP INDEX case_reporters_held_idx`);
    await q.query(`ALTER TABLE case_reporters DROP CONSTRAINT case_reporters_identity_check`);
    await q.query(`ALTER TABLE case_reporters ADD COLUMN name text, ADD COLUMN contact text`);
    await q.query(`ALTER TABLE case_reporters DROP COLUMN identity, DROP COLUMN erased_at`);
  }

  private async sealPlaintextRows(q: QueryRunner): Promise<void> {
    const [{ n }] = await q.query(`SELECT count(*)::int AS n FROM case_reporters WHERE name IS NOT NULL OR contact IS NOT NULL`);
    if (n === 0) return;
    const keyRing = keyRingOf(q.connection);
    if (!keyRing) {
      throw new Error(
        `${n} reporter identities are still in plaintext and this migration seals them, so it needs the master keys: ` +
          'run `npm start` (it migrates with them) or `npm run keys -- migrate` with MASTER_KEYS_FILE set (docs/key-management.md)',
      );
    }
    for (let after = '00000000-0000-0000-0000-000000000000'; ; ) {
      const rows: Array<{ case_id: string; name: string | null; contact: string | null }> = await q.query(
        `SELECT case_id, name, contact FROM case_reporters WHERE (name IS NOT NULL OR contact IS NOT NULL) AND case_id > $1
         ORDER BY case_id LIMIT $2`,
        [after, BATCH],
      );
      if (rows.length === 0) return;
      for (const row of rows) {
        const sealed = keyRing.seal(JSON.stringify({ name: row.name, contact: row.contact }), reporterContext(row.case_id));
        await q.query(`UPDATE case_reporters SET identity = $2, name = NULL, contact = NULL WHERE case_id = $1`, [row.case_id, sealed]);
      }
      after = rows[rows.length - 1].case_id;
    }
  }
}
