import type { ActionName, Role, Stage } from '@dandang/contracts';
import { STAFF_ROLES } from '../access/case-sight';

/** Who may take an action, in which stages, and how it relates to a pending proposal. */
export interface ActionRule {
  stages: readonly Stage[];
  roles: readonly Role[];
  /** A case officer must be the case's assignee; supervisors act on any case they can see. */
  assigneeOnly: boolean;
  pendingApproval: 'forbidden' | 'required' | 'any';
  /** The official concerned may take it on their own case, despite their recusal (their own application or appeal). */
  subjectMay?: boolean;
  /** Every person concerned with an account may take it too, as the registered subject may (their own appeal). */
  personsMay?: boolean;
}

const OPEN_STAGES: readonly Stage[] = ['INTAKE', 'DISPOSITION', 'INQUIRY', 'VERIFICATION', 'INVESTIGATION', 'TRIAL', 'DELIBERATION', 'DECIDED', 'SERVED', 'SHELVED'];
/** Stages whose clock officers work against (a suspension or extension applies to it). */
const CLOCKED_STAGES: readonly Stage[] = ['INTAKE', 'DISPOSITION', 'INQUIRY', 'VERIFICATION', 'INVESTIGATION', 'TRIAL', 'DECIDED'];
/** After the decision: its announcement and the measures it orders are carried out whatever became of the case. */
const EXECUTION_STAGES: readonly Stage[] = ['DECIDED', 'SERVED', 'CLOSED'];
/** 审理 belongs to the case review department (案件审理室): its officers, none of whom investigated the case. */
const TRIAL_ROLES: readonly Role[] = ['TRIAL_OFFICER'];
const ALL_STAGES: readonly Stage[] = [...OPEN_STAGES, 'CLOSED'];
/** Stages in which a proposal may wait for a supervisor. */
const PROPOSAL_STAGES: readonly Stage[] = [...CLOCKED_STAGES, 'SHELVED'];
/** Correction follows a determination, whatever became of the case (an exempted case is already closed). */
const CORRECTION_STAGES: readonly Stage[] = ['INVESTIGATION', 'DECIDED', 'SERVED', 'CLOSED'];
/** Roles a custodian of reporter identities may hold: never an auditor, administrator or the official concerned. */
const REVEAL_DECIDER_ROLES: readonly Role[] = ['SUPERVISOR', 'INTAKE_OFFICER', 'CASE_OFFICER'];
const aftercare = (stages: readonly Stage[], roles: readonly Role[], more: Partial<ActionRule> = {}): ActionRule => ({
  stages,
  roles,
  assigneeOnly: false,
  pendingApproval: 'any',
  ...more,
});

export const ACTION_RULES: Readonly<Record<ActionName, ActionRule>> = {
  acceptClue: { stages: ['INTAKE'], roles: ['INTAKE_OFFICER', 'CASE_OFFICER'], assigneeOnly: false, pendingApproval: 'forbidden' },
  transferClue: { stages: ['INTAKE', 'DISPOSITION'], roles: ['INTAKE_OFFICER', 'CASE_OFFICER'], assigneeOnly: false, pendingApproval: 'forbidden' },
  declareConflict: { stages: OPEN_STAGES, roles: STAFF_ROLES, assigneeOnly: false, pendingApproval: 'any' },
  proposeDisposition: { stages: ['DISPOSITION'], roles: ['CASE_OFFICER'], assigneeOnly: true, pendingApproval: 'forbidden' },
  recordInquiryOutcome: { stages: ['INQUIRY'], roles: ['CASE_OFFICER'], assigneeOnly: true, pendingApproval: 'forbidden' },
  recordInquiryTalk: { stages: ['INQUIRY'], roles: ['CASE_OFFICER'], assigneeOnly: true, pendingApproval: 'forbidden' },
  sendInquiryLetter: { stages: ['INQUIRY'], roles: ['CASE_OFFICER'], assigneeOnly: true, pendingApproval: 'forbidden' },
  recordInquiryLetterReceipt: { stages: ['INQUIRY'], roles: ['CASE_OFFICER'], assigneeOnly: true, pendingApproval: 'forbidden' },
  recordInquiryReply: { stages: ['INQUIRY'], roles: ['CASE_OFFICER'], assigneeOnly: true, pendingApproval: 'forbidden' },
  proposeInquiryConclusion: { stages: ['INQUIRY'], roles: ['CASE_OFFICER'], assigneeOnly: true, pendingApproval: 'forbidden' },
  submitVerificationReport: { stages: ['VERIFICATION'], roles: ['CASE_OFFICER'], assigneeOnly: true, pendingApproval: 'forbidden' },
  addEvidence: { stages: ['INVESTIGATION'], roles: ['CASE_OFFICER'], assigneeOnly: true, pendingApproval: 'forbidden' },
  attachEvidence: { stages: ['INVESTIGATION'], roles: ['CASE_OFFICER'], assigneeOnly: true, pendingApproval: 'forbidden' },
  submitInvestigationReport: { stages: ['INVESTIGATION'], roles: ['CASE_OFFICER'], assigneeOnly: true, pendingApproval: 'forbidden' },
  addPersonConcerned: { stages: ['INVESTIGATION'], roles: ['CASE_OFFICER'], assigneeOnly: true, pendingApproval: 'forbidden' },
  presentFactMaterials: { stages: ['INVESTIGATION'], roles: ['CASE_OFFICER'], assigneeOnly: true, pendingApproval: 'forbidden' },
  recordStatement: { stages: ['INVESTIGATION'], roles: ['CASE_OFFICER'], assigneeOnly: true, pendingApproval: 'forbidden' },
  acceptForTrial: { stages: ['TRIAL'], roles: TRIAL_ROLES, assigneeOnly: false, pendingApproval: 'forbidden' },
  recordTrialOpinion: { stages: ['TRIAL'], roles: TRIAL_ROLES, assigneeOnly: false, pendingApproval: 'forbidden' },
  // Recorded by the body's secretariat; the votes are the members'.
  recordCollectiveDecision: { stages: ['DELIBERATION'], roles: ['SUPERVISOR'], assigneeOnly: false, pendingApproval: 'forbidden' },
  announceDecision: aftercare(EXECUTION_STAGES, ['CASE_OFFICER', 'SUPERVISOR'], { assigneeOnly: true }),
  recordMeasureExecution: aftercare(EXECUTION_STAGES, ['CASE_OFFICER', 'SUPERVISOR'], { assigneeOnly: true }),
  proposeNoAccountability: { stages: ['INVESTIGATION'], roles: ['CASE_OFFICER'], assigneeOnly: true, pendingApproval: 'forbidden' },
  reviewShelvedClue: { stages: ['SHELVED'], roles: ['CASE_OFFICER'], assigneeOnly: true, pendingApproval: 'forbidden' },
  approve: { stages: PROPOSAL_STAGES, roles: ['SUPERVISOR'], assigneeOnly: false, pendingApproval: 'required' },
  return: { stages: PROPOSAL_STAGES, roles: ['SUPERVISOR'], assigneeOnly: false, pendingApproval: 'required' },
  serveDecision: { stages: ['DECIDED'], roles: ['CASE_OFFICER', 'SUPERVISOR'], assigneeOnly: true, pendingApproval: 'forbidden' },
  reassign: {
    stages: ['DISPOSITION', 'INQUIRY', 'VERIFICATION', 'INVESTIGATION', 'TRIAL', 'DELIBERATION', 'DECIDED', 'SHELVED'],
    roles: ['SUPERVISOR'],
    assigneeOnly: false,
    pendingApproval: 'any',
  },
  // The official's own account, when it was not known at registration: they see their case and are recused.
  linkSubjectAccount: { stages: ALL_STAGES, roles: ['CASE_OFFICER', 'SUPERVISOR'], assigneeOnly: true, pendingApproval: 'any' },
  requestExtension: { stages: CLOCKED_STAGES, roles: ['CASE_OFFICER'], assigneeOnly: true, pendingApproval: 'forbidden' },
  requestSuspension: { stages: CLOCKED_STAGES, roles: ['CASE_OFFICER'], assigneeOnly: true, pendingApproval: 'forbidden' },
  resumeClock: { stages: CLOCKED_STAGES, roles: ['CASE_OFFICER', 'SUPERVISOR'], assigneeOnly: true, pendingApproval: 'any' },
  // The application window is policy data (checked against the case's policy), so every stage is listed here.
  applyFaultTolerance: aftercare(ALL_STAGES, ['SUBJECT', 'CASE_OFFICER', 'SUPERVISOR'], { subjectMay: true }),
  openCorrectionPlan: aftercare(CORRECTION_STAGES, ['SUPERVISOR']),
  recordCorrectionProgress: aftercare(CORRECTION_STAGES, ['CASE_OFFICER', 'INTAKE_OFFICER', 'SUPERVISOR']),
  completeCorrectionItem: aftercare(CORRECTION_STAGES, ['CASE_OFFICER', 'INTAKE_OFFICER', 'SUPERVISOR']),
  verifyCorrectionItem: aftercare(CORRECTION_STAGES, ['SUPERVISOR']),
  fileAppeal: aftercare(['SERVED'], ['SUBJECT'], { subjectMay: true, personsMay: true }),
  // Staff who receive a written appeal record it: the official may have no account.
  recordPaperAppeal: aftercare(['SERVED'], ['INTAKE_OFFICER', 'CASE_OFFICER', 'SUPERVISOR']),
  decideAppeal: aftercare(['SERVED'], ['SUPERVISOR']),
  // 问责条例 art. 9: the upper level orders a clue its body has not taken up to be filed as an accountability inquiry.
  orderAccountabilityStart: aftercare(['DISPOSITION', 'INQUIRY', 'VERIFICATION', 'SHELVED'], ['SUPERVISOR']),
  designateAccountabilityBody: aftercare(['DISPOSITION', 'INQUIRY', 'VERIFICATION', 'SHELVED'], ['SUPERVISOR']),
  // 问责条例 art. 21: ordered by the upper level, made by the deciding body (or the upper level directly), whether
  // the decision is still open to appeal or final.
  orderDecisionCorrection: aftercare(['SERVED', 'CLOSED'], ['SUPERVISOR']),
  correctDecision: aftercare(['SERVED', 'CLOSED'], ['SUPERVISOR']),
  recordNameClearing: aftercare(['CLOSED'], ['CASE_OFFICER', 'SUPERVISOR']),
  recordFollowUpVisit: aftercare(['SERVED', 'CLOSED'], ['CASE_OFFICER', 'SUPERVISOR']),
  // An exemption closes the case: its notice is made known after.
  recordExemptionNotice: aftercare(['CLOSED'], ['CASE_OFFICER', 'SUPERVISOR']),
  // Reporter identity: asked by intake officers (who answer the reporter, even after the end); the policy names the
  // custodians who decide, whatever their role among these (reporter-identity/reveal-actions).
  // Intake officers answer the real-name reporter, from the receipt to well after the conclusion.
  recordReporterNotice: { stages: ALL_STAGES, roles: ['INTAKE_OFFICER'], assigneeOnly: false, pendingApproval: 'any' },
  requestReporterIdentity: { stages: ALL_STAGES, roles: ['INTAKE_OFFICER'], assigneeOnly: false, pendingApproval: 'any' },
  approveReporterIdentity: { stages: ALL_STAGES, roles: REVEAL_DECIDER_ROLES, assigneeOnly: false, pendingApproval: 'any' },
  refuseReporterIdentity: { stages: ALL_STAGES, roles: REVEAL_DECIDER_ROLES, assigneeOnly: false, pendingApproval: 'any' },
  // 文书: generated and served by those who handle the case (its officer, or a supervisor), at any step.
  recordDocument: { stages: ALL_STAGES, roles: ['CASE_OFFICER', 'SUPERVISOR'], assigneeOnly: true, pendingApproval: 'any' },
  recordDocumentService: { stages: ALL_STAGES, roles: ['CASE_OFFICER', 'SUPERVISOR'], assigneeOnly: true, pendingApproval: 'any' },
};

/** Actions that handle the case's substance: whoever takes one may never approve on the case (four eyes). */
export const HANDLING_ACTIONS: readonly ActionName[] = [
  'proposeDisposition',
  'recordInquiryOutcome',
  'recordInquiryTalk',
  'sendInquiryLetter',
  'recordInquiryLetterReceipt',
  'recordInquiryReply',
  'proposeInquiryConclusion',
  'submitVerificationReport',
  'addEvidence',
  'attachEvidence',
  'submitInvestigationReport',
  'addPersonConcerned',
  'presentFactMaterials',
  'recordStatement',
  'proposeNoAccountability',
  'reviewShelvedClue',
];

/** Whether the rule admits the action in the case's stage. */
export const stageAdmits = (rule: ActionRule, stage: Stage): boolean => rule.stages.includes(stage);

/** Whether the rule admits the action while a proposal waits (or while none does), as its pendingApproval says. */
export function pendingApprovalAdmits(rule: ActionRule, hasPendingApproval: boolean): boolean {
  if (rule.pendingApproval === 'forbidden') return !hasPendingApproval;
  if (rule.pendingApproval === 'required') return hasPendingApproval;
  return true;
}

/** Whether one of the actor's roles may take the action at all; approve and return are the four-eyes check's to decide. */
export const roleAdmits = (action: ActionName, rule: ActionRule, actorRoles: readonly Role[]): boolean =>
  action === 'approve' || action === 'return' || actingRole(actorRoles, rule) !== undefined;

/**
 * The role under which the actor takes the action (recorded in the audit trail): a user with several roles who
 * acts on a case assigned to someone else does so by their supervisor's right.
 */
export function actingRole(actorRoles: readonly Role[], rule: ActionRule, isAssignee = true): Role | undefined {
  if (rule.assigneeOnly && !isAssignee && actorRoles.includes('SUPERVISOR')) return 'SUPERVISOR';
  return rule.roles.find((r) => actorRoles.includes(r));
}
