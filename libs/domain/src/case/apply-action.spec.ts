import type { ActionName, ActionPayloads, Actor, CaseState, ClueDisposition, Role, Stage, VerificationFinding } from '@dandang/contracts';
import {
  aCaseAt,
  aCaseOfficer,
  aPayload,
  aRequest,
  andThen,
  inBeijingTime,
  minutesAfter,
  SINGLE_PATH_POLICY,
  type DrivenCase,
} from '@dandang/testing/factories';
import { applyAction } from './apply-action';

const proposedDisposition = (disposition: ClueDisposition) => (): DrivenCase => {
  const c = aCaseAt('DISPOSITION');
  return andThen(c, 'proposeDisposition', c.cast.caseOfficer, aPayload('proposeDisposition', { disposition }));
};
const reportedVerification = (finding: VerificationFinding) => (): DrivenCase => {
  const c = aCaseAt('VERIFICATION');
  return andThen(c, 'submitVerificationReport', c.cast.caseOfficer, aPayload('submitVerificationReport', { finding }));
};

interface Move {
  name: string;
  setup: () => DrivenCase;
  action: ActionName;
  by: (c: DrivenCase) => Actor;
  payload: (c: DrivenCase, now: Date) => ActionPayloads[ActionName];
  to: Stage;
  role: Role;
  /** What the event records as the reason. */
  reason?: string;
  /** What else the new state must show. */
  records: (c: DrivenCase, at: string) => Partial<CaseState>;
}

const approval = { comment: '同意' };
const assignee = (c: DrivenCase) => c.cast.caseOfficer;
const supervisor = (c: DrivenCase) => c.cast.supervisor;
const officerOfTheCase = aCaseOfficer();

const MOVES: Move[] = [
  {
    name: 'an intake officer accepts a clue for a case officer',
    setup: () => aCaseAt('INTAKE'),
    action: 'acceptClue',
    by: (c) => c.cast.intakeOfficer,
    payload: (c) => ({ assigneeId: c.cast.caseOfficer.userId, note: '线索具体' }),
    to: 'DISPOSITION',
    role: 'INTAKE_OFFICER',
    reason: '线索具体',
    records: (c) => ({ assigneeId: c.cast.caseOfficer.userId, investigatorIds: [] }),
  },
  {
    name: 'a case officer accepts a clue for themselves',
    setup: () => aCaseAt('INTAKE'),
    action: 'acceptClue',
    by: () => officerOfTheCase,
    payload: () => ({}),
    to: 'DISPOSITION',
    role: 'CASE_OFFICER',
    records: () => ({ assigneeId: officerOfTheCase.userId }),
  },
  ...(['INTAKE', 'DISPOSITION'] as const).map<Move>((from) => ({
    // Before assignment any intake officer may transfer; afterwards only the assigned officer.
    name: `a clue is transferred from ${from}`,
    setup: () => aCaseAt(from),
    action: 'transferClue',
    by: (c) => (from === 'INTAKE' ? c.cast.intakeOfficer : c.cast.caseOfficer),
    payload: () => ({ toBody: '某县纪委监委', reason: '属下级管辖' }),
    to: 'CLOSED',
    role: from === 'INTAKE' ? 'INTAKE_OFFICER' : 'CASE_OFFICER',
    reason: '属下级管辖',
    records: (_c, at) => ({ transfer: { toBody: '某县纪委监委', reason: '属下级管辖' }, closure: { kind: 'TRANSFERRED', at } }),
  })),
  ...(
    [
      ['TALK_OR_LETTER_INQUIRY', 'INQUIRY', {}],
      ['PRELIMINARY_VERIFICATION', 'VERIFICATION', {}],
      ['SHELVE_PENDING', 'SHELVED', {}],
      ['CLOSE', 'CLOSED', { closure: 'DISPOSITION_CLOSED' }],
    ] as const
  ).map<Move>(([disposition, to, extra]) => ({
    name: `a supervisor approves the disposition ${disposition}`,
    setup: proposedDisposition(disposition),
    action: 'approve',
    by: supervisor,
    payload: () => approval,
    to,
    role: 'SUPERVISOR',
    reason: '同意',
    records: (c, at) => ({
      disposition: { disposition, reason: aPayload('proposeDisposition').reason, approvedBy: c.cast.supervisor.userId },
      // The proposer handled the case, so they can never approve on it.
      investigatorIds: [c.cast.caseOfficer.userId],
      ...('closure' in extra ? { closure: { kind: extra.closure, at } } : {}),
    }),
  })),
  ...(
    [
      ['ACCEPT_EXPLANATION_AND_CLOSE', undefined, 'CLOSED'],
      ['LIGHT_HANDLING', 'ADMONISHMENT', 'CLOSED'],
      ['REPEAT_OR_VERIFY', undefined, 'VERIFICATION'],
    ] as const
  ).map<Move>(([outcome, measure, to]) => ({
    name: `the assignee records the inquiry outcome ${outcome}`,
    setup: () => aCaseAt('INQUIRY'),
    action: 'recordInquiryOutcome',
    by: assignee,
    payload: () => ({ outcome, measure, reason: '谈话情况' }),
    to,
    role: 'CASE_OFFICER',
    reason: '谈话情况',
    records: (c, at) => ({
      inquiry: { outcome, measure, reason: '谈话情况' },
      ...(to === 'CLOSED' ? { closure: { kind: 'INQUIRY_CLOSED', at } } : { investigatorIds: [c.cast.caseOfficer.userId] }),
    }),
  })),
  ...(
    [
      ['PROPOSE_CASE_FILING', 'INVESTIGATION', undefined],
      ['CLOSE', 'CLOSED', 'VERIFICATION_CLOSED'],
      ['UNTRUE', 'CLOSED', 'UNTRUE'],
    ] as const
  ).map<Move>(([finding, to, closure]) => ({
    name: `a supervisor approves the verification finding ${finding}`,
    setup: reportedVerification(finding),
    action: 'approve',
    by: supervisor,
    payload: () => approval,
    to,
    role: 'SUPERVISOR',
    reason: '同意',
    records: (c, at) => ({
      verification: { finding, summary: aPayload('submitVerificationReport').summary, approvedBy: c.cast.supervisor.userId },
      investigatorIds: [c.cast.caseOfficer.userId],
      ...(closure ? { closure: { kind: closure, at } } : {}),
    }),
  })),
  {
    name: 'a supervisor approves the investigation report of an accountability inquiry (on to the collective decision)',
    setup: () => aCaseAt('INVESTIGATION', { pendingProposal: true }),
    action: 'approve',
    by: supervisor,
    payload: () => ({}),
    to: 'DELIBERATION',
    role: 'SUPERVISOR',
    records: (c, at) => {
      const { facts, responsibilityLevel, forms, leniency } = aPayload('submitInvestigationReport');
      const [proposedBy, approvedBy] = [c.cast.caseOfficer.userId, c.cast.supervisor.userId];
      return { report: { facts, findings: [{ personId: 'P1', responsibilityLevel: responsibilityLevel!, forms: forms!, leniency: leniency! }], proposedBy, approvedBy, approvedAt: at } };
    },
  },
  {
    name: 'the standing committee decides by a majority of its members (集体研究决定)',
    setup: () => aCaseAt('DELIBERATION'),
    action: 'recordCollectiveDecision',
    by: supervisor,
    payload: (_c, now) => aPayload('recordCollectiveDecision', { meetingAt: minutesAfter(now, -30).toISOString() }),
    to: 'DECIDED',
    role: 'SUPERVISOR',
    reason: aPayload('recordCollectiveDecision').minutes,
    records: (c, at) => {
      const { facts, responsibilityLevel, forms, leniency } = aPayload('submitInvestigationReport');
      const finding = { personId: 'P1', responsibilityLevel: responsibilityLevel!, forms: forms!, leniency: leniency! };
      return {
        decision: { facts, responsibilityLevel: responsibilityLevel!, forms: forms!, leniency: leniency!, proposedBy: c.cast.caseOfficer.userId, approvedBy: c.cast.supervisor.userId, approvedAt: at },
        personDecisions: [{ ...finding, decidedAt: at, bodies: ['COMMISSION_STANDING_COMMITTEE'] }],
      };
    },
  },
  {
    name: 'a supervisor approves the investigation report of a case filed before the two procedures (the decision)',
    setup: () => aCaseAt('INVESTIGATION', { pendingProposal: true, initial: { policy: SINGLE_PATH_POLICY } }),
    action: 'approve',
    by: supervisor,
    payload: () => ({}),
    to: 'DECIDED',
    role: 'SUPERVISOR',
    records: (c, at) => {
      const { facts, responsibilityLevel, forms, leniency } = aPayload('submitInvestigationReport');
      const [proposedBy, approvedBy] = [c.cast.caseOfficer.userId, c.cast.supervisor.userId];
      return { decision: { facts, responsibilityLevel: responsibilityLevel!, forms: forms!, leniency: leniency!, proposedBy, approvedBy, approvedAt: at } };
    },
  },
  ...(
    [
      ['the assignee', assignee, 'CASE_OFFICER'],
      ['a supervisor', supervisor, 'SUPERVISOR'],
    ] as const
  ).map<Move>(([who, by, role]) => ({
    name: `${who} serves the decision`,
    setup: () => aCaseAt('DECIDED'),
    action: 'serveDecision',
    by,
    payload: (_c, now) => ({ servedAt: inBeijingTime(minutesAfter(now, -30)), method: 'ANNOUNCED_AT_MEETING' }),
    to: 'SERVED',
    role,
    records: (c, at) => ({
      service: { servedAt: minutesAfter(new Date(at), -30).toISOString(), method: 'ANNOUNCED_AT_MEETING', recordedBy: by(c).userId },
    }),
  })),
];

describe('applyAction moves the case', () => {
  it.each(MOVES)('when $name', ({ setup, action, by, payload, to, role, reason, records }) => {
    const c = setup();
    const before = structuredClone(c.state);
    const now = minutesAfter(c.at, 60);
    const at = now.toISOString();
    const actor = by(c);
    const request = aRequest(actor, payload(c, now));

    const { state, event } = applyAction(c.state, action, request, now);

    expect(state).toMatchObject({ stage: to, version: before.version + 1, stageEnteredAt: at, ...records(c, at) });
    expect(state.pendingApproval).toBeUndefined();
    expect(event).toEqual({
      caseId: before.caseId,
      version: before.version + 1,
      action,
      actorId: actor.userId,
      actorName: actor.displayName,
      actorRole: role,
      occurredAt: at,
      reason,
      fromStage: before.stage,
      toStage: to,
      payload: request.payload,
    });
    expect(c.state).toStrictEqual(before);
  });

  it('numbers the events of a whole case one after another, each starting where the last ended', () => {
    const { state, events } = aCaseAt('SERVED');
    expect(events.map((e) => e.version)).toEqual(events.map((_e, i) => i + 2));
    expect(events.map((e) => e.action)).toEqual([
      'acceptClue',
      'proposeDisposition',
      'approve',
      'submitVerificationReport',
      'approve',
      'addEvidence',
      'presentFactMaterials',
      'recordStatement',
      'submitInvestigationReport',
      'approve',
      'recordCollectiveDecision',
      'serveDecision',
    ]);
    events.slice(1).forEach((e, i) => expect(e.fromStage).toBe(events[i].toStage));
    expect(state).toMatchObject({ stage: 'SERVED', version: events.length + 1 });
  });

  it('keeps the stage entry time when the stage does not change', () => {
    const c = aCaseAt('DISPOSITION');
    const { state } = applyAction(c.state, 'proposeDisposition', aRequest(assignee(c), aPayload('proposeDisposition')), minutesAfter(c.at, 60));
    expect(state.stageEnteredAt).toBe(c.state.stageEnteredAt);
  });

  it('copies the payload into the event rather than sharing it', () => {
    const c = aCaseAt('INTAKE');
    const payload = { assigneeId: c.cast.caseOfficer.userId };
    const { event } = applyAction(c.state, 'acceptClue', aRequest(c.cast.intakeOfficer, payload), minutesAfter(c.at, 60));
    expect(event.payload).toEqual(payload);
    expect(event.payload).not.toBe(payload);
  });
});
