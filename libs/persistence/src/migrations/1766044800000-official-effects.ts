import type { CaseState } from '@dandang/contracts';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { replaceOfficialEffects } from '../repositories/official-effects.repository';

const BATCH = 1000;

/**
 * The register of effects (影响期, 不作负面评价) per official: one row per case, person, effect and form, projected
 * from the case's state with its row (the domain's `officialEffects`). An effect the case no longer imposes (a
 * decision revoked) is kept, withdrawn, so that the organisation department can be told. The notice columns record
 * what the webhook to the organisation department was sent: the start, the end ("可正常使用"), the withdrawal.
 */
export class OfficialEffects1766044800000 implements MigrationInterface {
  name = 'OfficialEffects1766044800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE official_effects (
      case_id uuid NOT NULL,
      effect_key text NOT NULL,
      case_number text NOT NULL,
      person_id text NOT NULL,
      person_name text NOT NULL,
      position text NOT NULL,
      org_unit_id text NOT NULL,
      org_path text NOT NULL,
      user_id text,
      kind text NOT NULL,
      source text NOT NULL,
      form text,
      subtype text,
      from_at timestamptz NOT NULL,
      until_at timestamptz,
      appraisal_year integer,
      withdrawn_at timestamptz,
      start_notified_at timestamptz,
      end_notified_at timestamptz,
      withdrawal_notified_at timestamptz,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (case_id, effect_key)
    )`);
    await q.query('CREATE INDEX official_effects_org_path_idx ON official_effects (org_path text_pattern_ops) WHERE withdrawn_at IS NULL');
    // The few rows whose notice is owed: the webhook's sweep reads these only.
    await q.query(`CREATE INDEX official_effects_owed_idx ON official_effects (until_at)
      WHERE (withdrawn_at IS NULL AND (start_notified_at IS NULL OR (until_at IS NOT NULL AND end_notified_at IS NULL)))
         OR (withdrawn_at IS NOT NULL AND start_notified_at IS NOT NULL AND withdrawal_notified_at IS NULL)`);
    // Existing cases, from their state by the domain's own rule; only those that may carry effects. Their start was
    // owed before the register existed: the webhook is told of those still running, not of those long ended.
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: { id: string; state: CaseState; updated_at: Date }[] = await q.query(
        `SELECT id, state, updated_at FROM cases
         WHERE id > $1 AND state ?| ARRAY['decision', 'personDecisions', 'inquiryRounds', 'inquiry', 'tolerance', 'noNegativeEvaluation']
         ORDER BY id LIMIT ${BATCH}`,
        [after],
      );
      if (rows.length === 0) break;
      for (const row of rows) await replaceOfficialEffects(q.manager, row.state, row.updated_at);
      await q.query(`UPDATE official_effects SET start_notified_at = updated_at, end_notified_at = updated_at WHERE until_at <= now() AND start_notified_at IS NULL`);
      after = rows[rows.length - 1].id;
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE official_effects');
  }
}
