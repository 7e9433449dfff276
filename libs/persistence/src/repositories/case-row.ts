import { DOCUMENT_KINDS, type CaseState } from '@dandang/contracts';
import { concernedUserIds, subjectWasTold, taskHolders } from '@dandang/domain';
import type { EntityManager } from 'typeorm';

const COLUMNS = [
  'id', 'number', 'title', 'summary', 'channel', 'intake_method', 'stage', 'org_unit_id', 'org_path', 'subject_name',
  'subject_position', 'subject_org_unit_id', 'subject_user_id', 'assignee_id', 'has_pending_approval', 'received_at',
  'registered_at', 'stage_entered_at', 'updated_at', 'version', 'state', 'due_at', 'card', 'supervised', 'clock_suspended',
  'recused_user_ids', 'subject_told', 'attached_text', 'waiting_user_ids', 'awaits_supervisor', 'concerned_user_ids',
];

export interface SqlStatement {
  sql: string;
  params: unknown[];
}

/**
 * The statement that writes a case's read-model row from the workflow's state, its parameters numbered from
 * `firstParam` so that it can follow another statement's in one query. `guarded` never moves a row back to an older
 * version (projections may be retried or reordered); `overwrite` repairs a row from the workflow, whatever it holds.
 * The unit's path is looked up in the same statement: an unknown unit leaves org_path NULL, which the column refuses.
 */
export function caseRowUpsert(state: CaseState, updatedAt: Date | string, mode: 'guarded' | 'overwrite', firstParam = 1): SqlStatement {
  const r = state.registration;
  const holders = taskHolders(state);
  const values: Record<string, unknown> = {
    id: state.caseId, number: state.number, title: r.title, summary: r.summary, channel: r.channel,
    intake_method: r.intakeMethod, stage: state.stage, org_unit_id: r.orgUnitId,
    org_path: r.orgUnitId, // the unit whose path the statement looks up
    subject_name: r.subject.name, subject_position: r.subject.position, subject_org_unit_id: r.subject.orgUnitId,
    subject_user_id: r.subject.userId ?? null, assignee_id: state.assigneeId ?? null,
    has_pending_approval: Boolean(state.pendingApproval), received_at: r.receivedAt, registered_at: state.registeredAt,
    stage_entered_at: state.stageEnteredAt, updated_at: updatedAt, version: state.version, state: JSON.stringify(state),
    due_at: state.deadline?.dueAt ?? null, card: state.deadline?.card ?? 'NONE', supervised: state.deadline?.supervised ?? false,
    clock_suspended: Boolean(state.deadline?.suspension),
    recused_user_ids: state.recusedUserIds, subject_told: subjectWasTold(state), attached_text: attachedSearchText(state),
    // Who the inbox finds the case for beyond its stage (served, closed and shelved cases that still owe a step).
    waiting_user_ids: holders.userIds, awaits_supervisor: holders.supervisor,
    // Every person concerned with an account sees the case once told of it.
    concerned_user_ids: concernedUserIds(state),
  };
  const placeholders = COLUMNS.map((c, i) =>
    c === 'org_path' ? `(SELECT path FROM org_units WHERE id = $${firstParam + i}::uuid)` : `$${firstParam + i}`,
  );
  const upsert = `INSERT INTO cases (${COLUMNS.join(', ')}) VALUES (${placeholders.join(', ')})
    ON CONFLICT (id) DO UPDATE SET ${COLUMNS.slice(1).map((c) => `${c} = EXCLUDED.${c}`).join(', ')}`;
  return {
    sql: mode === 'guarded' ? `${upsert} WHERE cases.version < EXCLUDED.version` : upsert,
    params: COLUMNS.map((c) => values[c]),
  };
}

/**
 * The searched text of what is attached to the case (`cases.attached_text`, in the search indexes): its evidence
 * descriptions, and each recorded document's title (its kind's Chinese label, as printed on it) and number (文号),
 * so that a 文号 quoted in a letter finds the case.
 */
export function attachedSearchText(state: CaseState): string {
  const evidence = (state.evidence ?? []).map((e) => e.description);
  const documents = (state.documents ?? []).map((d) => `${DOCUMENT_KINDS[d.kind]?.zh ?? ''} ${d.number}`);
  return [...evidence, ...documents].join(' ');
}

/** Runs a statement that writes a case row, naming the unit when it is unknown (org_path came out NULL). */
export async function writingCaseRow<T>(state: CaseState, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    const error = e as { code?: string; column?: string };
    if (error.code === '23502' && error.column === 'org_path') {
      throw new Error(`org unit ${state.registration.orgUnitId} of case ${state.caseId} not found`);
    }
    throw e;
  }
}

/** Writes a case's read-model row from the workflow's state (see caseRowUpsert), in one round trip. */
export async function upsertCaseRow(manager: EntityManager, state: CaseState, updatedAt: Date | string, mode: 'guarded' | 'overwrite'): Promise<void> {
  const { sql, params } = caseRowUpsert(state, updatedAt, mode);
  await writingCaseRow(state, () => manager.query(sql, params));
}
