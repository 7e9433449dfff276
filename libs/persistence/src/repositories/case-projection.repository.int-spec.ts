import type { CaseEvent } from '@dandang/contracts';
import { aCaseRegistration, aCaseState, aCast, andThen, aPayload, aUuid, INQUIRY_TEAM_MEMBER, type DrivenCase } from '@dandang/testing/factories';
import { useTestDataSource } from '@dandang/testing';
import { DEMO_ORG_UNITS } from '../seed/demo-data';
import { AuditRepository } from './audit.repository';
import { CaseProjectionRepository } from './case-projection.repository';

describe('CaseProjectionRepository: the audit event and the row in one statement', () => {
  const db = useTestDataSource(2);
  let projection: CaseProjectionRepository;
  const rowsOf = async (caseId: string) => ({
    events: (await db.dataSource.query('SELECT version FROM audit_events WHERE case_id = $1 ORDER BY version', [caseId])).map((e: { version: number }) => e.version),
    row: (await db.dataSource.query('SELECT version, stage, org_path FROM cases WHERE id = $1', [caseId]))[0],
  });

  beforeAll(async () => {
    projection = new CaseProjectionRepository(db.dataSource);
  });

  let numbers = 0;
  function registered(orgUnitId: string = DEMO_ORG_UNITS.districtA.id): DrivenCase {
    const cast = aCast();
    const at = new Date('2026-05-06T01:00:00Z');
    const state = aCaseState({ number: `DD-2026-P${String(++numbers).padStart(5, '0')}`, registration: aCaseRegistration({ orgUnitId }) });
    const event: CaseEvent = {
      caseId: state.caseId, version: 1, action: 'registerClue', actorId: cast.intakeOfficer.userId, actorName: cast.intakeOfficer.displayName,
      actorRole: 'INTAKE_OFFICER', occurredAt: at.toISOString(), toStage: 'INTAKE', payload: {},
    };
    return { state, cast, events: [event], at };
  }
  const accept = (c: DrivenCase) => andThen(c, 'acceptClue', c.cast.intakeOfficer, aPayload('acceptClue', { assigneeId: c.cast.caseOfficer.userId }));

  it('writes the event, chained, and the row with its unit’s path; a repeat or an older version changes nothing', async () => {
    const c = registered();
    await projection.project(c.state, c.events[0]);
    const accepted = accept(c);
    await projection.project(accepted.state, accepted.events.at(-1)!);
    await projection.project(accepted.state, accepted.events.at(-1)!);
    await projection.project(c.state, c.events[0]);

    expect(await rowsOf(c.state.caseId)).toEqual({
      events: [1, 2],
      row: { version: 2, stage: 'DISPOSITION', org_path: `/${DEMO_ORG_UNITS.commission.id}/${DEMO_ORG_UNITS.districtA.id}/` },
    });
    expect(await new AuditRepository(db.dataSource).verifyChain(c.state.caseId)).toMatchObject({ valid: true, events: 2 });
  });

  it('answers whether the register of effects changed: when a decision imposes them, not for later changes that leave them', async () => {
    let c = registered();
    expect(await projection.project(c.state, c.events[0])).toBe(false);
    const { intakeOfficer, caseOfficer: officer, supervisor } = c.cast;
    /** The next action, projected: whether it wrote or withdrew an effect. */
    const step = async <A extends Parameters<typeof andThen>[1]>(action: A, actor: typeof officer, payload: Parameters<typeof andThen<A>>[3]) => {
      c = andThen(c, action, actor, payload);
      return projection.project(c.state, c.events.at(-1)!);
    };
    const before = [
      await step('acceptClue', intakeOfficer, aPayload('acceptClue', { assigneeId: officer.userId })),
      await step('proposeDisposition', officer, aPayload('proposeDisposition')),
      await step('approve', supervisor, {}),
      await step('submitVerificationReport', officer, aPayload('submitVerificationReport', { finding: 'PROPOSE_ACCOUNTABILITY' })),
      await step('approve', supervisor, { investigationTeam: [INQUIRY_TEAM_MEMBER] }),
      await step('addEvidence', officer, aPayload('addEvidence')),
      await step('presentFactMaterials', officer, aPayload('presentFactMaterials', { presentedAt: c.at.toISOString() })),
      await step('recordStatement', officer, aPayload('recordStatement', { receivedAt: c.at.toISOString() })),
      await step('submitInvestigationReport', officer, aPayload('submitInvestigationReport')),
      await step('approve', supervisor, {}),
    ];
    expect(before.every((written) => !written)).toBe(true);
    // The committee's decision (an 诫勉) imposes the effects; serving it leaves them as they were.
    expect(await step('recordCollectiveDecision', supervisor, aPayload('recordCollectiveDecision', { meetingAt: c.at.toISOString() }))).toBe(true);
    expect(await step('serveDecision', officer, aPayload('serveDecision', { servedAt: c.at.toISOString() }))).toBe(false);
  });

  it('refuses a case of an unknown unit by name, writing neither the event nor the row', async () => {
    const unknownUnit = aUuid();
    const c = registered(unknownUnit);
    await expect(projection.project(c.state, c.events[0])).rejects.toThrow(`org unit ${unknownUnit} of case ${c.state.caseId} not found`);
    expect(await rowsOf(c.state.caseId)).toEqual({ events: [], row: undefined });
  });

  it('refuses a version whose predecessor is not recorded yet, writing nothing', async () => {
    const c = registered();
    const accepted = accept(c);
    await expect(projection.project(accepted.state, accepted.events.at(-1)!)).rejects.toThrow('audit event 1 of case');
    expect(await rowsOf(c.state.caseId)).toEqual({ events: [], row: undefined });
  });
});
