import { STAGE_LABELS, bilingual, type ActionName, type ActionRequest, type CaseState } from '@dandang/contracts';
import { ACTION_RULES, actingRole, pendingApprovalAdmits, roleAdmits, stageAdmits } from './action-rules';
import type { PayloadChecks, Preconditions, Refusal } from './action-handlers';
import { conflict, forbidden, invalidInput } from '../errors';
import { assertAssignable, assertFourEyes, assertNotRecused, hasRole, isCaseSubject, isPersonConcerned } from '../access/participants';
import { AFTERCARE_ACTOR_CHECKS, AFTERCARE_PAYLOAD_CHECKS, AFTERCARE_PRECONDITIONS } from '../aftercare/check-aftercare';
import { validateActionPayload } from './payload-validation';
import { extendedSoFar } from '../deadlines/stage-clock';
import { EVIDENCE_PAYLOAD_CHECKS } from '../evidence/evidence-actions';
import { DOCUMENT_PAYLOAD_CHECKS } from '../documents/document-actions';
import { ADMISSION_CHECKS, RETIRED_ACTIONS } from './admission-checks';
import { groundsProblem } from './leniency-grounds';
import { REPORTER_NOTICE_PAYLOAD_CHECKS, REPORTER_NOTICE_PRECONDITIONS } from '../reporter-identity/reporter-notices';
import { INQUIRY_PAYLOAD_CHECKS, INQUIRY_PRECONDITIONS } from './inquiry-actions';
import { REPORTER_IDENTITY_ACTOR_CHECKS, REPORTER_IDENTITY_PAYLOAD_CHECKS, REPORTER_IDENTITY_PRECONDITIONS } from '../reporter-identity/reveal-actions';
import { PROCEDURE_ACTOR_CHECKS, PROCEDURE_PAYLOAD_CHECKS, PROCEDURE_PRECONDITIONS } from './procedure-actions';
import { checkFindings, reportFindings } from './findings';
import { checkStatementsHeard, factsShownToAll } from './statements';
import { checkStartOrder } from './start-order';

/** Served-at times may run this far ahead of the server clock (clock skew between offices). */
const SERVED_AT_SKEW_MS = 5 * 60_000;

export interface CheckOptions {
  /** Skip payload checks: used to list the actions a user could take before they fill in a form. */
  ignorePayload?: boolean;
  /**
   * The request was admitted already (the Update's validator checked it) and is being applied, perhaps in a replay:
   * the admission checks, rules added for new requests while cases were running, are not applied again.
   */
  admitted?: boolean;
}

/**
 * Throws the DomainError that refuses `request` on `state`, or returns when the action may proceed.
 * Pure and synchronous: the workflow's Update validators call it, and the API uses it to list actions.
 */
export function checkAction<A extends ActionName>(
  state: CaseState,
  action: A,
  request: ActionRequest<A>,
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
  const asSubject = rule.subjectMay === true && (isCaseSubject(state, actor) || (rule.personsMay === true && isPersonConcerned(state, actor)));
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
  const replacement = RETIRED_ACTIONS[action];
  if (replacement && !options.admitted) throw conflict('RETIRED', `${action} is retired for new requests: use ${replacement}`);
  if (options.ignorePayload) {
    checkStatePreconditions(state, action);
    ACTOR_CHECKS[action]?.(state, actor, now);
    return;
  }
  const problems = validateActionPayload(action, request.payload);
  if (problems.length) throw invalidInput(problems);
  checkStatePreconditions(state, action);
  ACTOR_CHECKS[action]?.(state, actor, now);
  PAYLOAD_CHECKS[action]?.(state, request.payload, { action, actor, now });
  // An order of the upper level to start accountability holds the clue to that way on (问责条例 art. 9).
  checkStartOrder(state, action, request.payload);
  if (!options.admitted) ADMISSION_CHECKS[action]?.(state, request.payload, { action, actor, now });
}

function checkStatePreconditions(state: CaseState, action: ActionName): void {
  const refusal = statePreconditionRefusal(state, action);
  if (refusal) throw refusal();
}

/** What the case alone refuses of each action of the spine (evidence, the clock). */
const SPINE_PRECONDITIONS: Preconditions = {
  submitInvestigationReport: (state) =>
    state.evidence.length === 0 ? () => conflict('NO_EVIDENCE', '调查报告须有证据支持 (add evidence before submitting the report)') : factsShownToAll(state),
  requestExtension: (state) =>
    clockRefusal(state) ??
    ((state.policy.maxExtensions?.[state.stage] ?? 0) === 0
      ? () => conflict('NO_EXTENSION', '本阶段时限不得延长 (no rule allows extending this stage\'s time limit)')
      : undefined),
  requestSuspension: (state) => clockRefusal(state),
  resumeClock: (state) => (state.deadline?.suspension ? undefined : () => conflict('CLOCK_RUNNING', '计时未中止 (the clock is not suspended)')),
};

function clockRefusal(state: CaseState): Refusal | undefined {
  if (!state.deadline) return () => conflict('NO_CLOCK', '本阶段不计时 (this stage has no time limit)');
  if (state.deadline.suspension) return () => conflict('CLOCK_SUSPENDED', '计时已中止 (the clock is suspended)');
  return undefined;
}

const PRECONDITIONS: Preconditions = {
  ...SPINE_PRECONDITIONS,
  ...INQUIRY_PRECONDITIONS,
  ...PROCEDURE_PRECONDITIONS,
  ...REPORTER_NOTICE_PRECONDITIONS,
  ...AFTERCARE_PRECONDITIONS,
  ...REPORTER_IDENTITY_PRECONDITIONS,
};
/**
 * Refusals that depend on who acts, beyond their role (a custodian of reporter identities, a request of their own, a
 * reviewer who took no part in the investigation).
 */
const ACTOR_CHECKS: Partial<Record<ActionName, (state: CaseState, actor: ActionRequest['actor'], now: Date) => void>> = {
  ...REPORTER_IDENTITY_ACTOR_CHECKS,
  ...PROCEDURE_ACTOR_CHECKS,
  ...AFTERCARE_ACTOR_CHECKS,
};

/**
 * The refusal that the case alone makes of the action (evidence, clock, aftercare), returned rather than thrown: the
 * inbox asks this of hundreds of cases, and building a thrown error was most of its cost. Undefined when it allows it.
 */
export function statePreconditionRefusal(state: CaseState, action: ActionName): Refusal | undefined {
  return PRECONDITIONS[action]?.(state);
}

/** Refusals of the spine's payloads that depend on the case, the actor and the time. */
const SPINE_PAYLOAD_CHECKS: PayloadChecks = {
  acceptClue: (state, p, { actor }) => {
    if (!p.assigneeId && !hasRole(actor, 'CASE_OFFICER')) {
      throw invalidInput([{ field: 'assigneeId', message: 'is required when an intake officer accepts a clue' }]);
    }
    assertAssignable(state, p.assigneeId ?? actor.userId, 'assigneeId');
  },
  linkSubjectAccount: (state, p, { actor }) => {
    if (state.registration.subject.userId) throw conflict('SUBJECT_LINKED', "the official's account is already linked to this case");
    if (p.userId === actor.userId) throw forbidden('RECUSAL', 'userId: you cannot link yourself as the official concerned');
  },
  reassign: (state, p) => {
    if (p.toUserId === state.assigneeId) throw conflict('SAME_ASSIGNEE', 'the case is already assigned to that user');
    assertAssignable(state, p.toUserId, 'toUserId');
  },
  recordInquiryOutcome: (_state, p) => {
    if (p.outcome === 'LIGHT_HANDLING' && !p.measure) {
      throw invalidInput([{ field: 'measure', message: 'is required for LIGHT_HANDLING' }]);
    }
    if (p.outcome !== 'LIGHT_HANDLING' && p.measure) {
      throw invalidInput([{ field: 'measure', message: 'is only used with LIGHT_HANDLING' }]);
    }
  },
  proposeNoAccountability: (_state, p) => {
    if (p.outcome === 'NOT_HELD_ACCOUNTABLE') groundsProblem(p.grounds, [17], '不予问责');
    else if (p.grounds?.length) throw invalidInput([{ field: 'grounds', message: 'are given only with NOT_HELD_ACCOUNTABLE (撤销案件 needs none)' }]);
  },
  submitInvestigationReport: (state, p, { now }) => {
    const { findings, field } = reportFindings(state, p);
    checkFindings(state, findings, field);
    // The report waits until every person concerned has had the chance to answer the facts (陈述申辩).
    checkStatementsHeard(state, now);
  },
  submitVerificationReport: (state, p) => {
    if (p.finding === 'PROPOSE_ACCOUNTABILITY' && !state.policy.decisionPolicy) {
      throw invalidInput([{ field: 'finding', message: "PROPOSE_ACCOUNTABILITY needs a policy with decision rules; this case's pinned policy predates them (use PROPOSE_CASE_FILING)" }]);
    }
  },
  requestExtension: (state, { amount }) => {
    const max = state.policy.maxExtensions?.[state.stage] ?? 0;
    const used = extendedSoFar(state.deadline!);
    if (used + amount > max) {
      throw invalidInput([{ field: 'amount', message: `at most ${max - used} more (policy maximum ${max} for this stage)` }]);
    }
  },
  serveDecision: (state, p, { now }) => {
    const servedAt = Date.parse(p.servedAt);
    if (servedAt > now.getTime() + SERVED_AT_SKEW_MS) {
      throw invalidInput([{ field: 'servedAt', message: 'must not be in the future' }]);
    }
    if (state.decision && servedAt < Date.parse(state.decision.approvedAt)) {
      throw invalidInput([{ field: 'servedAt', message: 'must not be before the decision was approved' }]);
    }
  },
};

const PAYLOAD_CHECKS: PayloadChecks = {
  ...SPINE_PAYLOAD_CHECKS,
  ...INQUIRY_PAYLOAD_CHECKS,
  ...PROCEDURE_PAYLOAD_CHECKS,
  ...REPORTER_NOTICE_PAYLOAD_CHECKS,
  ...AFTERCARE_PAYLOAD_CHECKS,
  ...REPORTER_IDENTITY_PAYLOAD_CHECKS,
  ...EVIDENCE_PAYLOAD_CHECKS,
  ...DOCUMENT_PAYLOAD_CHECKS,
  approve: (state, p, ctx) => {
    AFTERCARE_PAYLOAD_CHECKS.approve?.(state, p, ctx);
    // Nor is the report approved before every person concerned has had the chance to answer.
    if (state.pendingApproval?.kind === 'INVESTIGATION_REPORT') checkStatementsHeard(state, ctx.now);
  },
};
