import { ACTION_NAMES, ROLES, STAGES, type ActionName, type Actor, type Stage } from '@dandang/contracts';
import {
  aCaseAt,
  andThen,
  aCaseOfficer,
  aCaseRegistration,
  aCaseState,
  aCaseSubject,
  aPayload,
  aRequest,
  aSupervisor,
  anActor,
  anAdmin,
  anAuditor,
  anIntakeOfficer,
  minutesAfter,
  refusalOf,
  INQUIRY_TEAM_MEMBER,
  withStatementsHeard,
  type DrivenCase,
} from '@dandang/testing/factories';
import { checkAction } from './check-action';
import { DomainErrorCode } from '../errors';

const CLOCKED: Stage[] = ['INTAKE', 'DISPOSITION', 'INQUIRY', 'VERIFICATION', 'INVESTIGATION', 'TRIAL', 'DECIDED'];
const OPEN: Stage[] = ['INTAKE', 'DISPOSITION', 'INQUIRY', 'VERIFICATION', 'INVESTIGATION', 'TRIAL', 'DELIBERATION', 'DECIDED', 'SERVED', 'SHELVED'];

/** Where each action may be taken, as the procedure specifies it. */
const ALLOWED_STAGES: Record<ActionName, Stage[]> = {
  acceptClue: ['INTAKE'],
  transferClue: ['INTAKE', 'DISPOSITION'],
  declareConflict: OPEN,
  proposeDisposition: ['DISPOSITION'],
  recordInquiryOutcome: ['INQUIRY'],
  recordInquiryTalk: ['INQUIRY'],
  sendInquiryLetter: ['INQUIRY'],
  recordInquiryLetterReceipt: ['INQUIRY'],
  recordInquiryReply: ['INQUIRY'],
  proposeInquiryConclusion: ['INQUIRY'],
  submitVerificationReport: ['VERIFICATION'],
  addEvidence: ['INVESTIGATION'],
  attachEvidence: ['INVESTIGATION'],
  submitInvestigationReport: ['INVESTIGATION'],
  addPersonConcerned: ['INVESTIGATION'],
  presentFactMaterials: ['INVESTIGATION'],
  recordStatement: ['INVESTIGATION'],
  acceptForTrial: ['TRIAL'],
  recordTrialOpinion: ['TRIAL'],
  recordCollectiveDecision: ['DELIBERATION'],
  // A sanction is announced, and measures carried out, after the decision whatever became of the case.
  announceDecision: ['DECIDED', 'SERVED', 'CLOSED'],
  recordMeasureExecution: ['DECIDED', 'SERVED', 'CLOSED'],
  proposeNoAccountability: ['INVESTIGATION'],
  reviewShelvedClue: ['SHELVED'],
  // A proposal (or a clock's extension or suspension) may wait for a supervisor in every clocked stage, and a
  // shelved clue's periodic review for approval.
  approve: [...CLOCKED, 'SHELVED'],
  return: [...CLOCKED, 'SHELVED'],
  serveDecision: ['DECIDED'],
  reassign: ['DISPOSITION', 'INQUIRY', 'VERIFICATION', 'INVESTIGATION', 'TRIAL', 'DELIBERATION', 'DECIDED', 'SHELVED'],
  linkSubjectAccount: [...STAGES],
  requestExtension: CLOCKED,
  requestSuspension: CLOCKED,
  resumeClock: CLOCKED,
  // The application window is policy data, checked apart from the stage rule.
  applyFaultTolerance: [...STAGES],
  openCorrectionPlan: ['INVESTIGATION', 'DECIDED', 'SERVED', 'CLOSED'],
  recordCorrectionProgress: ['INVESTIGATION', 'DECIDED', 'SERVED', 'CLOSED'],
  completeCorrectionItem: ['INVESTIGATION', 'DECIDED', 'SERVED', 'CLOSED'],
  verifyCorrectionItem: ['INVESTIGATION', 'DECIDED', 'SERVED', 'CLOSED'],
  fileAppeal: ['SERVED'],
  recordPaperAppeal: ['SERVED'],
  orderDecisionCorrection: ['SERVED', 'CLOSED'],
  orderAccountabilityStart: ['DISPOSITION', 'INQUIRY', 'VERIFICATION', 'SHELVED'],
  designateAccountabilityBody: ['DISPOSITION', 'INQUIRY', 'VERIFICATION', 'SHELVED'],
  correctDecision: ['SERVED', 'CLOSED'],
  decideAppeal: ['SERVED'],
  recordNameClearing: ['CLOSED'],
  recordFollowUpVisit: ['SERVED', 'CLOSED'],
  recordExemptionNotice: ['CLOSED'],
  // Intake officers answer a real-name reporter from registration to well after the end.
  recordReporterNotice: [...STAGES],
  requestReporterIdentity: [...STAGES],
  approveReporterIdentity: [...STAGES],
  refuseReporterIdentity: [...STAGES],
  // A document records a step already taken, and may be generated or served at any time after it.
  recordDocument: [...STAGES],
  recordDocumentService: [...STAGES],
};

const next = (c: DrivenCase) => minutesAfter(c.at, 60);
const check = (c: DrivenCase, action: ActionName, actor: Actor, payload: object = aPayload(action), expectedVersion?: number) =>
  checkAction(c.state, action, aRequest(actor, payload as never, expectedVersion), next(c));
const refusal = (...args: Parameters<typeof check>) => refusalOf(() => check(...args));

const withEvidence = (c: DrivenCase): DrivenCase => withStatementsHeard(andThen(c, 'addEvidence', c.cast.caseOfficer));

/** Cases driven to each situation, by name; pure, so tests share them. */
const CASES = {
  INTAKE: aCaseAt('INTAKE'),
  DISPOSITION: aCaseAt('DISPOSITION'),
  'DISPOSITION with a proposal': aCaseAt('DISPOSITION', { pendingProposal: true }),
  INQUIRY: aCaseAt('INQUIRY'),
  VERIFICATION: aCaseAt('VERIFICATION'),
  'VERIFICATION with a report': aCaseAt('VERIFICATION', { pendingProposal: true }),
  INVESTIGATION: aCaseAt('INVESTIGATION'),
  'INVESTIGATION with evidence': withEvidence(aCaseAt('INVESTIGATION')),
  'INVESTIGATION with a report': aCaseAt('INVESTIGATION', { pendingProposal: true }),
  DECIDED: aCaseAt('DECIDED'),
} satisfies Record<string, DrivenCase>;
type Situation = keyof typeof CASES;

type Who = (c: DrivenCase) => Actor;
const assignee: Who = (c) => c.cast.caseOfficer;
const theSupervisor: Who = (c) => c.cast.supervisor;

describe('checkAction: stage', () => {
  const everyRole = anActor({ roles: [...ROLES] });
  const refused = ACTION_NAMES.flatMap((action) =>
    STAGES.filter((stage) => !ALLOWED_STAGES[action].includes(stage)).map((stage) => [action, stage] as const),
  );

  it.each(refused)('refuses %s in %s', (action, stage) => {
    const error = refusalOf(() => checkAction(aCaseState({ stage }), action, aRequest(everyRole, aPayload(action)), new Date('2026-03-03T00:00:00Z')));
    expect(error).toMatchObject({ code: DomainErrorCode.CONFLICT, reason: 'WRONG_STAGE', fields: [] });
  });
});

describe('checkAction: role', () => {
  it.each<[ActionName, Situation, string, Who]>([
    ['acceptClue', 'INTAKE', 'a supervisor', () => aSupervisor()],
    ['acceptClue', 'INTAKE', 'an auditor', () => anAuditor()],
    ['acceptClue', 'INTAKE', 'an administrator', () => anAdmin()],
    ['transferClue', 'DISPOSITION', 'a supervisor', theSupervisor],
    ['proposeDisposition', 'DISPOSITION', 'an intake officer', (c) => c.cast.intakeOfficer],
    ['proposeDisposition', 'DISPOSITION', 'a supervisor', theSupervisor],
    ['recordInquiryOutcome', 'INQUIRY', 'a supervisor', theSupervisor],
    ['submitVerificationReport', 'VERIFICATION', 'an auditor', () => anAuditor()],
    ['addEvidence', 'INVESTIGATION', 'a supervisor', theSupervisor],
    ['submitInvestigationReport', 'INVESTIGATION with evidence', 'an administrator', () => anAdmin()],
    ['approve', 'DISPOSITION with a proposal', 'the assigned case officer', assignee],
    ['approve', 'VERIFICATION with a report', 'an intake officer', () => anIntakeOfficer()],
    ['return', 'INVESTIGATION with a report', 'an auditor', () => anAuditor()],
    ['serveDecision', 'DECIDED', 'an intake officer', () => anIntakeOfficer()],
    ['reassign', 'DISPOSITION', 'the assigned case officer', assignee],
  ])('refuses %s in %s to %s', (action, situation, _who, who) => {
    const c = CASES[situation];
    expect(refusal(c, action, who(c))).toMatchObject({ code: DomainErrorCode.FORBIDDEN, reason: 'ROLE' });
  });
});

describe('checkAction: assignment', () => {
  it.each<[ActionName, Situation]>([
    ['proposeDisposition', 'DISPOSITION'],
    ['recordInquiryOutcome', 'INQUIRY'],
    ['submitVerificationReport', 'VERIFICATION'],
    ['addEvidence', 'INVESTIGATION'],
    ['submitInvestigationReport', 'INVESTIGATION with evidence'],
    ['serveDecision', 'DECIDED'],
    ['transferClue', 'DISPOSITION'],
  ])('refuses %s in %s to a case officer who is not the assignee', (action, situation) => {
    expect(refusal(CASES[situation], action, aCaseOfficer())).toMatchObject({ code: DomainErrorCode.FORBIDDEN, reason: 'NOT_ASSIGNEE' });
  });

  it('lets any supervisor serve the decision', () => {
    const c = CASES.DECIDED;
    expect(() => check(c, 'serveDecision', aSupervisor(), aPayload('serveDecision', { servedAt: next(c).toISOString() }))).not.toThrow();
  });

  it.each<[ActionName, Situation, string, Who]>([
    ['acceptClue', 'INTAKE', 'any case officer', () => aCaseOfficer()],
    ['transferClue', 'INTAKE', 'an intake officer', (c) => c.cast.intakeOfficer],
    ['transferClue', 'INTAKE', 'any case officer', () => aCaseOfficer()],
    ['transferClue', 'DISPOSITION', 'the assignee', assignee],
  ])('lets %s in %s be taken by %s without an assignment', (action, situation, _who, who) => {
    const c = CASES[situation];
    expect(() => check(c, action, who(c))).not.toThrow();
  });
});

describe('checkAction: four eyes', () => {
  const officerAndSupervisor = () => anActor({ roles: ['CASE_OFFICER', 'SUPERVISOR'] });

  /** A supervisor who is also a case officer proposed, without being the assignee. */
  const proposedByOther = (() => {
    const proposer = officerAndSupervisor();
    return { c: andThen(aCaseAt('DISPOSITION'), 'proposeDisposition', proposer), who: proposer };
  })();

  /** The supervisor a pending case was reassigned to. */
  const reassignedToSupervisor = (() => {
    const c = aCaseAt('DISPOSITION', { pendingProposal: true });
    const newAssignee = aSupervisor();
    return { c: andThen(c, 'reassign', c.cast.supervisor, aPayload('reassign', { toUserId: newAssignee.userId })), who: newAssignee };
  })();

  /** The first investigator, reassigned away before their successor reported. */
  const formerInvestigator = (stage: 'VERIFICATION' | 'INVESTIGATION') => {
    let c = aCaseAt(stage, { cast: { caseOfficer: officerAndSupervisor() } });
    const successor = aCaseOfficer();
    c = andThen(c, 'reassign', c.cast.supervisor, aPayload('reassign', { toUserId: successor.userId }));
    if (stage === 'INVESTIGATION') c = withStatementsHeard(andThen(c, 'addEvidence', successor), successor);
    c = andThen(c, stage === 'VERIFICATION' ? 'submitVerificationReport' : 'submitInvestigationReport', successor);
    return { c, who: c.cast.caseOfficer };
  };

  it.each([
    ['the proposer', proposedByOther],
    ['the current assignee', reassignedToSupervisor],
    ['a former verification officer', formerInvestigator('VERIFICATION')],
    ['a former investigator', formerInvestigator('INVESTIGATION')],
  ])('refuses %s deciding on the proposal', (_who, { c, who }) => {
    for (const action of ['approve', 'return'] as const) {
      expect(refusal(c, action, who)).toMatchObject({ code: DomainErrorCode.FORBIDDEN, reason: 'FOUR_EYES' });
    }
  });

  it.each<[Situation]>([['DISPOSITION with a proposal'], ['VERIFICATION with a report'], ['INVESTIGATION with a report']])(
    'lets an uninvolved supervisor decide in %s',
    (situation) => {
      const c = CASES[situation];
      // Approving a filing names the inquiry team.
      const approval = c.state.pendingApproval?.kind === 'VERIFICATION_REPORT' ? { investigationTeam: [INQUIRY_TEAM_MEMBER] } : aPayload('approve');
      expect(() => check(c, 'approve', aSupervisor(), approval)).not.toThrow();
      expect(() => check(c, 'return', aSupervisor())).not.toThrow();
    },
  );
});

describe('checkAction: recusal', () => {
  const subject = aCaseOfficer();
  const reporter = aCaseOfficer();
  const recusing = {
    initial: {
      registration: aCaseRegistration({ subject: aCaseSubject({ userId: subject.userId }) }),
      recusedUserIds: [subject.userId, reporter.userId],
    },
  };

  it.each([
    ['the subject', subject],
    ['a recused user', reporter],
    ['the subject acting as a supervisor', anActor({ userId: subject.userId, roles: ['SUPERVISOR'] })],
  ])('refuses %s every action', (_who, actor) => {
    const c = aCaseAt('INTAKE', recusing);
    for (const action of ['acceptClue', 'transferClue', 'declareConflict'] as const) {
      expect(refusal(c, action, actor)).toMatchObject({ code: DomainErrorCode.FORBIDDEN, reason: 'RECUSAL' });
    }
  });

  it('refuses the subject even when the recusal list forgot them', () => {
    const c = aCaseAt('INTAKE', { initial: { ...recusing.initial, recusedUserIds: [] } });
    expect(refusal(c, 'acceptClue', subject)).toMatchObject({ reason: 'RECUSAL' });
  });

  it('refuses, from then on, a user who declared a conflict', () => {
    const c = aCaseAt('DISPOSITION');
    const officer = c.cast.caseOfficer;
    const declared = andThen(c, 'declareConflict', officer);
    for (const action of ['proposeDisposition', 'transferClue', 'declareConflict'] as const) {
      expect(refusal(declared, action, officer)).toMatchObject({ code: DomainErrorCode.FORBIDDEN, reason: 'RECUSAL' });
    }
  });

  it('refuses a recused supervisor the approval', () => {
    const c = aCaseAt('DISPOSITION', { pendingProposal: true });
    const recused = aSupervisor();
    const state = { ...c.state, recusedUserIds: [recused.userId] };
    expect(refusal({ ...c, state }, 'approve', recused)).toMatchObject({ reason: 'RECUSAL' });
  });

  it.each([
    ['acceptClue', 'assigneeId', 'the subject', subject.userId, 'INTAKE'],
    ['acceptClue', 'assigneeId', 'a recused user', reporter.userId, 'INTAKE'],
    ['reassign', 'toUserId', 'the subject', subject.userId, 'VERIFICATION'],
    ['reassign', 'toUserId', 'a recused user', reporter.userId, 'INVESTIGATION'],
  ] as const)('refuses %s naming %s as %s', (action, field, _who, userId, stage) => {
    const c = aCaseAt(stage, recusing);
    const actor = action === 'acceptClue' ? c.cast.intakeOfficer : c.cast.supervisor;
    const error = refusal(c, action, actor, aPayload(action, { [field]: userId }));
    expect(error).toMatchObject({ code: DomainErrorCode.FORBIDDEN, reason: 'RECUSAL' });
    expect(error.message).toMatch(new RegExp(`^${field}: `));
  });
});
