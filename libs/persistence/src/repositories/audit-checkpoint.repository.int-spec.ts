import type { CaseEvent } from '@dandang/contracts';
import { KeyRing, newMasterKeys, parseMasterKeys } from '@dandang/sealing';
import { aCaseRegistration, aCaseState, aCast, andThen, aPayload, type DrivenCase } from '@dandang/testing/factories';
import { testServices, useTestDataSource } from '@dandang/testing';
import { auditEventHash } from '../audit-hash';
import { DEMO_ORG_UNITS } from '../seed/demo-data';
import { AuditRepository } from './audit.repository';
import { AuditCheckpointRepository, FULL_CHECKPOINT_EVERY } from './audit-checkpoint.repository';
import { CaseProjectionRepository } from './case-projection.repository';
import { SecurityEventRepository } from './security-event.repository';

describe('AuditCheckpointRepository: signed checkpoints of every chain head', () => {
  const db = useTestDataSource(2);
  const keyRing = () => new KeyRing(parseMasterKeys(testServices().masterKeys));
  let checkpoints: AuditCheckpointRepository;
  let numbers = 0;

  beforeAll(() => {
    checkpoints = new AuditCheckpointRepository(db.dataSource);
  });

  /** A case registered, accepted and with a conflict declared: three chained events and the row at version 3. */
  async function threeEvents(): Promise<string> {
    const cast = aCast();
    const state = aCaseState({
      number: `DD-2026-C${String(++numbers).padStart(5, '0')}`,
      registration: aCaseRegistration({ orgUnitId: DEMO_ORG_UNITS.districtA.id }),
    });
    const registered: CaseEvent = {
      caseId: state.caseId, version: 1, action: 'registerClue', actorId: cast.intakeOfficer.userId, actorName: cast.intakeOfficer.displayName,
      actorRole: 'INTAKE_OFFICER', occurredAt: '2026-05-06T01:00:00.000Z', toStage: 'INTAKE', payload: {},
    };
    let c: DrivenCase = { state, cast, events: [registered], at: new Date('2026-05-06T01:00:00Z') };
    c = andThen(c, 'acceptClue', cast.intakeOfficer, aPayload('acceptClue', { assigneeId: cast.caseOfficer.userId }));
    c = andThen(c, 'declareConflict', cast.supervisor, aPayload('declareConflict'));
    const projection = new CaseProjectionRepository(db.dataSource);
    for (const event of c.events) await projection.project(c.state, event);
    return state.caseId;
  }

  /** As an insider with the owner's rights, the append-only triggers switched off for one statement. */
  const tamper = (table: string, statement: string) =>
    db.database.asOwner(`BEGIN; ALTER TABLE ${table} DISABLE TRIGGER USER; ${statement}; ALTER TABLE ${table} ENABLE TRIGGER USER; COMMIT`);

  const problemsOf = async (caseId: string) => (await checkpoints.verify(keyRing())).problems.filter((p) => p.caseId === caseId);

  it('writes a full checkpoint, then deltas of the heads that advanced; both verify and export signed', async () => {
    const first = await threeEvents();
    const full = await checkpoints.write(keyRing());
    expect(full).toMatchObject({ kind: 'FULL', advanced: 1, anomalies: [] });
    const second = await threeEvents();
    const delta = await checkpoints.write(keyRing());
    expect(delta).toMatchObject({ kind: 'DELTA', streams: full.streams + 1, advanced: 1, anomalies: [] });

    expect(await checkpoints.verify(keyRing())).toEqual({
      checkpoint: { id: delta.id, createdAt: expect.any(String), streams: full.streams + 1 },
      valid: true,
      problems: [],
    });
    const latest = await checkpoints.latest();
    expect(latest).toMatchObject({ id: delta.id, kind: 'DELTA', baseId: full.id, keyId: keyRing().currentKeyId, signature: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(latest?.heads).toEqual([{ caseId: second, stream: 'case', version: 3, hash: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    expect(latest?.signedText).toContain(latest?.stateDigest);
    expect((await checkpoints.find(full.id))?.heads.map((h) => h.caseId)).toContain(first);
  });

  it('reports a cut tail, and a later checkpoint keeps the attested head rather than vouching for the cut', async () => {
    const caseId = await threeEvents();
    await checkpoints.write(keyRing());
    await tamper('audit_events', `DELETE FROM audit_events WHERE case_id = '${caseId}' AND version = 3`);
    // The row cut back too: the trail alone would look whole.
    await db.dataSource.query('UPDATE cases SET version = 2 WHERE id = $1', [caseId]);
    expect(await new AuditRepository(db.dataSource).verifyChain(caseId)).toMatchObject({ valid: true });

    expect(await problemsOf(caseId)).toEqual([
      expect.objectContaining({ kind: 'CUT_TAIL', stream: 'case', detail: expect.stringMatching(/ends at version 2; checkpoint \d+ attested version 3/) }),
    ]);
    const next = await checkpoints.write(keyRing());
    expect(next.anomalies).toContain(`${caseId}/case: ends at version 2, attested 3`);
    expect(await problemsOf(caseId)).toEqual([expect.objectContaining({ kind: 'CUT_TAIL', checkpointId: next.id })]);
  });

  it('reports an event rewritten with its hash recomputed, which the chain alone cannot tell', async () => {
    const caseId = await threeEvents();
    await checkpoints.write(keyRing());
    const [last] = await db.dataSource.query('SELECT * FROM audit_events WHERE case_id = $1 AND version = 3', [caseId]);
    const forged = auditEventHash(last.prev_hash, {
      caseId, version: 3, action: last.action, actorId: last.actor_id, actorName: last.actor_name, actorRole: last.actor_role,
      occurredAt: new Date(last.occurred_at).toISOString(), reason: '另有隐情', fromStage: last.from_stage, toStage: last.to_stage, payload: last.payload,
    });
    await tamper('audit_events', `UPDATE audit_events SET reason = '另有隐情', hash = '${forged}' WHERE id = ${last.id}`);
    expect(await new AuditRepository(db.dataSource).verifyChain(caseId)).toMatchObject({ valid: true });

    expect(await problemsOf(caseId)).toEqual([expect.objectContaining({ kind: 'REWRITTEN', detail: expect.stringContaining('version 3') })]);
  });

  it('reports a trail deleted whole with its case row, which leaves nothing for the chain check to see', async () => {
    const caseId = await threeEvents();
    await checkpoints.write(keyRing());
    await tamper('audit_events', `DELETE FROM audit_events WHERE case_id = '${caseId}'`);
    await db.database.asOwner('DELETE FROM cases WHERE id = $1', [caseId]);
    expect(await new AuditRepository(db.dataSource).verifyChain(caseId)).toEqual({ caseId, valid: true, events: 0 });

    expect(await problemsOf(caseId)).toEqual([expect.objectContaining({ kind: 'DELETED_CHAIN', stream: 'case' })]);
  });

  it("checkpoints the security-event log's head and reports its cut tail", async () => {
    const log = new SecurityEventRepository(db.dataSource);
    for (const actorName of ['intake1', 'intake1']) await log.append({ kind: 'LOGIN_FAILED', occurredAt: new Date(), actorId: null, actorName });
    const [{ seq }] = await db.dataSource.query('SELECT max(seq)::integer AS seq FROM security_events');
    await checkpoints.write(keyRing());
    expect((await checkpoints.latest())?.securityEvents).toEqual({ seq, hash: expect.any(String) });
    await tamper('security_events', `DELETE FROM security_events WHERE seq = ${seq}`);

    const problems = (await checkpoints.verify(keyRing())).problems.filter((p) => p.stream === 'security-events');
    expect(problems).toEqual([expect.objectContaining({ kind: 'CUT_TAIL', detail: expect.stringContaining(`attested event ${seq}`) })]);
  });

  it('starts a full checkpoint again after a run of deltas', async () => {
    const kinds: string[] = [];
    for (let i = 0; i <= FULL_CHECKPOINT_EVERY; i++) kinds.push((await checkpoints.write(keyRing())).kind);
    expect(kinds).toContain('FULL');
  });
});

describe('AuditCheckpointRepository: a checkpoint altered or signed without the key', () => {
  const keyRing = () => new KeyRing(parseMasterKeys(testServices().masterKeys));

  describe('altered', () => {
    const db = useTestDataSource(2);

    it('reports a checkpoint altered after signing, and no checkpoint builds on it', async () => {
      const checkpoints = new AuditCheckpointRepository(db.dataSource);
      const { id } = await checkpoints.write(keyRing());
      expect((await checkpoints.verify(keyRing())).valid).toBe(true);

      await db.database.asOwner(
        `BEGIN; ALTER TABLE audit_checkpoints DISABLE TRIGGER USER; UPDATE audit_checkpoints SET streams = streams + 1 WHERE id = ${id};
         ALTER TABLE audit_checkpoints ENABLE TRIGGER USER; COMMIT`,
      );
      expect(await checkpoints.verify(keyRing())).toMatchObject({
        valid: false,
        problems: [{ kind: 'FORGED_CHECKPOINT', checkpointId: id, detail: expect.stringContaining('signature does not match') }],
      });
      await expect(checkpoints.write(keyRing())).rejects.toThrow(/do not verify/);
    });
  });

  describe('signed under another key', () => {
    const db = useTestDataSource(2);

    it('reports a checkpoint whose key is not in the key ring', async () => {
      const checkpoints = new AuditCheckpointRepository(db.dataSource);
      const { id } = await checkpoints.write(new KeyRing(newMasterKeys()));
      expect(await checkpoints.verify(keyRing())).toMatchObject({
        valid: false,
        problems: [{ kind: 'FORGED_CHECKPOINT', checkpointId: id, detail: expect.stringContaining('not in the key ring') }],
      });
    });
  });
});
