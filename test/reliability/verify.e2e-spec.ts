import { DEMO_USERS } from '@dandang/persistence';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { act, register } from '../support/actions';
import { aClue } from '../support/clue';
import { compareCase, verifyCases, type VerifyDeps } from '../../tools/verify/compare';

describe('npm run verify: the read model against each workflow, and every audit chain', () => {
  let h: ApiHarness;
  let deps: VerifyDeps;
  const ids: string[] = [];

  beforeAll(async () => {
    h = await startApiHarness();
    deps = { client: h.workers.client, dataSource: h.workers.dataSource, taskQueue: h.workers.taskQueue };
    for (let i = 0; i < 3; i++) {
      const id: string = (await register(h, 'intake1', aClue({ title: `核对测试线索 ${i}` }))).body.id;
      await act(h, 'intake1', id, 'acceptClue', { assigneeId: DEMO_USERS.officer1.id }).then((r) => expect(r.status).toBe(200));
      await act(h, 'officer1', id, 'proposeDisposition', { disposition: 'PRELIMINARY_VERIFICATION', reason: '需初核' }).then((r) =>
        expect(r.status).toBe(200),
      );
      ids.push(id);
    }
  });
  afterAll(() => h.close());

  const sql = (text: string, params: unknown[] = []) => h.workers.dataSource.query(text, params);

  it('finds every case consistent after ordinary use', async () => {
    const report = await verifyCases(deps);
    expect(report).toMatchObject({ checked: 3, consistent: true });
    expect(report.cases.map((c) => c.workflowVersion)).toEqual([3, 3, 3]);
  });

  it('reports a corrupted row column by column and in its state, and repair re-projects the workflow state', async () => {
    const [id] = ids;
    await sql(
      `UPDATE cases SET stage = 'SERVED', assignee_id = NULL, state = jsonb_set(state, '{stage}', '"SERVED"') WHERE id = $1`,
      [id],
    );
    const report = await compareCase(deps, id);
    expect(report.consistent).toBe(false);
    expect(report.differences).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'READ_MODEL', field: 'stage', readModel: 'SERVED', workflow: 'DISPOSITION' }),
        expect.objectContaining({ kind: 'READ_MODEL', field: 'assigneeId', readModel: null, workflow: DEMO_USERS.officer1.id }),
        expect.objectContaining({ kind: 'READ_MODEL', field: 'state.stage', readModel: 'SERVED', workflow: 'DISPOSITION' }),
      ]),
    );

    const repaired = await verifyCases(deps, { caseIds: [id], repair: true, settleMs: 0 });
    expect(repaired.consistent).toBe(true);
    expect(repaired.cases[0]).toMatchObject({ repaired: true, differences: [] });
    const [row] = await sql('SELECT stage, assignee_id, version FROM cases WHERE id = $1', [id]);
    expect(row).toEqual({ stage: 'DISPOSITION', assignee_id: DEMO_USERS.officer1.id, version: 3 });
  });

  it('reports a stale version, and a case whose row is missing, found through the workflows; repair restores both', async () => {
    const [, stale, missing] = ids;
    await sql('UPDATE cases SET version = 2 WHERE id = $1', [stale]);
    await sql('DELETE FROM cases WHERE id = $1', [missing]);

    const report = await verifyCases(deps, { settleMs: 0 });
    expect(report.consistent).toBe(false);
    const byId = new Map(report.cases.map((c) => [c.caseId, c]));
    expect(byId.get(stale)?.differences).toEqual([expect.objectContaining({ kind: 'READ_MODEL', field: 'version', readModel: 2, workflow: 3 })]);
    expect(byId.get(missing)?.differences).toEqual([expect.objectContaining({ kind: 'MISSING_ROW' })]);

    expect(await verifyCases(deps, { repair: true, settleMs: 0 })).toMatchObject({ checked: 3, consistent: true });
    const reread = await h.http.get(`/api/cases/${missing}`).set('Authorization', `Bearer ${await h.token('officer1')}`);
    expect(reread.body).toMatchObject({ id: missing, stage: 'DISPOSITION', version: 3 });
  });

  it('reports a tampered audit event, which repair does not hide (the audit trail is never rewritten)', async () => {
    const [, , id] = ids;
    // The trail is append-only by trigger; only its owner (an insider with the migrations' role) can switch that off.
    await h.workers.database.asOwner(
      `BEGIN; ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_change;
       UPDATE audit_events SET reason = '篡改' WHERE case_id = '${id}' AND version = 3;
       ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_change; COMMIT`,
    );
    const report = await verifyCases(deps, { repair: true, settleMs: 0 });
    expect(report.consistent).toBe(false);
    const tampered = report.cases.find((c) => c.caseId === id)!;
    expect(tampered.differences).toEqual([expect.objectContaining({ kind: 'AUDIT_CHAIN', detail: expect.stringContaining('version 3') })]);
    expect(report.cases.filter((c) => c.caseId !== id).every((c) => c.consistent)).toBe(true);
  });

  it('reports a case with no workflow, and a missing audit event', async () => {
    const orphan = '00000000-0000-4000-8000-00000000beef';
    const [source] = await sql('SELECT * FROM cases WHERE id = $1', [ids[0]]);
    await sql(
      `INSERT INTO cases (id, number, title, summary, channel, intake_method, stage, org_unit_id, org_path, subject_name,
         subject_position, subject_org_unit_id, subject_user_id, assignee_id, has_pending_approval, received_at, registered_at,
         stage_entered_at, updated_at, version, state, due_at, card, supervised, clock_suspended)
       SELECT $1, 'DD-ORPHAN', title, summary, channel, intake_method, stage, org_unit_id, org_path, subject_name,
         subject_position, subject_org_unit_id, subject_user_id, assignee_id, has_pending_approval, received_at, registered_at,
         stage_entered_at, updated_at, version, state, due_at, card, supervised, clock_suspended FROM cases WHERE id = $2`,
      [orphan, source.id],
    );
    const report = await compareCase(deps, orphan);
    // No trail at all under a row at version N: the chain stops short of its head, and the events are missing.
    expect(report.differences.map((d) => d.kind)).toEqual(['WORKFLOW_NOT_FOUND', 'AUDIT_CHAIN', 'AUDIT_EVENTS']);
    await sql('DELETE FROM cases WHERE id = $1', [orphan]);
  });
});
