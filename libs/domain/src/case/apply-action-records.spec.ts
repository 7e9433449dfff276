import type { ActionName, ActionPayloads, Actor, CaseState, Role, Stage } from '@dandang/contracts';
import {
  aCaseAt,
  aCaseOfficer,
  aPayload,
  aRequest,
  aSupervisor,
  anActor,
  anAdmin,
  anAuditor,
  anIntakeOfficer,
  andThen,
  minutesAfter,
  withStatementsHeard,
  refusalOf,
  type DrivenCase,
} from '@dandang/testing/factories';
import { applyAction } from './apply-action';
import { checkAction } from './check-action';

const next = (c: DrivenCase) => minutesAfter(c.at, 60);
const apply = (c: DrivenCase, action: ActionName, actor: Actor, payload: object = aPayload(action)) =>
  applyAction(c.state, action, aRequest(actor, payload as never), next(c));
const investigationWithEvidence = (): DrivenCase => {
  const c = aCaseAt('INVESTIGATION');
  return withStatementsHeard(andThen(c, 'addEvidence', c.cast.caseOfficer));
};

describe('applyAction records a proposal without moving the case', () => {
  it.each([
    ['DISPOSITION', 'proposeDisposition', { disposition: 'SHELVE_PENDING', reason: '暂无法核实' }, '暂无法核实', () => aCaseAt('DISPOSITION')],
    ['VERIFICATION', 'submitVerificationReport', { finding: 'UNTRUE', summary: '反映不实' }, '反映不实', () => aCaseAt('VERIFICATION')],
    [
      'INVESTIGATION',
      'submitInvestigationReport',
      { facts: '已查明', responsibilityLevel: 'IMPORTANT_LEADERSHIP', forms: [], leniency: 'EXEMPTED' },
      '已查明',
      investigationWithEvidence,
    ],
  ] as const)('in %s, %s waits for a supervisor', (stage, action, payload, reason, setup) => {
    const c = setup();
    const officer = c.cast.caseOfficer;
    const { state, event } = apply(c, action, officer, payload);

    expect(state).toMatchObject({ stage, version: c.state.version + 1, stageEnteredAt: c.state.stageEnteredAt });
    const finding = { ...(payload as object), personId: 'P1' } as Record<string, unknown>;
    delete finding['facts'];
    // A report of a case with a procedure keeps each person's findings.
    const ofReport = action === 'submitInvestigationReport' ? { findings: [finding] } : {};
    expect(state.pendingApproval).toEqual({
      kind: { proposeDisposition: 'DISPOSITION', submitVerificationReport: 'VERIFICATION_REPORT', submitInvestigationReport: 'INVESTIGATION_REPORT' }[action],
      ...payload,
      ...ofReport,
      proposedBy: officer.userId,
      proposedByName: officer.displayName,
      proposedAt: next(c).toISOString(),
      action,
    });
    expect(event).toMatchObject({ action, fromStage: stage, toStage: stage, reason, actorRole: 'CASE_OFFICER' });
  });
});

describe('applyAction returns a proposal', () => {
  it.each([
    ['DISPOSITION', 'DISPOSITION', 'proposeDisposition'],
    ['VERIFICATION', 'VERIFICATION_REPORT', 'submitVerificationReport'],
    ['INVESTIGATION', 'INVESTIGATION_REPORT', 'submitInvestigationReport'],
  ] as const)('in %s: the %s proposal goes back with the reason, and a new one clears it', (stage, kind, propose) => {
    const c = aCaseAt(stage, { pendingProposal: true });
    const { state, event } = apply(c, 'return', c.cast.supervisor, { reason: '事实不清' });

    expect(state).toMatchObject({ stage, version: c.state.version + 1, stageEnteredAt: c.state.stageEnteredAt });
    expect(state.pendingApproval).toBeUndefined();
    expect(state.lastReturn).toEqual({ kind, reason: '事实不清', by: c.cast.supervisor.userId, at: next(c).toISOString() });
    expect(event).toMatchObject({ action: 'return', fromStage: stage, toStage: stage, reason: '事实不清', actorRole: 'SUPERVISOR' });

    const resubmitted = andThen({ ...c, state, at: next(c) }, propose, c.cast.caseOfficer);
    expect(resubmitted.state.lastReturn).toBeUndefined();
    expect(resubmitted.state.pendingApproval).toMatchObject({ kind, proposedBy: c.cast.caseOfficer.userId });
  });
});

describe('applyAction records evidence', () => {
  it('numbers each item and records who added it when', () => {
    const first = investigationWithEvidence();
    const officer = first.cast.caseOfficer;
    const { state, event } = apply(first, 'addEvidence', officer, { kind: 'TESTIMONY', description: '证人王某证言' });

    expect(state.stage).toBe('INVESTIGATION');
    expect(state.evidence).toEqual([
      { seq: 1, ...aPayload('addEvidence'), addedBy: officer.userId, addedAt: first.events.find((e) => e.action === 'addEvidence')!.occurredAt },
      { seq: 2, kind: 'TESTIMONY', description: '证人王某证言', sha256: undefined, addedBy: officer.userId, addedAt: next(first).toISOString() },
    ]);
    expect(event).toMatchObject({ action: 'addEvidence', fromStage: 'INVESTIGATION', toStage: 'INVESTIGATION', reason: undefined });
  });
});

describe('applyAction reassigns a case', () => {
  it.each([
    ['DISPOSITION', false],
    ['INQUIRY', false],
    ['VERIFICATION', true],
    ['INVESTIGATION', true],
    ['DECIDED', false],
    ['SHELVED', false],
  ] as const)('in %s (the new assignee becomes an investigator: %s)', (stage: Stage, investigates) => {
    const c = aCaseAt(stage);
    const successor = aCaseOfficer();
    const { state, event } = apply(c, 'reassign', c.cast.supervisor, { toUserId: successor.userId, reason: '工作调整' });

    const investigators = investigates ? [...c.state.investigatorIds, successor.userId] : c.state.investigatorIds;
    expect(state).toMatchObject({ stage, assigneeId: successor.userId, investigatorIds: investigators });
    expect(event).toMatchObject({ action: 'reassign', fromStage: stage, toStage: stage, reason: '工作调整', actorRole: 'SUPERVISOR' });
  });

  it('lets the new assignee carry on, and not the old one', () => {
    const c = aCaseAt('VERIFICATION');
    const successor = aCaseOfficer();
    const reassigned = andThen(c, 'reassign', c.cast.supervisor, aPayload('reassign', { toUserId: successor.userId }));
    const report = (actor: Actor) => () =>
      checkAction(reassigned.state, 'submitVerificationReport', aRequest(actor, aPayload('submitVerificationReport')), next(reassigned));
    expect(report(successor)).not.toThrow();
    expect(refusalOf(report(c.cast.caseOfficer)).reason).toBe('NOT_ASSIGNEE');
  });
});

describe('applyAction records a declared conflict', () => {
  it.each<[string, Actor, Role]>([
    ['an intake officer', anIntakeOfficer(), 'INTAKE_OFFICER'],
    ['a case officer', aCaseOfficer(), 'CASE_OFFICER'],
    ['a supervisor', aSupervisor(), 'SUPERVISOR'],
    ['an auditor', anAuditor(), 'AUDITOR'],
    ['an administrator', anAdmin(), 'ADMIN'],
  ])('by %s: they are recused and the case stays where it is', (_who, actor, role) => {
    const c = aCaseAt('VERIFICATION', { pendingProposal: true });
    const { state, event } = apply(c, 'declareConflict', actor, { reason: '系近亲属' });

    expect(state.recusedUserIds).toEqual([...c.state.recusedUserIds, actor.userId]);
    expect(state).toMatchObject({ stage: 'VERIFICATION', pendingApproval: c.state.pendingApproval });
    expect(event).toMatchObject({ action: 'declareConflict', actorRole: role, reason: '系近亲属', fromStage: 'VERIFICATION', toStage: 'VERIFICATION' });
  });
});

describe('applyAction leaves its input alone', () => {
  it.each<[string, () => DrivenCase, ActionName, (c: DrivenCase) => Actor, (c: DrivenCase) => object]>([
    ['adding evidence', () => aCaseAt('INVESTIGATION'), 'addEvidence', (c) => c.cast.caseOfficer, () => aPayload('addEvidence')],
    ['declaring a conflict', () => aCaseAt('INQUIRY'), 'declareConflict', () => anAuditor(), () => aPayload('declareConflict')],
    ['reassigning during verification', () => aCaseAt('VERIFICATION'), 'reassign', (c) => c.cast.supervisor, () => aPayload('reassign')],
    ['approving a report', () => aCaseAt('INVESTIGATION', { pendingProposal: true }), 'approve', (c) => c.cast.supervisor, () => ({})],
    ['returning a proposal', () => aCaseAt('DISPOSITION', { pendingProposal: true }), 'return', (c) => c.cast.supervisor, () => aPayload('return')],
  ])('when %s', (_what, setup, action, by, payload) => {
    const c = setup();
    const before = structuredClone(c.state);
    const { state } = apply(c, action, by(c), payload(c));
    expect(c.state).toStrictEqual(before);
    expect(state).not.toBe(c.state);
  });
});

describe('applyAction refuses what checkAction refuses', () => {
  const officerAndSupervisor = anActor({ roles: ['CASE_OFFICER', 'SUPERVISOR'] });
  interface Refused {
    reason: string;
    setup: () => DrivenCase;
    action: ActionName;
    by: (c: DrivenCase) => Actor;
    payload?: ActionPayloads[ActionName];
    expectedVersion?: (c: DrivenCase) => number;
  }
  const REFUSED: Refused[] = [
    { reason: 'WRONG_STAGE', setup: () => aCaseAt('DISPOSITION'), action: 'acceptClue', by: (c) => c.cast.intakeOfficer },
    { reason: 'ROLE', setup: () => aCaseAt('DISPOSITION', { pendingProposal: true }), action: 'approve', by: (c) => c.cast.caseOfficer },
    { reason: 'NOT_ASSIGNEE', setup: () => aCaseAt('INVESTIGATION'), action: 'addEvidence', by: () => aCaseOfficer() },
    {
      reason: 'FOUR_EYES',
      setup: () => aCaseAt('VERIFICATION', { pendingProposal: true, cast: { caseOfficer: officerAndSupervisor } }),
      action: 'approve',
      by: (c) => c.cast.caseOfficer,
    },
    {
      reason: 'RECUSAL',
      setup: () => aCaseAt('INTAKE', { initial: { recusedUserIds: [officerAndSupervisor.userId] } }),
      action: 'acceptClue',
      by: () => officerAndSupervisor,
    },
    { reason: 'STALE_VERSION', setup: () => aCaseAt('INQUIRY'), action: 'recordInquiryOutcome', by: (c) => c.cast.caseOfficer, expectedVersion: (c) => c.state.version - 1 },
    { reason: 'PENDING_APPROVAL', setup: () => aCaseAt('INVESTIGATION', { pendingProposal: true }), action: 'addEvidence', by: (c) => c.cast.caseOfficer },
    { reason: 'NO_PENDING_APPROVAL', setup: () => aCaseAt('VERIFICATION'), action: 'return', by: (c) => c.cast.supervisor },
    { reason: 'NO_EVIDENCE', setup: () => aCaseAt('INVESTIGATION'), action: 'submitInvestigationReport', by: (c) => c.cast.caseOfficer },
    { reason: 'INVALID_INPUT', setup: () => aCaseAt('DECIDED'), action: 'serveDecision', by: (c) => c.cast.caseOfficer, payload: { servedAt: '2026-02-01T00:00:00Z', method: 'BY_POST' } },
  ];

  it.each(REFUSED)('with $reason, leaving the state as it was', ({ reason, setup, action, by, payload, expectedVersion }) => {
    const c = setup();
    const before: CaseState = structuredClone(c.state);
    const request = aRequest(by(c), payload ?? aPayload(action), expectedVersion?.(c));

    const checked = refusalOf(() => checkAction(c.state, action, request, next(c)));
    const applied = refusalOf(() => applyAction(c.state, action, request, next(c)));

    expect(applied).toMatchObject({ reason, code: checked.code, fields: checked.fields, message: checked.message });
    expect(c.state).toStrictEqual(before);
  });
});
