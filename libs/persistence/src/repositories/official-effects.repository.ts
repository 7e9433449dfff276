import type { CaseEvent, CaseState, OfficialEffect, OfficialEffectKind, OfficialEffectSource } from '@dandang/contracts';
import { officialEffects, type CaseListScope } from '@dandang/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuditRepository } from './audit.repository';
import { caseRowUpsert } from './case-row';
import { caseScopeSql, escapeLike, positional } from './case-sight.sql';

/**
 * Whether the case may carry (or have carried) effects: else its projection leaves the register alone, and the
 * statement stays the case row's own (the hot path of every other action).
 */
const mayCarryEffects = (state: CaseState, effects: OfficialEffect[]): boolean =>
  effects.length > 0 || Boolean(state.decision || state.personDecisions || state.inquiry || state.tolerance || state.noNegativeEvaluation);

/**
 * The CTEs that replace the case's effects with `effects` (after `prefix`'s own CTEs), when `gate` (a relation with the
 * case's `org_path`) has a row: effects the case no longer imposes are withdrawn (kept, so the withdrawal is told),
 * the others upserted. A changed end owes its end notice again; an effect imposed again owes its start.
 */
function effectsCtes(state: CaseState, effects: OfficialEffect[], updatedAt: Date | string, params: unknown[], gate: string): string {
  const p = positional(params);
  const caseId = p(state.caseId);
  const at = p(updatedAt instanceof Date ? updatedAt.toISOString() : new Date(updatedAt).toISOString());
  const rows = effects.map((e) => ({
    key: e.key, person_id: e.personId, person_name: e.personName, position: e.position, org_unit_id: e.orgUnitId, user_id: e.userId ?? null,
    kind: e.kind, source: e.source, form: e.form?.form ?? null, subtype: e.form?.subtype ?? null, from_at: e.from, until_at: e.until ?? null,
    appraisal_year: e.year ?? null,
  }));
  return `effects AS (
      SELECT * FROM jsonb_to_recordset(${p(JSON.stringify(rows))}::jsonb) AS e(key text, person_id text, person_name text, position text,
        org_unit_id text, user_id text, kind text, source text, form text, subtype text, from_at timestamptz, until_at timestamptz, appraisal_year integer)
    ),
    withdrawn AS (
      UPDATE official_effects o SET withdrawn_at = ${at}::timestamptz, updated_at = ${at}::timestamptz
      WHERE o.case_id = ${caseId}::uuid AND o.withdrawn_at IS NULL AND EXISTS (SELECT 1 FROM ${gate} g)
        AND o.effect_key NOT IN (SELECT key FROM effects)
      RETURNING 1
    ),
    written AS (
      INSERT INTO official_effects (case_id, effect_key, case_number, person_id, person_name, position, org_unit_id, org_path, user_id, kind,
        source, form, subtype, from_at, until_at, appraisal_year, updated_at)
      SELECT ${caseId}::uuid, e.key, ${p(state.number)}, e.person_id, e.person_name, e.position, e.org_unit_id,
        coalesce((SELECT u.path FROM org_units u WHERE u.id::text = e.org_unit_id), g.org_path), e.user_id, e.kind, e.source, e.form,
        e.subtype, e.from_at, e.until_at, e.appraisal_year, ${at}::timestamptz
      FROM effects e CROSS JOIN ${gate} g
      ON CONFLICT (case_id, effect_key) DO UPDATE SET
        case_number = EXCLUDED.case_number, person_id = EXCLUDED.person_id, person_name = EXCLUDED.person_name, position = EXCLUDED.position,
        org_unit_id = EXCLUDED.org_unit_id, org_path = EXCLUDED.org_path, user_id = EXCLUDED.user_id, kind = EXCLUDED.kind,
        source = EXCLUDED.source, form = EXCLUDED.form, subtype = EXCLUDED.subtype, from_at = EXCLUDED.from_at, until_at = EXCLUDED.until_at,
        appraisal_year = EXCLUDED.appraisal_year, updated_at = EXCLUDED.updated_at, withdrawn_at = NULL,
        start_notified_at = CASE WHEN official_effects.withdrawn_at IS NULL THEN official_effects.start_notified_at END,
        withdrawal_notified_at = CASE WHEN official_effects.withdrawn_at IS NULL THEN official_effects.withdrawal_notified_at END,
        end_notified_at = CASE WHEN official_effects.until_at IS NOT DISTINCT FROM EXCLUDED.until_at AND official_effects.withdrawn_at IS NULL
          THEN official_effects.end_notified_at END
      WHERE official_effects.withdrawn_at IS NOT NULL
        OR (official_effects.case_number, official_effects.person_name, official_effects.position, official_effects.org_unit_id, official_effects.org_path,
            official_effects.user_id, official_effects.from_at, official_effects.until_at, official_effects.appraisal_year)
        IS DISTINCT FROM (EXCLUDED.case_number, EXCLUDED.person_name, EXCLUDED.position, EXCLUDED.org_unit_id, EXCLUDED.org_path,
            EXCLUDED.user_id, EXCLUDED.from_at, EXCLUDED.until_at, EXCLUDED.appraisal_year)
      RETURNING 1
    )`;
}

/**
 * The projection of one accepted change with the register of effects: the audit event, the case's row and its
 * effects in one statement (atomic as a transaction would be), the effects replaced only when the row is (the
 * version guard). Answers whether any effect was written or withdrawn, so that their notices are sent now and only
 * then (most changes of a decided case leave its effects as they were).
 */
export async function projectCaseWithEffects(dataSource: DataSource, audit: AuditRepository, state: CaseState, event: CaseEvent): Promise<boolean> {
  const effects = officialEffects(state);
  if (!mayCarryEffects(state, effects)) {
    await audit.appendWith(event, (first) => caseRowUpsert(state, event.occurredAt, 'guarded', first));
    return false;
  }
  const append = await audit.appendStatement(dataSource.manager, event);
  const row = caseRowUpsert(state, event.occurredAt, 'guarded', append.params.length + 1);
  const params = [...append.params, ...row.params];
  const ctes = effectsCtes(state, effects, event.occurredAt, params, 'upserted');
  // Only effects written or withdrawn owe notices: an unchanged register sends the webhook nothing to look for.
  const [{ n }] = await dataSource.query(
    `WITH appended AS (${append.sql}), upserted AS (${row.sql} RETURNING org_path), ${ctes}
     SELECT (SELECT count(*) FROM written)::int + (SELECT count(*) FROM withdrawn)::int AS n`,
    params,
  );
  return n > 0;
}

/** Replaces the case's effects from its state within `manager`'s transaction (a repaired row, a migration). */
export async function replaceOfficialEffects(manager: EntityManager, state: CaseState, updatedAt: Date | string): Promise<void> {
  const effects = officialEffects(state);
  if (!mayCarryEffects(state, effects)) return;
  const params: unknown[] = [state.caseId];
  const ctes = effectsCtes(state, effects, updatedAt, params, 'the_case');
  await manager.query(`WITH the_case AS (SELECT org_path FROM cases WHERE id = $1::uuid), ${ctes} SELECT 1`, params);
}

/** A line of the register as stored. */
export interface OfficialEffectRow {
  caseId: string;
  caseNumber: string;
  personId: string;
  personName: string;
  position: string;
  orgUnitId: string;
  orgUnitName: string | null;
  userId: string | null;
  kind: OfficialEffectKind;
  source: OfficialEffectSource;
  form: string | null;
  subtype: string | null;
  from: Date;
  until: Date | null;
  year: number | null;
  updatedAt: Date;
}

export interface OfficialEffectFilter {
  scope: CaseListScope;
  /** The subtree of officials' units listed (within the scope's). */
  orgPath: string;
  /** Only the effects running at `now`. */
  activeAt?: Date;
  limit?: number;
}

/** A notice owed to the organisation department: an effect started, ended (可正常使用) or withdrawn. */
export type EffectNoticeKind = 'STARTED' | 'ENDED' | 'WITHDRAWN';
export interface EffectNoticeRow extends Omit<OfficialEffectRow, 'orgUnitName' | 'updatedAt'> {
  notice: EffectNoticeKind;
  effectKey: string;
}

const COLUMNS = `e.case_id::text AS "caseId", e.case_number AS "caseNumber", e.person_id AS "personId", e.person_name AS "personName",
  e.position, e.org_unit_id AS "orgUnitId", e.user_id AS "userId", e.kind, e.source, e.form, e.subtype, e.from_at AS "from",
  e.until_at AS "until", e.appraisal_year AS "year"`;

/** Which notice a row owes at `$1` (now), if any; in this order: a withdrawal, a start, an end. */
const OWED = `CASE
    WHEN e.withdrawn_at IS NOT NULL AND e.start_notified_at IS NOT NULL AND e.withdrawal_notified_at IS NULL THEN 'WITHDRAWN'
    WHEN e.withdrawn_at IS NULL AND e.start_notified_at IS NULL AND e.from_at <= $1 THEN 'STARTED'
    WHEN e.withdrawn_at IS NULL AND e.end_notified_at IS NULL AND e.until_at <= $1 THEN 'ENDED'
  END`;

/** The register of effects per official: the reads of the API and the notices of the webhook. */
export class OfficialEffectsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The effects on officials of the `orgPath` subtree, in cases the scope sees (the case list's rule, so a recused
   * user sees none of their cases' effects; the official concerned, only their own), not withdrawn.
   */
  list(filter: OfficialEffectFilter): Promise<OfficialEffectRow[]> {
    const params: unknown[] = [];
    const p = positional(params);
    const conditions = ['e.withdrawn_at IS NULL', `e.org_path LIKE ${p(`${escapeLike(filter.orgPath)}%`)}`, caseScopeSql(filter.scope, 'c', p)];
    if (filter.scope.subjectUserId) conditions.push(`e.user_id = ${p(filter.scope.subjectUserId)}`);
    if (filter.activeAt) {
      const now = p(filter.activeAt.toISOString());
      conditions.push(`e.from_at <= ${now}::timestamptz AND (e.until_at IS NULL OR e.until_at > ${now}::timestamptz)`);
    }
    return this.dataSource.query(
      `SELECT ${COLUMNS}, o.name AS "orgUnitName", e.updated_at AS "updatedAt"
       FROM official_effects e JOIN cases c ON c.id = e.case_id LEFT JOIN org_units o ON o.id::text = e.org_unit_id
       WHERE ${conditions.join(' AND ')}
       ORDER BY e.person_name, e.person_id, e.from_at, e.kind, e.case_number LIMIT ${p(filter.limit ?? 10_000)}`,
      params,
    );
  }

  async count(filter: OfficialEffectFilter): Promise<number> {
    return (await this.list(filter)).length;
  }

  /** The notices owed at `now` (of one case, or all), oldest first. */
  owedNotices(now: Date, options: { caseId?: string; limit: number }): Promise<EffectNoticeRow[]> {
    const params: unknown[] = [now.toISOString(), options.limit];
    const byCase = options.caseId ? `AND e.case_id = $${params.push(options.caseId)}::uuid` : '';
    return this.dataSource.query(
      `SELECT * FROM (SELECT ${COLUMNS}, e.effect_key AS "effectKey", ${OWED} AS notice FROM official_effects e
         WHERE ((e.withdrawn_at IS NULL AND (e.start_notified_at IS NULL OR (e.until_at IS NOT NULL AND e.end_notified_at IS NULL)))
            OR (e.withdrawn_at IS NOT NULL AND e.start_notified_at IS NOT NULL AND e.withdrawal_notified_at IS NULL)) ${byCase}) owed
       WHERE notice IS NOT NULL ORDER BY "from", "caseId", "effectKey" LIMIT $2`,
      params,
    );
  }

  /** Records the notices delivered (`at`): an effect that started and ended before its first notice owes both. */
  async markNotified(notices: Pick<EffectNoticeRow, 'caseId' | 'effectKey' | 'notice'>[], at: Date): Promise<void> {
    const column: Record<EffectNoticeKind, string> = { STARTED: 'start_notified_at', ENDED: 'end_notified_at', WITHDRAWN: 'withdrawal_notified_at' };
    for (const kind of Object.keys(column) as EffectNoticeKind[]) {
      const of = notices.filter((n) => n.notice === kind);
      if (of.length === 0) continue;
      await this.dataSource.query(
        `UPDATE official_effects e SET ${column[kind]} = $1 FROM unnest($2::uuid[], $3::text[]) AS n(case_id, effect_key)
         WHERE e.case_id = n.case_id AND e.effect_key = n.effect_key`,
        [at.toISOString(), of.map((n) => n.caseId), of.map((n) => n.effectKey)],
      );
    }
  }
}
