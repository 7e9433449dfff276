import type {
  ActionName,
  ActionRequest,
  ActionResult,
  CaseState,
  ClosureKind,
  DocumentActionName,
  ReporterIdentityActionName,
  Stage,
  VerificationFinding,
} from '@dandang/contracts';
import { ACTION_RULES, HANDLING_ACTIONS, actingRole } from './action-rules';
import type { Evolutions, EvolveContext } from './action-handlers';
import { checkAction } from './check-action';
import { assertTransition } from './stage-transitions';
import type { ClockContext } from '../deadlines/duration';
import { extendClock, resumeClock, startStageClock, suspendClock } from '../deadlines/stage-clock';
import { AFTERCARE_EVOLUTIONS, AFTERCARE_OF_SPINE_ACTIONS, type AftercareActionName } from '../aftercare/apply-aftercare';
import { REPORTER_IDENTITY_EVOLUTIONS } from '../reporter-identity/reveal-actions';
import { DOCUMENT_EVOLUTIONS } from '../documents/document-actions';
import { EVIDENCE_EVOLUTIONS } from '../evidence/evidence-actions';
import { REPORTER_NOTICE_EVOLUTIONS, oweReporterNotice, type ReporterNoticeActionName } from '../reporter-identity/reporter-notices';
import { propose } from './proposal';
import { INQUIRY_EVOLUTIONS, concludeInquiryRound, type InquiryActionName } from './inquiry-actions';
import { PROCEDURE_EVOLUTIONS, type ProcedureActionName } from './procedure-actions';
import { reportFindings } from './findings';
import { timeFollowUps } from '../aftercare/follow-up';
import { personsAtFiling } from './persons';
import { needsTrial } from './trial';
import { approvesFiling, formInquiryTeam } from './inquiry-team';

/**
 * Applies an accepted action: the new state (version + 1) and the event that records it.
 * Checks again first, so a caller can never apply what `checkAction` refuses.
 */
export function applyAction<A extends ActionName>(
  state: CaseState,
  action: A,
  request: ActionRequest<A>,
  now: Date,
  clock?: ClockContext,
): ActionResult {
  // Admitted already (the Update's validator checked it): checks added for new requests only are not applied again,
  // so a history replays as it was accepted.
  checkAction(state, action, request, now, { admitted: true });
  const at = now.toISOString();
  const next = cloneState(state);
  const reason = EVOLUTIONS[action](next, request.payload, { action, actor: request.actor, at, clock });
  // What aftercare makes of the spine's actions: appeal window, follow-up visits, name clearing, mitigated forms.
  AFTERCARE_OF_SPINE_ACTIONS[action]?.(state, next, request.payload, clock);
  // Visits just scheduled (service, a clearing, …) get their clocks when the policy times visits.
  timeFollowUps(next, clock);
  assertTransition(state.stage, next.stage);
  if (next.stage !== state.stage) {
    next.stageEnteredAt = at;
    // Each stage runs its own clock, when the case keeps clocks (a calendar was pinned) and the policy sets a limit.
    next.deadline = clock ? startStageClock(next, next.stage, now, clock) : undefined;
    // The conclusion is owed to a real-name reporter.
    if (next.stage === 'CLOSED') oweReporterNotice(next, 'RESULT', at, clock);
  }
  next.version = state.version + 1;
  if (HANDLING_ACTIONS.includes(action)) addInvestigator(next, request.actor.userId);
  const isAssignee = state.assigneeId === request.actor.userId;
  const role =
    action === 'approve' || action === 'return' ? 'SUPERVISOR' : actingRole(request.actor.roles, ACTION_RULES[action], isAssignee);
  return {
    state: next,
    event: {
      caseId: state.caseId,
      version: next.version,
      action,
      actorId: request.actor.userId,
      actorName: request.actor.displayName,
      actorRole: role ?? request.actor.roles[0],
      occurredAt: at,
      reason,
      fromStage: state.stage,
      toStage: next.stage,
      payload: { ...request.payload },
    },
  };
}

function moveTo(s: CaseState, stage: Stage, at: string, closure?: ClosureKind): void {
  s.stage = stage;
  if (stage === 'VERIFICATION' || stage === 'INVESTIGATION') addInvestigator(s, s.assigneeId);
  if (closure) s.closure = { kind: closure, at };
}

function addInvestigator(s: CaseState, userId: string | undefined): void {
  if (userId && !s.investigatorIds.includes(userId)) s.investigatorIds.push(userId);
}

/** How each action of the spine (intake to service) changes the case; each returns the event's reason. */
const SPINE_EVOLUTIONS: Evolutions<
  Exclude<ActionName, AftercareActionName | ReporterIdentityActionName | DocumentActionName | InquiryActionName | ProcedureActionName | ReporterNoticeActionName | 'attachEvidence'>
> = {
  acceptClue: (s, p, { actor, at }) => {
    s.assigneeId = p.assigneeId ?? actor.userId;
    moveTo(s, 'DISPOSITION', at);
    return p.note;
  },
  transferClue: (s, p, { at }) => {
    s.transfer = { toBody: p.toBody, reason: p.reason };
    moveTo(s, 'CLOSED', at, 'TRANSFERRED');
    return p.reason;
  },
  linkSubjectAccount: (s, p) => {
    s.registration.subject.userId = p.userId;
    if (s.persons?.[0]) s.persons[0].userId = p.userId;
    if (!s.recusedUserIds.includes(p.userId)) s.recusedUserIds.push(p.userId);
    if (s.assigneeId === p.userId) s.assigneeId = undefined;
    return p.reason;
  },
  declareConflict: (s, p, { actor }) => {
    s.recusedUserIds.push(actor.userId);
    // A recused assignee leaves the case; a supervisor then reassigns it (it shows in their tasks).
    if (s.assigneeId === actor.userId) s.assigneeId = undefined;
    return p.reason;
  },
  proposeDisposition: (s, p, ctx) => {
    propose(s, ctx, { kind: 'DISPOSITION', disposition: p.disposition, reason: p.reason });
    return p.reason;
  },
  recordInquiryOutcome: (s, p, { at }) => {
    s.inquiry = { outcome: p.outcome, measure: p.measure, reason: p.reason };
    if (p.outcome === 'REPEAT_OR_VERIFY') moveTo(s, 'VERIFICATION', at);
    else moveTo(s, 'CLOSED', at, 'INQUIRY_CLOSED');
    return p.reason;
  },
  submitVerificationReport: (s, p, ctx) => {
    propose(s, ctx, { kind: 'VERIFICATION_REPORT', finding: p.finding, summary: p.summary });
    return p.summary;
  },
  addEvidence: (s, p, { actor, at }) => {
    s.evidence.push({ seq: s.evidence.length + 1, kind: p.kind, description: p.description, sha256: p.sha256, addedBy: actor.userId, addedAt: at });
    return undefined;
  },
  submitInvestigationReport: (s, p, ctx) => {
    const { findings } = reportFindings(s, p);
    const { responsibilityLevel, forms, leniency, grounds } = findings[0];
    propose(s, ctx, {
      kind: 'INVESTIGATION_REPORT',
      facts: p.facts,
      responsibilityLevel,
      forms,
      leniency,
      ...(grounds?.length ? { grounds } : {}),
      // A case with a procedure keeps each person's findings.
      ...(s.procedure ? { findings } : {}),
    });
    return p.facts;
  },
  proposeNoAccountability: (s, p, ctx) => {
    const { outcome, grounds, allegationUntrue, reason } = p;
    propose(s, ctx, { kind: 'NO_ACCOUNTABILITY', outcome, ...(grounds?.length ? { grounds } : {}), allegationUntrue, reason });
    return p.reason;
  },
  reviewShelvedClue: (s, p, ctx) => {
    propose(s, ctx, { kind: 'SHELVED_REVIEW', decision: p.decision, reason: p.reason });
    return p.reason;
  },
  approve: (s, p, ctx) => {
    const filing = approvesFiling(s);
    approvePending(s, ctx);
    if (filing && p.investigationTeam) formInquiryTeam(s, p.investigationTeam);
    return p.comment;
  },
  return: (s, p, { actor, at }) => {
    const pending = s.pendingApproval!;
    // The case stays in the proposer's stage; the proposer sees why it came back.
    s.lastReturn = { kind: pending.kind, reason: p.reason, by: actor.userId, at };
    s.pendingApproval = undefined;
    return p.reason;
  },
  serveDecision: (s, p, { actor, at }) => {
    s.service = { servedAt: new Date(p.servedAt).toISOString(), method: p.method, recordedBy: actor.userId };
    moveTo(s, 'SERVED', at);
    return undefined;
  },
  reassign: (s, p) => {
    s.assigneeId = p.toUserId;
    if (s.stage === 'VERIFICATION' || s.stage === 'INVESTIGATION') addInvestigator(s, p.toUserId);
    return p.reason;
  },
  requestExtension: (s, p, ctx) => {
    propose(s, ctx, { kind: 'EXTENSION', amount: p.amount, reason: p.reason });
    return p.reason;
  },
  requestSuspension: (s, p, ctx) => {
    propose(s, ctx, { kind: 'SUSPENSION', reason: p.reason });
    return p.reason;
  },
  resumeClock: (s, p, { at, clock }) => {
    if (s.deadline && clock) s.deadline = resumeClock(s.deadline, new Date(at), clock);
    return p.reason;
  },
};

const EVOLUTIONS: Evolutions = { ...SPINE_EVOLUTIONS, ...INQUIRY_EVOLUTIONS, ...PROCEDURE_EVOLUTIONS, ...REPORTER_NOTICE_EVOLUTIONS, ...AFTERCARE_EVOLUTIONS, ...REPORTER_IDENTITY_EVOLUTIONS, ...DOCUMENT_EVOLUTIONS, ...EVIDENCE_EVOLUTIONS };

/** What the approved proposal does: the stage it leads to, or the clock it extends or suspends. */
function approvePending(s: CaseState, { actor, at, clock }: EvolveContext<'approve'>): void {
  const pending = s.pendingApproval!;
  const approverId = actor.userId;
  s.pendingApproval = undefined;
  switch (pending.kind) {
    case 'DISPOSITION':
      s.disposition = { disposition: pending.disposition, reason: pending.reason, approvedBy: approverId };
      if (pending.disposition === 'TALK_OR_LETTER_INQUIRY') moveTo(s, 'INQUIRY', at);
      else if (pending.disposition === 'PRELIMINARY_VERIFICATION') moveTo(s, 'VERIFICATION', at);
      else if (pending.disposition === 'SHELVE_PENDING') moveTo(s, 'SHELVED', at);
      else moveTo(s, 'CLOSED', at, 'DISPOSITION_CLOSED');
      return;
    case 'VERIFICATION_REPORT':
      s.verification = { finding: pending.finding, summary: pending.summary, approvedBy: approverId };
      if (pending.finding === 'PROPOSE_CASE_FILING' || pending.finding === 'PROPOSE_ACCOUNTABILITY') {
        fileCase(s, pending.finding);
        moveTo(s, 'INVESTIGATION', at);
      }
      else if (pending.finding === 'SHELVE_PENDING') moveTo(s, 'SHELVED', at);
      else moveTo(s, 'CLOSED', at, VERIFICATION_CLOSURES[pending.finding]);
      return;
    case 'INVESTIGATION_REPORT':
      // A case with a procedure goes on to 审理 or the collective decision; the approval is of the report only.
      if (s.procedure) {
        const findings = pending.findings!;
        s.report = { facts: pending.facts, findings, proposedBy: pending.proposedBy, approvedBy: approverId, approvedAt: at };
        if (needsTrial(s, findings)) {
          s.trial = {};
          moveTo(s, 'TRIAL', at);
        } else moveTo(s, 'DELIBERATION', at);
        return;
      }
      s.decision = {
        forms: pending.forms,
        responsibilityLevel: pending.responsibilityLevel,
        leniency: pending.leniency,
        ...(pending.grounds ? { grounds: pending.grounds } : {}),
        facts: pending.facts,
        proposedBy: pending.proposedBy,
        approvedBy: approverId,
        approvedAt: at,
      };
      moveTo(s, 'DECIDED', at);
      return;
    case 'NO_ACCOUNTABILITY': {
      const { outcome, grounds, allegationUntrue, reason, proposedBy } = pending;
      s.noAccountability = { outcome, ...(grounds ? { grounds } : {}), allegationUntrue, reason, proposedBy, approvedBy: approverId, approvedAt: at };
      moveTo(s, 'CLOSED', at, outcome);
      return;
    }
    case 'INQUIRY_CONCLUSION': {
      const next = concludeInquiryRound(s, pending, approverId, at, clock);
      if (next !== 'INQUIRY') moveTo(s, next, at, next === 'CLOSED' ? 'INQUIRY_CLOSED' : undefined);
      return;
    }
    case 'SHELVED_REVIEW':
      s.shelvedReviews = [...(s.shelvedReviews ?? []), { decision: pending.decision, reason: pending.reason, proposedBy: pending.proposedBy, approvedBy: approverId, at }];
      if (pending.decision === 'REOPEN') moveTo(s, 'DISPOSITION', at);
      else if (pending.decision === 'CLOSE') moveTo(s, 'CLOSED', at, 'SHELVED_CLOSED');
      // Kept shelved: the next periodic review is due one policy period from this one.
      else s.deadline = clock ? startStageClock(s, 'SHELVED', new Date(at), clock) : undefined;
      return;
    case 'EXTENSION':
      if (s.deadline && clock) {
        s.deadline = extendClock(s.deadline, { amount: pending.amount, reason: pending.reason, approvedBy: approverId }, new Date(at), clock);
      }
      return;
    case 'SUSPENSION':
      if (s.deadline && clock) s.deadline = suspendClock(s.deadline, pending.reason, new Date(at), clock);
      return;
  }
}

/**
 * The clue becomes a case: a discipline case (立案审查调查) or an accountability inquiry (启动问责), with the registered
 * subject as its first person concerned, when the pinned policy knows who decides what; before that, a case of the
 * single path (its report approved is its decision).
 */
function fileCase(s: CaseState, finding: 'PROPOSE_CASE_FILING' | 'PROPOSE_ACCOUNTABILITY'): void {
  if (!s.policy.decisionPolicy) return;
  s.procedure = finding === 'PROPOSE_ACCOUNTABILITY' ? 'ACCOUNTABILITY' : 'DISCIPLINE';
  s.persons = personsAtFiling(s);
}

/** How each verification finding other than case filing or shelving ends the clue. */
const VERIFICATION_CLOSURES: Record<Exclude<VerificationFinding, 'PROPOSE_CASE_FILING' | 'PROPOSE_ACCOUNTABILITY' | 'SHELVE_PENDING'>, ClosureKind> = {
  CLOSE: 'VERIFICATION_CLOSED',
  UNTRUE: 'UNTRUE',
  REMINDER_TALK: 'REMINDED',
  REFER_TO_PARTY_ORG: 'REFERRED',
};

/** Deep copy of a JSON-shaped state (the workflow sandbox has no structuredClone). */
function cloneState(state: CaseState): CaseState {
  return JSON.parse(JSON.stringify(state)) as CaseState;
}
