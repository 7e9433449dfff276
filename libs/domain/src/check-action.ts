import { STAGE_LABELS, bilingual, type ActionName, type ActionPayloads, type ActionRequest, type CaseState } from '@dandang/contracts';
import { ACTION_RULES, actingRole, pendingApprovalAdmits, roleAdmits, stageAdmits } from './action-rules';
import { conflict, forbidden, invalidInput, type DomainError } from './errors';
import { assertFourEyes, assertNotRecused, hasRole, isCaseSubject } from './participants';
import { aftercarePreconditionRefusal, checkAftercarePayload } from './aftercare/check-aftercare';
import { validateActionPayload } from './payload-validation';
import { extendedSoFar } from './deadlines/stage-clock';

/** Served-at times may run this far ahead of the server clock (clock skew between offices). */
const SERVED_AT_SKEW_MS = 5 * 60_000;

export interface CheckOptions {
  /** Skip payload checks: used to list the actions a user could take before they fill in a form. */
  ignorePayload?: boolean;
}

/**
 * Throws the DomainError that refuses `request` on `state`, or returns when the action may proceed.
 * Pure and synchronous: the workflow's Update validators call it, and the API uses it to list actions.
 */
export function checkAction(
  state: CaseState,
  action: ActionName,
  request: ActionRequest,
  now: Date,
  options: CheckOptions = {},
): void {
  const rule = ACTION_RULES[action];
  const { actor } = request;
  if (request.expectedVersion !== undefined && request.expectedVersion !== state.version) {
    throw conflict(
      'STALE_VERSION',
      `案件已更新到版本 ${state.version} (the case is at version ${state.version}, not ${request.expectedVersion}); reload and retry`,
    );
  }
  // Recusal is absolute for staff actions; the official's own application or appeal is the one exception.
  const asSubject = rule.subjectMay === true && isCaseSubject(state, actor);
  if (!asSubject) assertNotRecused(state, actor);
  if (!stageAdmits(rule, state.stage)) {
    throw conflict('WRONG_STAGE', `${action} is not possible while the case is in ${bilingual(STAGE_LABELS[state.stage])}`);
  }
  if (action === 'approve' || action === 'return') {
    assertFourEyes(state, actor);
  } else if (!roleAdmits(action, rule, actor.roles)) {
    throw forbidden('ROLE', `${action} needs one of the roles ${rule.roles.join(', ')}`);
  } else if (actingRole(actor.roles, rule) === 'SUBJECT' && !asSubject) {
    throw forbidden('NOT_SUBJECT', `${action} is for the official concerned by the case (被问责干部本人)`);
  }
  // Once a clue is assigned, only its officer (or a supervisor) may still transfer it.
  const assigneeOnly = rule.assigneeOnly || (action === 'transferClue' && state.assigneeId !== undefined);
  if (assigneeOnly && !hasRole(actor, 'SUPERVISOR') && state.assigneeId !== actor.userId) {
    throw forbidden('NOT_ASSIGNEE', `${action} is for the case's assigned officer (承办人)`);
  }
  if (!pendingApprovalAdmits(rule, Boolean(state.pendingApproval))) {
    throw state.pendingApproval
      ? conflict('PENDING_APPROVAL', '有待审批的意见，须先审批 (a proposal is waiting for a supervisor)')
      : conflict('NO_PENDING_APPROVAL', '没有待审批的意见 (there is no proposal to decide on)');
  }
  if (options.ignorePayload) {
    checkStatePreconditions(state, action);
    return;
  }
  const problems = validateActionPayload(action, request.payload);
  if (problems.length) throw invalidInput(problems);
  checkStatePreconditions(state, action);
  checkPayloadAgainstState(state, action, request, now);
}

function checkStatePreconditions(state: CaseState, action: ActionName): void {
  const refusal = statePreconditionRefusal(state, action);
  if (refusal) throw refusal();
}

/**
 * The refusal that the case alone makes of the action (evidence, clock, aftercare), returned rather than thrown: the
 * inbox asks this of hundreds of cases, and building a thrown error was most of its cost. Undefined when it allows it.
 */
export function statePreconditionRefusal(state: CaseState, action: ActionName): (() => DomainError) | undefined {
  if (action === 'submitInvestigationReport' && state.evidence.length === 0) {
    return () => conflict('NO_EVIDENCE', '审查调查报告须有证据支持 (add evidence before submitting the report)');
  }
  if (action === 'requestExtension' || action === 'requestSuspension') {
    if (!state.deadline) return () => conflict('NO_CLOCK', '本阶段不计时 (this stage has no time limit)');
    if (state.deadline.suspension) return () => conflict('CLOCK_SUSPENDED', '计时已中止 (the clock is suspended)');
  }
  if (action === 'resumeClock' && !state.deadline?.suspension) {
    return () => conflict('CLOCK_RUNNING', '计时未中止 (the clock is not suspended)');
  }
  return aftercarePreconditionRefusal(state, action);
}

function checkPayloadAgainstState(state: CaseState, action: ActionName, request: ActionRequest, now: Date): void {
  const { actor } = request;
  switch (action) {
    case 'acceptClue': {
      const p = request.payload as ActionPayloads['acceptClue'];
      if (!p.assigneeId && !hasRole(actor, 'CASE_OFFICER')) {
        throw invalidInput([{ field: 'assigneeId', message: 'is required when an intake officer accepts a clue' }]);
      }
      assertAssignable(state, p.assigneeId ?? actor.userId, 'assigneeId');
      return;
    }
    case 'linkSubjectAccount': {
      const p = request.payload as ActionPayloads['linkSubjectAccount'];
      if (state.registration.subject.userId) throw conflict('SUBJECT_LINKED', "the official's account is already linked to this case");
      if (p.userId === actor.userId) throw forbidden('RECUSAL', 'userId: you cannot link yourself as the official concerned');
      return;
    }
    case 'reassign': {
      const p = request.payload as ActionPayloads['reassign'];
      if (p.toUserId === state.assigneeId) throw conflict('SAME_ASSIGNEE', 'the case is already assigned to that user');
      assertAssignable(state, p.toUserId, 'toUserId');
      return;
    }
    case 'recordInquiryOutcome': {
      const p = request.payload as ActionPayloads['recordInquiryOutcome'];
      if (p.outcome === 'LIGHT_HANDLING' && !p.measure) {
        throw invalidInput([{ field: 'measure', message: 'is required for LIGHT_HANDLING' }]);
      }
      if (p.outcome !== 'LIGHT_HANDLING' && p.measure) {
        throw invalidInput([{ field: 'measure', message: 'is only used with LIGHT_HANDLING' }]);
      }
      return;
    }
    case 'submitInvestigationReport': {
      const p = request.payload as ActionPayloads['submitInvestigationReport'];
      if (p.leniency === 'EXEMPTED' && p.forms.length > 0) {
        throw invalidInput([{ field: 'forms', message: 'must be empty when the leniency is EXEMPTED' }]);
      }
      if (p.leniency !== 'EXEMPTED' && p.forms.length === 0) {
        throw invalidInput([{ field: 'forms', message: 'must name at least one accountability form' }]);
      }
      return;
    }
    case 'requestExtension': {
      const { amount } = request.payload as ActionPayloads['requestExtension'];
      const max = state.policy.maxExtensions?.[state.stage] ?? 0;
      const used = extendedSoFar(state.deadline!);
      if (used + amount > max) {
        throw invalidInput([{ field: 'amount', message: `at most ${max - used} more (policy maximum ${max} for this stage)` }]);
      }
      return;
    }
    case 'serveDecision': {
      const servedAt = Date.parse((request.payload as ActionPayloads['serveDecision']).servedAt);
      if (servedAt > now.getTime() + SERVED_AT_SKEW_MS) {
        throw invalidInput([{ field: 'servedAt', message: 'must not be in the future' }]);
      }
      if (state.decision && servedAt < Date.parse(state.decision.approvedAt)) {
        throw invalidInput([{ field: 'servedAt', message: 'must not be before the decision was approved' }]);
      }
      return;
    }
    default:
      checkAftercarePayload(state, action, request, now);
      return;
  }
}

function assertAssignable(state: CaseState, userId: string, field: string): void {
  if (state.recusedUserIds.includes(userId) || state.registration.subject.userId === userId) {
    throw forbidden('RECUSAL', `${field}: that user is recused from this case`);
  }
}
