import type { CaseEvent, CaseState } from '@dandang/contracts';
import type { DataSource } from 'typeorm';
import { AuditRepository } from './audit.repository';

/**
 * Writes a workflow's accepted change to PostgreSQL: the audit event and the read-model row, in one transaction.
 * Idempotent and version-guarded, so activity retries and reordering never move a case backwards.
 */
export class CaseProjectionRepository {
  private readonly audit: AuditRepository;

  constructor(private readonly dataSource: DataSource) {
    this.audit = new AuditRepository(dataSource);
  }

  async project(state: CaseState, event: CaseEvent): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.audit.append(manager, event);
      const org = await manager.query('SELECT path FROM org_units WHERE id = $1', [state.registration.orgUnitId]);
      if (org.length === 0) throw new Error(`org unit ${state.registration.orgUnitId} of case ${state.caseId} not found`);
      const r = state.registration;
      await manager.query(
        `INSERT INTO cases (id, number, title, summary, channel, intake_method, stage, org_unit_id, org_path,
           subject_name, subject_position, subject_org_unit_id, subject_user_id, assignee_id, has_pending_approval,
           received_at, registered_at, stage_entered_at, updated_at, version, state, due_at, card, supervised, clock_suspended)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23,$24,$25)
         ON CONFLICT (id) DO UPDATE SET
           stage = EXCLUDED.stage, assignee_id = EXCLUDED.assignee_id,
           has_pending_approval = EXCLUDED.has_pending_approval, subject_user_id = EXCLUDED.subject_user_id,
           stage_entered_at = EXCLUDED.stage_entered_at, updated_at = EXCLUDED.updated_at,
           version = EXCLUDED.version, state = EXCLUDED.state, due_at = EXCLUDED.due_at, card = EXCLUDED.card,
           supervised = EXCLUDED.supervised, clock_suspended = EXCLUDED.clock_suspended
         WHERE cases.version < EXCLUDED.version`,
        [
          state.caseId, state.number, r.title, r.summary, r.channel, r.intakeMethod, state.stage, r.orgUnitId,
          org[0].path, r.subject.name, r.subject.position, r.subject.orgUnitId, r.subject.userId ?? null,
          state.assigneeId ?? null, Boolean(state.pendingApproval), r.receivedAt, state.registeredAt,
          state.stageEnteredAt, event.occurredAt, state.version, JSON.stringify(state),
          state.deadline?.dueAt ?? null, state.deadline?.card ?? 'NONE', state.deadline?.supervised ?? false,
          Boolean(state.deadline?.suspension),
        ],
      );
    });
  }
}
