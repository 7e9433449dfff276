import type { ActionName, Role, Stage } from '@dandang/contracts';

/** Who may take an action, in which stages, and how it relates to a pending proposal. */
export interface ActionRule {
  stages: readonly Stage[];
  roles: readonly Role[];
  /** A case officer must be the case's assignee; supervisors act on any case they can see. */
  assigneeOnly: boolean;
  pendingApproval: 'forbidden' | 'required' | 'any';
}

const OPEN_STAGES: readonly Stage[] = ['INTAKE', 'DISPOSITION', 'INQUIRY', 'VERIFICATION', 'INVESTIGATION', 'DECIDED', 'SERVED', 'SHELVED'];
/** Stages whose clock officers work against (a suspension or extension applies to it). */
const CLOCKED_STAGES: readonly Stage[] = ['INTAKE', 'DISPOSITION', 'INQUIRY', 'VERIFICATION', 'INVESTIGATION', 'DECIDED'];
const STAFF: readonly Role[] = ['INTAKE_OFFICER', 'CASE_OFFICER', 'SUPERVISOR', 'AUDITOR', 'ADMIN'];

export const ACTION_RULES: Readonly<Record<ActionName, ActionRule>> = {
  acceptClue: { stages: ['INTAKE'], roles: ['INTAKE_OFFICER', 'CASE_OFFICER'], assigneeOnly: false, pendingApproval: 'forbidden' },
  transferClue: { stages: ['INTAKE', 'DISPOSITION'], roles: ['INTAKE_OFFICER', 'CASE_OFFICER'], assigneeOnly: false, pendingApproval: 'forbidden' },
  declareConflict: { stages: OPEN_STAGES, roles: STAFF, assigneeOnly: false, pendingApproval: 'any' },
  proposeDisposition: { stages: ['DISPOSITION'], roles: ['CASE_OFFICER'], assigneeOnly: true, pendingApproval: 'forbidden' },
  recordInquiryOutcome: { stages: ['INQUIRY'], roles: ['CASE_OFFICER'], assigneeOnly: true, pendingApproval: 'forbidden' },
  submitVerificationReport: { stages: ['VERIFICATION'], roles: ['CASE_OFFICER'], assigneeOnly: true, pendingApproval: 'forbidden' },
  addEvidence: { stages: ['INVESTIGATION'], roles: ['CASE_OFFICER'], assigneeOnly: true, pendingApproval: 'forbidden' },
  submitInvestigationReport: { stages: ['INVESTIGATION'], roles: ['CASE_OFFICER'], assigneeOnly: true, pendingApproval: 'forbidden' },
  approve: { stages: ['INTAKE', 'DISPOSITION', 'INQUIRY', 'VERIFICATION', 'INVESTIGATION', 'DECIDED'], roles: ['SUPERVISOR'], assigneeOnly: false, pendingApproval: 'required' },
  return: { stages: ['INTAKE', 'DISPOSITION', 'INQUIRY', 'VERIFICATION', 'INVESTIGATION', 'DECIDED'], roles: ['SUPERVISOR'], assigneeOnly: false, pendingApproval: 'required' },
  serveDecision: { stages: ['DECIDED'], roles: ['CASE_OFFICER', 'SUPERVISOR'], assigneeOnly: true, pendingApproval: 'forbidden' },
  reassign: {
    stages: ['DISPOSITION', 'INQUIRY', 'VERIFICATION', 'INVESTIGATION', 'DECIDED', 'SHELVED'],
    roles: ['SUPERVISOR'],
    assigneeOnly: false,
    pendingApproval: 'any',
  },
  requestExtension: { stages: CLOCKED_STAGES, roles: ['CASE_OFFICER'], assigneeOnly: true, pendingApproval: 'forbidden' },
  requestSuspension: { stages: CLOCKED_STAGES, roles: ['CASE_OFFICER'], assigneeOnly: true, pendingApproval: 'forbidden' },
  resumeClock: { stages: CLOCKED_STAGES, roles: ['CASE_OFFICER', 'SUPERVISOR'], assigneeOnly: true, pendingApproval: 'any' },
};

/** Actions that handle the case's substance: whoever takes one may never approve on the case (four eyes). */
export const HANDLING_ACTIONS: readonly ActionName[] = [
  'proposeDisposition',
  'recordInquiryOutcome',
  'submitVerificationReport',
  'addEvidence',
  'submitInvestigationReport',
];

/**
 * The role under which the actor takes the action (recorded in the audit trail): a user with several roles who
 * acts on a case assigned to someone else does so by their supervisor's right.
 */
export function actingRole(actorRoles: readonly Role[], rule: ActionRule, isAssignee = true): Role | undefined {
  if (rule.assigneeOnly && !isAssignee && actorRoles.includes('SUPERVISOR')) return 'SUPERVISOR';
  return rule.roles.find((r) => actorRoles.includes(r));
}
