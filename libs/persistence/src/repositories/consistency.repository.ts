import type { CaseState } from '@dandang/contracts';
import type { DataSource } from 'typeorm';
import { CASE_STREAM } from './audit.repository';
import { upsertCaseRow } from './case-row';
import { replaceOfficialEffects } from './official-effects.repository';

/** A `cases` row as stored, with timestamps as ISO strings, for comparison with a workflow's own state. */
export interface StoredCaseRow {
  id: string;
  number: string;
  title: string;
  summary: string;
  channel: string;
  intakeMethod: string;
  stage: string;
  orgUnitId: string;
  subjectName: string;
  subjectPosition: string;
  subjectOrgUnitId: string;
  subjectUserId: string | null;
  assigneeId: string | null;
  hasPendingApproval: boolean;
  receivedAt: string;
  registeredAt: string;
  stageEnteredAt: string;
  version: number;
  state: unknown;
  dueAt: string | null;
  card: string;
  supervised: boolean;
  clockSuspended: boolean;
}

/** A dashboard counter (migration DashboardCounters) whose stored value differs from a recomputation. */
export interface CounterDifference {
  counter: 'case_counts' | 'case_due_counts' | 'stage_visit_stats' | 'review_outcome_counts';
  /** The counter row's key columns, space-separated (org unit id first). */
  key: string;
  field: string;
  stored: number;
  recomputed: number;
}

const iso = (v: Date | string | null): string | null => (v === null ? null : new Date(v).toISOString());

/**
 * What `npm run verify` reads and repairs: the read model as stored, and an unconditional re-projection of a
 * workflow's state into it. Never writes the audit trail, which is append-only.
 */
export class ConsistencyRepository {
  constructor(private readonly dataSource: DataSource) {}

  async listCaseIds(): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query('SELECT id FROM cases ORDER BY registered_at, id');
    return rows.map((r) => r.id);
  }

  async findRow(caseId: string): Promise<StoredCaseRow | null> {
    const rows = await this.dataSource.query(
      `SELECT id, number, title, summary, channel, intake_method, stage, org_unit_id, subject_name, subject_position,
         subject_org_unit_id, subject_user_id, assignee_id, has_pending_approval, received_at, registered_at,
         stage_entered_at, version, state, due_at, card, supervised, clock_suspended
       FROM cases WHERE id = $1`,
      [caseId],
    );
    if (rows.length === 0) return null;
    const r = rows[0];
    return {
      id: r.id,
      number: r.number,
      title: r.title,
      summary: r.summary,
      channel: r.channel,
      intakeMethod: r.intake_method,
      stage: r.stage,
      orgUnitId: r.org_unit_id,
      subjectName: r.subject_name,
      subjectPosition: r.subject_position,
      subjectOrgUnitId: r.subject_org_unit_id,
      subjectUserId: r.subject_user_id,
      assigneeId: r.assignee_id,
      hasPendingApproval: r.has_pending_approval,
      receivedAt: iso(r.received_at)!,
      registeredAt: iso(r.registered_at)!,
      stageEnteredAt: iso(r.stage_entered_at)!,
      version: r.version,
      state: r.state,
      dueAt: iso(r.due_at),
      card: r.card,
      supervised: r.supervised,
      clockSuspended: r.clock_suspended,
    };
  }

  /**
   * Versions of the case's own audit events, in order (the chain itself is checked by AuditRepository.verifyChain).
   * The case stream alone: each fault-tolerance review keeps a stream of its own, versioned apart from the case.
   */
  async auditVersions(caseId: string): Promise<number[]> {
    const rows: { version: number }[] = await this.dataSource.query(
      'SELECT version FROM audit_events WHERE case_id = $1 AND stream = $2 ORDER BY version',
      [caseId, CASE_STREAM],
    );
    return rows.map((r) => r.version);
  }

  /**
   * Writes `state` into the case's row whatever the row holds now (the same columns as CaseProjectionRepository,
   * without its version guard: the workflow is the source of truth). `updated_at` is the time of the audit event
   * of that version when there is one.
   */
  async reproject(state: CaseState): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const event = await manager.query("SELECT occurred_at FROM audit_events WHERE case_id = $1 AND stream = 'case' AND version = $2", [
        state.caseId,
        state.version,
      ]);
      const updatedAt = event.length ? event[0].occurred_at : new Date();
      await upsertCaseRow(manager, state, updatedAt, 'overwrite');
      await replaceOfficialEffects(manager, state, updatedAt);
    });
  }

  /** Every dashboard counter that differs from a recomputation from cases, audit events and reviews. */
  async counterDifferences(): Promise<CounterDifference[]> {
    return this.dataSource.query(
      'SELECT counter, key, field, stored::float8 AS stored, recomputed::float8 AS recomputed FROM dashboard_counter_differences ORDER BY 1, 2, 3',
    );
  }

  /** Recomputes every dashboard counter from scratch (writers wait for it; see dashboard_counters_rebuild). */
  async rebuildCounters(): Promise<void> {
    await this.dataSource.query('SELECT dashboard_counters_rebuild()');
  }
}
