import type {
  ActionName,
  ActionPayloads,
  ActionRequest,
  ActionResult,
  CaseState,
  ClosureKind,
  PendingApproval,
  ProposalContent,
  Stage,
} from '@dandang/contracts';
import { ACTION_RULES, AFTERCARE_ACTIONS, HANDLING_ACTIONS, actingRole } from './action-rules';
import { checkAction } from './check-action';
import { assertTransition } from './stage-transitions';
import type { ClockContext } from './deadlines/duration';
import { extendClock, resumeClock, startStageClock, suspendClock } from './deadlines/stage-clock';
import { afterSpineAction, evolveAftercare } from './aftercare/apply-aftercare';

export interface ApplyOptions {
  /** The run keeps fault tolerance, correction and aftercare (workflow patch `aftercare-v1`). */
  aftercare?: boolean;
}

type Changes = { next: CaseState; reason?: string };

/**
 * Applies an accepted action: the new state (version + 1) and the event that records it.
 * Checks again first, so a caller can never apply what `checkAction` refuses.
 */
export function applyAction(
  state: CaseState,
  action: ActionName,
  request: ActionRequest,
  now: Date,
  clock?: ClockContext,
  options: ApplyOptions = {},
): ActionResult {
  checkAction(state, action, request, now);
  const at = now.toISOString();
  const { next, reason } = AFTERCARE_ACTIONS.includes(action)
    ? evolveAftercareCopy(state, action, request, at, clock)
    : evolve(cloneState(state), action, request, at, clock);
  if (options.aftercare) afterSpineAction(state, next, action, request, clock);
  assertTransition(state.stage, next.stage);
  if (next.stage !== state.stage) {
    next.stageEnteredAt = at;
    // Each stage runs its own clock, when the case keeps clocks (a calendar was pinned) and the policy sets a limit.
    next.deadline = clock ? startStageClock(next, next.stage, now, clock) : undefined;
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
      payload: { ...(request.payload as object) },
    },
  };
}

function evolveAftercareCopy(state: CaseState, action: ActionName, request: ActionRequest, at: string, clock?: ClockContext): Changes {
  const next = cloneState(state);
  return { next, reason: evolveAftercare(next, action, request, at, clock) };
}

function moveTo(s: CaseState, stage: Stage, at: string, closure?: ClosureKind): void {
  s.stage = stage;
  if (stage === 'VERIFICATION' || stage === 'INVESTIGATION') addInvestigator(s, s.assigneeId);
  if (closure) s.closure = { kind: closure, at };
}

function addInvestigator(s: CaseState, userId: string | undefined): void {
  if (userId && !s.investigatorIds.includes(userId)) s.investigatorIds.push(userId);
}

function propose(s: CaseState, action: ActionName, request: ActionRequest, at: string, content: ProposalContent): void {
  const pending: PendingApproval = {
    ...content,
    proposedBy: request.actor.userId,
    proposedByName: request.actor.displayName,
    proposedAt: at,
    action,
  };
  s.pendingApproval = pending;
  s.lastReturn = undefined;
}

function evolve(s: CaseState, action: ActionName, request: ActionRequest, at: string, clock?: ClockContext): Changes {
  const actor = request.actor;
  switch (action) {
    case 'acceptClue': {
      const p = request.payload as ActionPayloads['acceptClue'];
      s.assigneeId = p.assigneeId ?? actor.userId;
      moveTo(s, 'DISPOSITION', at);
      return { next: s, reason: p.note };
    }
    case 'transferClue': {
      const p = request.payload as ActionPayloads['transferClue'];
      s.transfer = { toBody: p.toBody, reason: p.reason };
      moveTo(s, 'CLOSED', at, 'TRANSFERRED');
      return { next: s, reason: p.reason };
    }
    case 'linkSubjectAccount': {
      const p = request.payload as ActionPayloads['linkSubjectAccount'];
      s.registration.subject.userId = p.userId;
      if (!s.recusedUserIds.includes(p.userId)) s.recusedUserIds.push(p.userId);
      if (s.assigneeId === p.userId) s.assigneeId = undefined;
      return { next: s, reason: p.reason };
    }
    case 'declareConflict': {
      const p = request.payload as ActionPayloads['declareConflict'];
      s.recusedUserIds.push(actor.userId);
      // A recused assignee leaves the case; a supervisor then reassigns it (it shows in their tasks).
      if (s.assigneeId === actor.userId) s.assigneeId = undefined;
      return { next: s, reason: p.reason };
    }
    case 'proposeDisposition': {
      const p = request.payload as ActionPayloads['proposeDisposition'];
      propose(s, action, request, at, { kind: 'DISPOSITION', disposition: p.disposition, reason: p.reason });
      return { next: s, reason: p.reason };
    }
    case 'recordInquiryOutcome': {
      const p = request.payload as ActionPayloads['recordInquiryOutcome'];
      s.inquiry = { outcome: p.outcome, measure: p.measure, reason: p.reason };
      if (p.outcome === 'REPEAT_OR_VERIFY') moveTo(s, 'VERIFICATION', at);
      else moveTo(s, 'CLOSED', at, 'INQUIRY_CLOSED');
      return { next: s, reason: p.reason };
    }
    case 'submitVerificationReport': {
      const p = request.payload as ActionPayloads['submitVerificationReport'];
      propose(s, action, request, at, { kind: 'VERIFICATION_REPORT', finding: p.finding, summary: p.summary });
      return { next: s, reason: p.summary };
    }
    case 'addEvidence': {
      const p = request.payload as ActionPayloads['addEvidence'];
      s.evidence.push({ seq: s.evidence.length + 1, kind: p.kind, description: p.description, sha256: p.sha256, addedBy: actor.userId, addedAt: at });
      return { next: s };
    }
    case 'submitInvestigationReport': {
      const p = request.payload as ActionPayloads['submitInvestigationReport'];
      propose(s, action, request, at, {
        kind: 'INVESTIGATION_REPORT',
        facts: p.facts,
        responsibilityLevel: p.responsibilityLevel,
        forms: p.forms,
        leniency: p.leniency,
      });
      return { next: s, reason: p.facts };
    }
    case 'approve':
      return { next: approvePending(s, actor.userId, at, clock), reason: (request.payload as ActionPayloads['approve']).comment };
    case 'return': {
      const p = request.payload as ActionPayloads['return'];
      const pending = s.pendingApproval!;
      // The case stays in the proposer's stage; the proposer sees why it came back.
      s.lastReturn = { kind: pending.kind, reason: p.reason, by: actor.userId, at };
      s.pendingApproval = undefined;
      return { next: s, reason: p.reason };
    }
    case 'serveDecision': {
      const p = request.payload as ActionPayloads['serveDecision'];
      s.service = { servedAt: new Date(p.servedAt).toISOString(), method: p.method, recordedBy: actor.userId };
      moveTo(s, 'SERVED', at);
      return { next: s };
    }
    case 'reassign': {
      const p = request.payload as ActionPayloads['reassign'];
      s.assigneeId = p.toUserId;
      if (s.stage === 'VERIFICATION' || s.stage === 'INVESTIGATION') addInvestigator(s, p.toUserId);
      return { next: s, reason: p.reason };
    }
    case 'requestExtension': {
      const p = request.payload as ActionPayloads['requestExtension'];
      propose(s, action, request, at, { kind: 'EXTENSION', amount: p.amount, reason: p.reason });
      return { next: s, reason: p.reason };
    }
    case 'requestSuspension': {
      const p = request.payload as ActionPayloads['requestSuspension'];
      propose(s, action, request, at, { kind: 'SUSPENSION', reason: p.reason });
      return { next: s, reason: p.reason };
    }
    case 'resumeClock': {
      const p = request.payload as ActionPayloads['resumeClock'];
      if (s.deadline && clock) s.deadline = resumeClock(s.deadline, new Date(at), clock);
      return { next: s, reason: p.reason };
    }
    default:
      throw new Error(`${action} is applied by evolveAftercare`);
  }
}

function approvePending(s: CaseState, approverId: string, at: string, clock?: ClockContext): CaseState {
  const pending = s.pendingApproval!;
  s.pendingApproval = undefined;
  switch (pending.kind) {
    case 'DISPOSITION':
      s.disposition = { disposition: pending.disposition, reason: pending.reason, approvedBy: approverId };
      if (pending.disposition === 'TALK_OR_LETTER_INQUIRY') moveTo(s, 'INQUIRY', at);
      else if (pending.disposition === 'PRELIMINARY_VERIFICATION') moveTo(s, 'VERIFICATION', at);
      else if (pending.disposition === 'SHELVE_PENDING') moveTo(s, 'SHELVED', at);
      else moveTo(s, 'CLOSED', at, 'DISPOSITION_CLOSED');
      return s;
    case 'VERIFICATION_REPORT':
      s.verification = { finding: pending.finding, summary: pending.summary, approvedBy: approverId };
      if (pending.finding === 'PROPOSE_CASE_FILING') moveTo(s, 'INVESTIGATION', at);
      else moveTo(s, 'CLOSED', at, pending.finding === 'UNTRUE' ? 'UNTRUE' : 'VERIFICATION_CLOSED');
      return s;
    case 'INVESTIGATION_REPORT':
      s.decision = {
        forms: pending.forms,
        responsibilityLevel: pending.responsibilityLevel,
        leniency: pending.leniency,
        facts: pending.facts,
        proposedBy: pending.proposedBy,
        approvedBy: approverId,
        approvedAt: at,
      };
      moveTo(s, 'DECIDED', at);
      return s;
    case 'EXTENSION':
      if (s.deadline && clock) {
        s.deadline = extendClock(s.deadline, { amount: pending.amount, reason: pending.reason, approvedBy: approverId }, new Date(at), clock);
      }
      return s;
    case 'SUSPENSION':
      if (s.deadline && clock) s.deadline = suspendClock(s.deadline, pending.reason, new Date(at), clock);
      return s;
  }
}

/** Deep copy of a JSON-shaped state (the workflow sandbox has no structuredClone). */
function cloneState(state: CaseState): CaseState {
  return JSON.parse(JSON.stringify(state)) as CaseState;
}
