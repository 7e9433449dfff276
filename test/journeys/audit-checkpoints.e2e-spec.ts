import { auditCheckpointScheduleId } from '@dandang/contracts';
import { auditEventHash } from '@dandang/persistence';
import { KeyRing, parseMasterKeys } from '@dandang/sealing';
import { testServices } from '@dandang/testing';
import { ensureAuditCheckpointSchedule } from '@dandang/worker-runtime';
import { verifyCheckpoint } from '../../tools/verify/checkpoint';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { act, get, register } from '../support/actions';
import { aClue } from '../support/clue';
import { DEMO_USERS } from '@dandang/persistence';

/**
 * 审计不可悄改: a Temporal Schedule checkpoints every audit chain's head under a signature whose key lives outside
 * PostgreSQL; auditors export the checkpoints, and `npm run verify` finds each way an insider with the owner's rights
 * could quietly change the trail afterwards.
 */
describe('signed audit checkpoints: written by a schedule, exported to auditors, checked by npm run verify', () => {
  let h: ApiHarness;
  const keyRing = () => new KeyRing(parseMasterKeys(testServices().masterKeys));
  const ids: string[] = [];
  const check = () => verifyCheckpoint(h.workers.dataSource, keyRing(), { maxAgeSeconds: 3600 });
  /** As an insider with the owner's rights: the append-only triggers switched off for one statement. */
  const tamper = (table: string, statement: string) =>
    h.workers.database.asOwner(`BEGIN; ALTER TABLE ${table} DISABLE TRIGGER USER; ${statement}; ALTER TABLE ${table} ENABLE TRIGGER USER; COMMIT`);

  beforeAll(async () => {
    h = await startApiHarness();
    for (let i = 0; i < 4; i++) {
      const id: string = (await register(h, 'intake1', aClue({ title: `检查点线索 ${i}` }))).body.id;
      await act(h, 'intake1', id, 'acceptClue', { assigneeId: DEMO_USERS.officer1.id }).then((r) => expect(r.status).toBe(200));
      ids.push(id);
    }
  });
  afterAll(async () => {
    await h.workers.client.schedule.getHandle(auditCheckpointScheduleId(h.workers.taskQueue)).delete().catch(() => undefined);
    await h.close();
  });

  it('writes a checkpoint as soon as the worker creates its schedule, and creating it again changes nothing', async () => {
    const options = { connection: h.workers.client.connection, namespace: h.workers.namespace, taskQueue: h.workers.taskQueue, masterKeys: parseMasterKeys(testServices().masterKeys) };
    await ensureAuditCheckpointSchedule({ ...options, intervalSeconds: 3600 });
    await ensureAuditCheckpointSchedule({ ...options, intervalSeconds: 1800 });
    const schedule = await h.workers.client.schedule.getHandle(auditCheckpointScheduleId(h.workers.taskQueue)).describe();
    expect(schedule.spec.intervals).toEqual([expect.objectContaining({ every: 1_800_000 })]);

    for (let waited = 0; (await h.workers.dataSource.query('SELECT 1 FROM audit_checkpoints')).length === 0; waited += 200) {
      if (waited > 20_000) throw new Error('the schedule wrote no checkpoint within 20 s');
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(await check()).toMatchObject({ valid: true, problems: [], checkpoint: { streams: 4 } });
  });

  it('exports the signed checkpoint to auditors alone', async () => {
    const latest = await get(h, 'auditor1', '/api/audit/checkpoints/latest');
    expect(latest.status).toBe(200);
    expect(latest.body).toMatchObject({ kind: 'FULL', streams: 4, signature: expect.stringMatching(/^[0-9a-f]{64}$/), keyId: keyRing().currentKeyId });
    expect(latest.body.heads.map((head: { caseId: string }) => head.caseId).sort()).toEqual([...ids].sort());
    expect(latest.body.signedText).toContain(latest.body.stateDigest);
    expect((await get(h, 'auditor1', `/api/audit/checkpoints/${latest.body.id}`)).body).toEqual(latest.body);
    expect((await get(h, 'auditor1', '/api/audit/checkpoints/999999')).status).toBe(404);
    for (const user of ['admin1', 'officer1', 'intake1'] as const) expect((await get(h, user, '/api/audit/checkpoints/latest')).status).toBe(403);
  });

  it('reports a cut tail, a rewritten event and a trail deleted with its case row', async () => {
    const [cut, rewritten, deleted] = ids;
    await tamper('audit_events', `DELETE FROM audit_events WHERE case_id = '${cut}' AND version = 2`);
    await h.workers.dataSource.query('UPDATE cases SET version = 1 WHERE id = $1', [cut]);
    const [event] = await h.workers.dataSource.query('SELECT * FROM audit_events WHERE case_id = $1 AND version = 2', [rewritten]);
    const hash = auditEventHash(event.prev_hash, {
      caseId: rewritten, version: 2, action: event.action, actorId: event.actor_id, actorName: event.actor_name, actorRole: event.actor_role,
      occurredAt: new Date(event.occurred_at).toISOString(), reason: '未受理', fromStage: event.from_stage, toStage: event.to_stage, payload: event.payload,
    });
    await tamper('audit_events', `UPDATE audit_events SET reason = '未受理', hash = '${hash}' WHERE id = ${event.id}`);
    await tamper('audit_events', `DELETE FROM audit_events WHERE case_id = '${deleted}'`);
    await h.workers.database.asOwner('DELETE FROM cases WHERE id = $1', [deleted]);

    const report = await check();
    expect(report.valid).toBe(false);
    expect(report.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'CUT_TAIL', caseId: cut }),
        expect.objectContaining({ kind: 'REWRITTEN', caseId: rewritten }),
        expect.objectContaining({ kind: 'DELETED_CHAIN', caseId: deleted }),
      ]),
    );
    expect(report.problems).toHaveLength(3);
  });

  it('reports a checkpoint altered to match the altered trail', async () => {
    const [cut] = ids;
    const latest = (await get(h, 'auditor1', '/api/audit/checkpoints/latest')).body;
    await tamper('audit_checkpoints', `UPDATE audit_checkpoints SET streams = streams - 1 WHERE id = ${latest.id}`);
    const report = await check();
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'FORGED_CHECKPOINT', checkpointId: latest.id })]);
    expect(report.problems.some((p) => 'caseId' in p && p.caseId === cut)).toBe(false);
  });

  it('reports the newest checkpoint stale once the schedule has stopped writing them', async () => {
    const later = new Date(Date.now() + 3 * 3600_000);
    const report = await verifyCheckpoint(h.workers.dataSource, keyRing(), { maxAgeSeconds: 2 * 3600 + 600, now: later });
    expect(report.problems.map((p) => p.kind)).toContain('STALE_CHECKPOINT');
  });
});
