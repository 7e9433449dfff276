import type {
  ActionName,
  ActionPayloads,
  ActionRequest,
  Actor,
  CaseEvent,
  CaseRegistration,
  CaseState,
  CaseSubject,
  CaseWorkflowInput,
  PendingApproval,
  PinnedPolicy,
  Role,
  Stage,
} from '@dandang/contracts';
import { DEFAULT_POLICY, DomainError, applyAction, checkAction, newCaseState, type ClockContext } from '@dandang/domain';

/** When factory cases are registered: Monday 2026-03-02, 09:00 Beijing time. */
export const CASE_REGISTERED_AT = new Date('2026-03-02T01:00:00.000Z');
export const ORG_UNIT_ID = '0f000000-0000-4000-8000-000000000001';

/** Adds minutes to a time; tests pass time explicitly, never read the clock. */
export const minutesAfter = (at: Date, minutes: number): Date => new Date(at.getTime() + minutes * 60_000);

/** The same instant written in Beijing time (+08:00), as officers' clients send it. */
export const inBeijingTime = (at: Date): string =>
  new Date(at.getTime() + 8 * 3_600_000).toISOString().replace(/Z$/, '+08:00');

let sequence = 0;
/** A valid UUID, different on every call (deterministic within a test file). */
export function aUuid(): string {
  sequence += 1;
  return `00000000-0000-4000-8000-${sequence.toString(16).padStart(12, '0')}`;
}

export function anActor(overrides: Partial<Actor> = {}): Actor {
  const userId = overrides.userId ?? aUuid();
  const username = `user-${userId.slice(-6)}`;
  return { userId, username, displayName: `测试 ${username}`, roles: ['CASE_OFFICER'], orgUnitId: ORG_UNIT_ID, ...overrides };
}

const actorWith =
  (...roles: Role[]) =>
  (overrides: Partial<Actor> = {}): Actor =>
    anActor({ roles, ...overrides });

export const anIntakeOfficer = actorWith('INTAKE_OFFICER');
export const aCaseOfficer = actorWith('CASE_OFFICER');
export const aSupervisor = actorWith('SUPERVISOR');
export const aTrialOfficer = actorWith('TRIAL_OFFICER');
export const anAuditor = actorWith('AUDITOR');
export const anAdmin = actorWith('ADMIN');

export function aCaseSubject(overrides: Partial<CaseSubject> = {}): CaseSubject {
  return { name: '张某', position: '某县自然资源局局长', orgUnitId: ORG_UNIT_ID, ...overrides };
}

export function aCaseRegistration(overrides: Partial<CaseRegistration> = {}): CaseRegistration {
  return {
    title: '某局长对群众反映的问题长期不作为',
    summary: '群众多次反映宅基地审批长期搁置，相关负责人推诿不办。',
    channel: 'PUBLIC',
    intakeMethod: 'LETTER',
    subject: aCaseSubject(),
    anonymousReport: false,
    receivedAt: '2026-03-01T02:00:00.000Z',
    orgUnitId: ORG_UNIT_ID,
    ...overrides,
  };
}

export function aCaseWorkflowInput(overrides: Partial<CaseWorkflowInput> = {}): CaseWorkflowInput {
  return {
    caseId: aUuid(),
    number: 'DD-2026-000001',
    registration: aCaseRegistration(),
    registeredBy: anIntakeOfficer(),
    registeredAt: CASE_REGISTERED_AT.toISOString(),
    policy: structuredClone(DEFAULT_POLICY),
    recusedUserIds: [],
    ...overrides,
  };
}

/** A case as registered (stage INTAKE, version 1); override fields to build any other shape. */
export function aCaseState(overrides: Partial<CaseState> = {}): CaseState {
  return { ...newCaseState(aCaseWorkflowInput()), ...overrides };
}

/** Overrides of a registered case about the official with account `userId`, who is recused from it. */
export function aboutOfficial(userId: string): Pick<CaseState, 'registration' | 'recusedUserIds'> {
  return { registration: aCaseRegistration({ subject: aCaseSubject({ userId }) }), recusedUserIds: [userId] };
}

/** A disposition proposal waiting for a supervisor. */
export function aPendingApproval(overrides: Partial<PendingApproval> = {}): PendingApproval {
  return {
    kind: 'DISPOSITION',
    disposition: 'PRELIMINARY_VERIFICATION',
    reason: '反映问题具体，需初步核实',
    proposedBy: aUuid(),
    proposedByName: '承办人',
    proposedAt: CASE_REGISTERED_AT.toISOString(),
    action: 'proposeDisposition',
    ...overrides,
  } as PendingApproval;
}

const DEFAULT_PAYLOADS: { [A in ActionName]: () => ActionPayloads[A] } = {
  acceptClue: () => ({ note: '线索具体，予以受理' }),
  transferClue: () => ({ toBody: '某县纪委监委', reason: '属下级纪检监察机关管辖' }),
  declareConflict: () => ({ reason: '与被反映人系近亲属' }),
  proposeDisposition: () => ({ disposition: 'PRELIMINARY_VERIFICATION', reason: '反映问题具体，需初步核实' }),
  recordInquiryOutcome: () => ({ outcome: 'ACCEPT_EXPLANATION_AND_CLOSE', reason: '说明属实，予以采信' }),
  recordInquiryTalk: () => ({ heldAt: CASE_REGISTERED_AT.toISOString(), note: '委主要负责人与本人谈话，本人作出说明' }),
  sendInquiryLetter: () => ({ sentAt: CASE_REGISTERED_AT.toISOString() }),
  recordInquiryLetterReceipt: () => ({ receivedAt: CASE_REGISTERED_AT.toISOString() }),
  recordInquiryReply: () => ({ receivedAt: CASE_REGISTERED_AT.toISOString(), summary: '本人书面说明，党委主要负责人签字' }),
  proposeInquiryConclusion: () => ({ outcome: 'ACCEPT_EXPLANATION_AND_CLOSE', reason: '说明属实，予以采信' }),
  submitVerificationReport: () => ({ finding: 'PROPOSE_CASE_FILING', summary: '初核查明存在不作为问题' }),
  addEvidence: () => ({ kind: 'DOCUMENT', description: '审批台账复印件', sha256: 'ab'.repeat(32) }),
  attachEvidence: () => ({
    fileId: '0f9a3c1e-8b7d-4e21-9c3a-5d6f7e8a9b0c', kind: 'DOCUMENT', description: '审批台账扫描件', name: 'ledger.pdf',
    mediaType: 'application/pdf', size: 1024, sha256: 'cd'.repeat(32),
  }),
  submitInvestigationReport: () => ({
    facts: '经审查，宅基地审批积压十四个月未办。',
    responsibilityLevel: 'DIRECT',
    forms: [{ form: 'ADMONISHMENT' }],
    leniency: 'NORMAL',
  }),
  addPersonConcerned: () => ({ kind: 'INDIVIDUAL', name: '李某', position: '某局分管副局长', orgUnitId: ORG_UNIT_ID, reason: '分管该项工作，负重要领导责任' }),
  presentFactMaterials: () => ({ personId: 'P1', presentedAt: CASE_REGISTERED_AT.toISOString() }),
  recordStatement: () => ({ personId: 'P1', receivedAt: CASE_REGISTERED_AT.toISOString(), summary: '对认定事实无异议', signature: 'SIGNED' }),
  acceptForTrial: () => ({ note: '案卷材料齐全，予以受理' }),
  recordTrialOpinion: () => ({ opinion: 'AGREE', reason: '事实清楚，证据确凿，定性准确，处理恰当，手续完备' }),
  recordCollectiveDecision: () => ({
    body: 'COMMISSION_STANDING_COMMITTEE',
    meetingAt: CASE_REGISTERED_AT.toISOString(),
    memberCount: 5,
    votes: [aUuid(), aUuid(), aUuid()].map((memberId) => ({ memberId, vote: 'FOR' as const })),
    minutes: '常委会会议研究，同意给予诫勉处理',
  }),
  announceDecision: () => ({ announcedAt: CASE_REGISTERED_AT.toISOString(), to: '本人及所在党支部全体党员' }),
  recordMeasureExecution: () => ({ personId: 'P1', completedAt: CASE_REGISTERED_AT.toISOString(), note: '已办理职务调整手续' }),
  proposeNoAccountability: () => ({ outcome: 'CASE_WITHDRAWN', allegationUntrue: true, reason: '经审查，未发现不作为事实，反映失实' }),
  reviewShelvedClue: () => ({ decision: 'KEEP', reason: '暂不具备核查条件，继续暂存' }),
  approve: () => ({ comment: '同意' }),
  return: () => ({ reason: '事实不清，退回补充' }),
  serveDecision: () => ({ servedAt: CASE_REGISTERED_AT.toISOString(), method: 'IN_PERSON' }),
  reassign: () => ({ toUserId: aUuid(), reason: '工作调整' }),
  linkSubjectAccount: () => ({ userId: aUuid(), reason: '被反映人开通账号' }),
  requestExtension: () => ({ amount: 5, reason: '需补充调取证据' }),
  requestSuspension: () => ({ reason: '被反映人因病住院' }),
  resumeClock: () => ({ reason: '中止情形消除' }),
  applyFaultTolerance: () => ({ reasons: '为推进改革先行先试，无私利' }),
  openCorrectionPlan: () => ({ items: [{ owner: aUuid(), action: '完善审批制度', severity: 'LOW' }] }),
  recordCorrectionProgress: () => ({ itemId: 'C1', note: '已起草制度' }),
  completeCorrectionItem: () => ({ itemId: 'C1', evidence: '制度文件已印发' }),
  verifyCorrectionItem: () => ({ itemId: 'C1' }),
  fileAppeal: () => ({ grounds: '事实认定有误' }),
  recordPaperAppeal: () => ({ grounds: '事实认定有误（书面申诉）', receivedAt: CASE_REGISTERED_AT.toISOString() }),
  decideAppeal: () => ({ outcome: 'UPHELD', reason: '原决定事实清楚' }),
  orderAccountabilityStart: () => ({ reason: '群众反映强烈，应当问责而未启动' }),
  designateAccountabilityBody: () => ({ orgUnitId: '0f000000-0000-4000-8000-0000000000b2', reason: '原机关不宜启动，指定其他机关' }),
  orderDecisionCorrection: () => ({ grounds: ['WEAK_EVIDENCE'], reason: '证据不足，责令纠正' }),
  correctDecision: () => ({ outcome: 'REVOKED', reason: '按上级要求撤销原决定' }),
  recordNameClearing: () => ({ harmed: true, methods: ['WRITTEN', 'MEETING'], completedAt: CASE_REGISTERED_AT.toISOString(), note: '已在会议上澄清' }),
  recordFollowUpVisit: () => ({ visitId: 'V1', findings: '思想稳定，工作积极' }),
  recordExemptionNotice: () => ({ notifiedAt: CASE_REGISTERED_AT.toISOString(), scope: '本单位干部大会', note: '通报免责情况，澄清影响' }),
  recordReporterNotice: () => ({ notice: 'ACCEPTANCE', method: 'PHONE', notifiedAt: CASE_REGISTERED_AT.toISOString(), note: '电话告知已受理' }),
  requestReporterIdentity: () => ({ reason: '需向实名举报人反馈受理情况' }),
  approveReporterIdentity: () => ({ seq: 1, reason: '反馈受理情况确有必要' }),
  refuseReporterIdentity: () => ({ seq: 1, reason: '可由信访室统一反馈' }),
  recordDocument: () => ({ kind: 'CLUE_DISPOSITION_APPROVAL', number: '纪处〔2026〕1号', sha256: 'cd'.repeat(32), fileId: aUuid(), templateVersion: 0 }),
  recordDocumentService: () => ({ fileId: aUuid(), recipient: '王某某', method: 'IN_PERSON', servedAt: CASE_REGISTERED_AT.toISOString() }),
};

/** A well-formed payload for `action`. serveDecision's default servedAt is CASE_REGISTERED_AT: override it. */
export function aPayload<A extends ActionName>(action: A, overrides: Partial<ActionPayloads[A]> = {}): ActionPayloads[A] {
  return { ...DEFAULT_PAYLOADS[action](), ...overrides };
}

export function aRequest<A extends ActionName>(
  actor: Actor,
  payload: ActionPayloads[A],
  expectedVersion?: number,
): ActionRequest<A> {
  return expectedVersion === undefined ? { actor, payload } : { actor, payload, expectedVersion };
}

/** The second officer of a factory case's inquiry team. */
export const INQUIRY_TEAM_MEMBER = '0f000000-0000-4000-8000-0000000000e2';

/**
 * The people who work a factory case: registration, the assigned officer, the approving supervisor, and the
 * trial officer (案件审理室) who takes 审理.
 */
export interface CaseCast {
  intakeOfficer: Actor;
  caseOfficer: Actor;
  supervisor: Actor;
  trialReviewer: Actor;
}

export function aCast(overrides: Partial<CaseCast> = {}): CaseCast {
  return {
    intakeOfficer: anIntakeOfficer(),
    caseOfficer: aCaseOfficer(),
    supervisor: aSupervisor(),
    trialReviewer: aTrialOfficer(),
    ...overrides,
  };
}

/** A case driven through real actions, with who did them and the time of the last one. */
export interface DrivenCase {
  state: CaseState;
  cast: CaseCast;
  events: CaseEvent[];
  /** When the last action happened (the registration time if none did). */
  at: Date;
}

export interface DriveOptions {
  cast?: Partial<CaseCast>;
  /** Overrides of the registered case the drive starts from. */
  initial?: Partial<CaseState>;
  /** Stop with the stage's proposal waiting for approval (DISPOSITION, VERIFICATION, INVESTIGATION only). */
  pendingProposal?: boolean;
  /** Registration time; each action happens one hour after the previous one. */
  startAt?: Date;
}

interface Step {
  action: ActionName;
  by: keyof CaseCast;
  payload: (cast: CaseCast, at: Date) => ActionPayloads[ActionName];
}

const step = (action: ActionName, by: keyof CaseCast, payload: Step['payload']): Step => ({ action, by, payload });
const accept = step('acceptClue', 'intakeOfficer', (c) => aPayload('acceptClue', { assigneeId: c.caseOfficer.userId }));
const approve = step('approve', 'supervisor', () => aPayload('approve'));
/** Approving a filing names the inquiry team: the assigned officer and one more (at least two). */
const approveFiling = step('approve', 'supervisor', () => aPayload('approve', { investigationTeam: [INQUIRY_TEAM_MEMBER] }));
const proposeDisposition = (disposition: ActionPayloads['proposeDisposition']['disposition']) =>
  step('proposeDisposition', 'caseOfficer', () => aPayload('proposeDisposition', { disposition }));
// The factory's case is an accountability inquiry (启动问责) with one person and an 诫勉: decided by the commission
// without 审理. A discipline case (PROPOSE_CASE_FILING) goes through TRIAL.
const verificationReport = step('submitVerificationReport', 'caseOfficer', () => aPayload('submitVerificationReport', { finding: 'PROPOSE_ACCOUNTABILITY' }));
const fileDisciplineCase = step('submitVerificationReport', 'caseOfficer', () => aPayload('submitVerificationReport'));
const evidence = step('addEvidence', 'caseOfficer', () => aPayload('addEvidence'));
const showFacts = step('presentFactMaterials', 'caseOfficer', (_c, at) => aPayload('presentFactMaterials', { presentedAt: at.toISOString() }));
const statement = step('recordStatement', 'caseOfficer', (_c, at) => aPayload('recordStatement', { receivedAt: at.toISOString() }));
const investigationReport = step('submitInvestigationReport', 'caseOfficer', () => aPayload('submitInvestigationReport'));
const sanctionReport = step('submitInvestigationReport', 'caseOfficer', () =>
  aPayload('submitInvestigationReport', { forms: [{ form: 'DISCIPLINARY_SANCTION', subtype: 'WARNING' }] }),
);
const acceptTrial = step('acceptForTrial', 'trialReviewer', () => aPayload('acceptForTrial'));
const meeting = step('recordCollectiveDecision', 'supervisor', (_c, at) => aPayload('recordCollectiveDecision', { meetingAt: at.toISOString() }));
const serve = step('serveDecision', 'caseOfficer', (_c, at) => aPayload('serveDecision', { servedAt: at.toISOString() }));

const TO_VERIFICATION = [accept, proposeDisposition('PRELIMINARY_VERIFICATION'), approve];
const TO_INVESTIGATION = [...TO_VERIFICATION, verificationReport, approveFiling];
const TO_REPORT = [...TO_INVESTIGATION, evidence, showFacts, statement];
const TO_DELIBERATION = [...TO_REPORT, investigationReport, approve];
const TO_DECIDED = [...TO_DELIBERATION, meeting];
const TO_TRIAL = [...TO_VERIFICATION, fileDisciplineCase, approveFiling, evidence, showFacts, statement, sanctionReport, approve];

/** The happy path to each stage. */
const ROUTES: Record<Stage, Step[]> = {
  INTAKE: [],
  DISPOSITION: [accept],
  INQUIRY: [accept, proposeDisposition('TALK_OR_LETTER_INQUIRY'), approve],
  VERIFICATION: TO_VERIFICATION,
  INVESTIGATION: TO_INVESTIGATION,
  // A discipline case (a 警告 proposed) whose trial reviewer accepted it.
  TRIAL: [...TO_TRIAL, acceptTrial],
  DELIBERATION: TO_DELIBERATION,
  DECIDED: TO_DECIDED,
  SERVED: [...TO_DECIDED, serve],
  SHELVED: [accept, proposeDisposition('SHELVE_PENDING'), approve],
  CLOSED: [accept, proposeDisposition('CLOSE'), approve],
};

/**
 * The policy of cases filed before the two procedures (and before the exemption's notice and care visits): the approved
 * report is the decision. Its cases are driven the way they were then (case filing, evidence, report, approval).
 */
export const SINGLE_PATH_POLICY: PinnedPolicy = (() => {
  const policy = structuredClone(DEFAULT_POLICY);
  delete policy.decisionPolicy;
  delete policy.effectsPolicy;
  delete policy.careVisitMonths;
  delete policy.stepLimits!.EXEMPTION_NOTICE;
  delete policy.stepLimits!.FOLLOW_UP_VISIT;
  return { ...policy, version: '2026.1' };
})();
const LEGACY_TO_INVESTIGATION = [...TO_VERIFICATION, fileDisciplineCase, approve];
const LEGACY_TO_DECIDED = [...LEGACY_TO_INVESTIGATION, evidence, investigationReport, approve];
const LEGACY_ROUTES: Partial<Record<Stage, Step[]>> = {
  INVESTIGATION: LEGACY_TO_INVESTIGATION,
  DECIDED: LEGACY_TO_DECIDED,
  SERVED: [...LEGACY_TO_DECIDED, serve],
};
const LEGACY_PENDING_ROUTES: Partial<Record<Stage, Step[]>> = {
  INVESTIGATION: [...LEGACY_TO_INVESTIGATION, evidence, investigationReport],
};

/** Routes that stop with the stage's proposal pending. */
const PENDING_ROUTES: Partial<Record<Stage, Step[]>> = {
  DISPOSITION: [accept, proposeDisposition('PRELIMINARY_VERIFICATION')],
  VERIFICATION: [...TO_VERIFICATION, verificationReport],
  INVESTIGATION: [...TO_REPORT, investigationReport],
};

/**
 * Registers a case and drives it with `applyAction` along the happy path until it reaches `stage`.
 * The case officer is the assignee from DISPOSITION on; the supervisor approves every proposal.
 */
export function aCaseAt(stage: Stage, options: DriveOptions = {}): DrivenCase {
  const cast = aCast(options.cast);
  const singlePath = options.initial?.policy !== undefined && !options.initial.policy.decisionPolicy;
  const steps = options.pendingProposal
    ? ((singlePath && LEGACY_PENDING_ROUTES[stage]) || PENDING_ROUTES[stage])
    : (singlePath && LEGACY_ROUTES[stage]) || ROUTES[stage];
  if (!steps) throw new Error(`no proposal can be pending in ${stage}`);
  let at = options.startAt ?? CASE_REGISTERED_AT;
  let state = aCaseState({ registeredAt: at.toISOString(), stageEnteredAt: at.toISOString(), ...options.initial });
  const events: CaseEvent[] = [];
  for (const s of steps) {
    at = minutesAfter(at, 60);
    const result = applyAction(state, s.action, aRequest(cast[s.by], s.payload(cast, at)), at);
    state = result.state;
    events.push(result.event);
  }
  return { state, cast, events, at };
}

/** Takes one more action on a driven case, an hour after the last one. */
export function andThen<A extends ActionName>(
  c: DrivenCase,
  action: A,
  actor: Actor,
  payload: ActionPayloads[A] = aPayload(action),
): DrivenCase {
  const at = minutesAfter(c.at, 60);
  const { state, event } = applyAction(c.state, action, aRequest(actor, payload), at);
  return { ...c, state, events: [...c.events, event], at };
}

/**
 * One more action an hour later, as the case workflow takes a new request: checked first (its validator, with the
 * rules for new requests), then applied on the case's calendar (`clock`), which starts its clocks.
 */
export function andThenAdmitted<A extends ActionName>(c: DrivenCase, action: A, actor: Actor, payload: ActionPayloads[A], clock: ClockContext): DrivenCase {
  const at = minutesAfter(c.at, 60);
  checkAction(c.state, action, aRequest(actor, payload), at);
  const { state, event } = applyAction(c.state, action, aRequest(actor, payload), at, clock);
  return { ...c, state, events: [...c.events, event], at };
}

/** The facts shown to every person concerned of a case under investigation, and each one's statement recorded. */
export function withStatementsHeard(c: DrivenCase, by: Actor = c.cast.caseOfficer): DrivenCase {
  let driven = c;
  for (const person of c.state.persons ?? []) {
    driven = andThen(driven, 'presentFactMaterials', by, { personId: person.personId, presentedAt: minutesAfter(driven.at, 60).toISOString() });
    driven = andThen(driven, 'recordStatement', by, aPayload('recordStatement', { personId: person.personId, receivedAt: minutesAfter(driven.at, 60).toISOString() }));
  }
  return driven;
}

/** The DomainError that `attempt` throws; fails the test when it returns or throws something else. */
export function refusalOf(attempt: () => unknown): DomainError {
  try {
    attempt();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError, but the attempt succeeded');
}
