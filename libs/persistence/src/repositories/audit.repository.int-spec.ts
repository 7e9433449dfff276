import type { CaseEvent } from '@dandang/contracts';
import { aCaseRegistration, aCaseState, aCast, andThen, aPayload, type DrivenCase } from '@dandang/testing/factories';
import { useTestDataSource } from '@dandang/testing';
import { DEMO_ORG_UNITS } from '../seed/demo-data';
import { AuditRepository } from './audit.repository';
import { CaseProjectionRepository } from './case-projection.repository';

describe('AuditRepository.verifyChain: a chain is whole up to the case it records', () => {
  const db = useTestDataSource(2);
  let audit: AuditRepository;
  let projection: CaseProjectionRepository;
  let numbers = 0;

  beforeAll(() => {
    audit = new AuditRepository(db.dataSource);
    projection = new CaseProjectionRepository(db.dataSource);
  });

  /** A case registered, accepted and disposed of: three chained events and the row at version 3. */
  async function threeEvents(): Promise<string> {
    const cast = aCast();
    const state = aCaseState({
      number: `DD-2026-A${String(++numbers).padStart(5, '0')}`,
      registration: aCaseRegistration({ orgUnitId: DEMO_ORG_UNITS.districtA.id }),
    });
    const registered: CaseEvent = {
      caseId: state.caseId, version: 1, action: 'registerClue', actorId: cast.intakeOfficer.userId, actorName: cast.intakeOfficer.displayName,
      actorRole: 'INTAKE_OFFICER', occurredAt: '2026-05-06T01:00:00.000Z', toStage: 'INTAKE', payload: {},
    };
    let c: DrivenCase = { state, cast, events: [registered], at: new Date('2026-05-06T01:00:00Z') };
    c = andThen(c, 'acceptClue', cast.intakeOfficer, aPayload('acceptClue', { assigneeId: cast.caseOfficer.userId }));
    c = andThen(c, 'declareConflict', cast.supervisor, aPayload('declareConflict'));
    for (const event of c.events) await projection.project(c.state, event);
    return state.caseId;
  }

  /** What only the owner of the trail could do (the application role may not): the trigger keeps it append-only otherwise. */
  async function deleteEvents(caseId: string, fromVersion: number): Promise<void> {
    await db.database.asOwner(
      `BEGIN; ALTER TABLE audit_events DISABLE TRIGGER USER;
       DELETE FROM audit_events WHERE case_id = '${caseId}' AND version >= ${fromVersion};
       ALTER TABLE audit_events ENABLE TRIGGER USER; COMMIT`,
    );
  }

  it('holds for a whole trail', async () => {
    const caseId = await threeEvents();
    expect(await audit.verifyChain(caseId)).toEqual({ caseId, valid: true, events: 3 });
  });

  it('reports a cut tail: the chain ends before the version the case is at', async () => {
    const caseId = await threeEvents();
    await deleteEvents(caseId, 3);
    expect(await audit.verifyChain(caseId)).toEqual({
      caseId,
      valid: false,
      events: 2,
      brokenAt: { version: 3, problem: 'the trail ends at version 2, but the case is at version 3' },
    });
  });

  it('reports a trail deleted whole', async () => {
    const caseId = await threeEvents();
    await deleteEvents(caseId, 1);
    expect(await audit.verifyChain(caseId)).toEqual({
      caseId,
      valid: false,
      events: 0,
      brokenAt: { version: 1, problem: 'the trail ends at version 0, but the case is at version 3' },
    });
  });
});
