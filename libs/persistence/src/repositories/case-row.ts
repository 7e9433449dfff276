import type { CaseState } from '@dandang/contracts';
import type { EntityManager } from 'typeorm';

const COLUMNS = [
  'id', 'number', 'title', 'summary', 'channel', 'intake_method', 'stage', 'org_unit_id', 'org_path', 'subject_name',
  'subject_position', 'subject_org_unit_id', 'subject_user_id', 'assignee_id', 'has_pending_approval', 'received_at',
  'registered_at', 'stage_entered_at', 'updated_at', 'version', 'state', 'due_at', 'card', 'supervised', 'clock_suspended',
];
const UPSERT = `INSERT INTO cases (${COLUMNS.join(', ')})
  VALUES (${COLUMNS.map((_, i) => `$${i + 1}`).join(', ')})
  ON CONFLICT (id) DO UPDATE SET ${COLUMNS.slice(1).map((c) => `${c} = EXCLUDED.${c}`).join(', ')}`;

/**
 * Writes a case's read-model row from the workflow's state: `guarded` never moves a row back to an older version
 * (projections may be retried or reordered); `overwrite` repairs a row from the workflow, whatever it holds.
 */
export async function upsertCaseRow(
  manager: EntityManager,
  state: CaseState,
  updatedAt: Date | string,
  mode: 'guarded' | 'overwrite',
): Promise<void> {
  const org = await manager.query('SELECT path FROM org_units WHERE id = $1', [state.registration.orgUnitId]);
  if (org.length === 0) throw new Error(`org unit ${state.registration.orgUnitId} of case ${state.caseId} not found`);
  const r = state.registration;
  await manager.query(mode === 'guarded' ? `${UPSERT} WHERE cases.version < EXCLUDED.version` : UPSERT, [
    state.caseId, state.number, r.title, r.summary, r.channel, r.intakeMethod, state.stage, r.orgUnitId,
    org[0].path, r.subject.name, r.subject.position, r.subject.orgUnitId, r.subject.userId ?? null,
    state.assigneeId ?? null, Boolean(state.pendingApproval), r.receivedAt, state.registeredAt,
    state.stageEnteredAt, updatedAt, state.version, JSON.stringify(state),
    state.deadline?.dueAt ?? null, state.deadline?.card ?? 'NONE', state.deadline?.supervised ?? false,
    Boolean(state.deadline?.suspension),
  ]);
}
