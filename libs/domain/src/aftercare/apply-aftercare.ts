import {
  caseWorkflowId,
  reviewWorkflowId,
  type ActionName,
  type ActionPayloads,
  type ActionRequest,
  type ApplicantKind,
  type CaseState,
  type CorrectionItem,
  type Role,
} from '@dandang/contracts';
import { ACTION_RULES, actingRole } from '../action-rules';
import type { ClockContext } from '../deadlines/duration';
import { impactPeriodEnd } from './impact-periods';
import { cancelPendingVisits, scheduleFollowUps } from './follow-up';
import { addPolicyDuration } from './months';
import { faultTolerancePolicyOf } from './policy-of';

const DAY_MS = 86_400_000;
const APPLICANT_BY_ROLE: Partial<Record<Role, ApplicantKind>> = { SUBJECT: 'SUBJECT', CASE_OFFICER: 'UNIT', SUPERVISOR: 'BODY' };

/** Applies an accepted fault-tolerance, correction or aftercare action to `s` (a copy); returns the event's reason. */
export function evolveAftercare(s: CaseState, action: ActionName, request: ActionRequest, at: string, clock?: ClockContext): string | undefined {
  const actor = request.actor;
  switch (action) {
    case 'applyFaultTolerance': {
      const p = request.payload as ActionPayloads['applyFaultTolerance'];
      const seq = (s.reviews?.length ?? 0) + 1;
      const id = reviewWorkflowId(caseWorkflowId(s.caseId), seq);
      const role = actingRole(actor.roles, ACTION_RULES.applyFaultTolerance);
      s.reviews = [
        ...(s.reviews ?? []),
        { reviewId: id, seq, workflowId: id, applicantKind: APPLICANT_BY_ROLE[role!] ?? 'UNIT', applicantId: actor.userId, appliedAt: at, status: 'OPEN' },
      ];
      return p.reasons;
    }
    case 'openCorrectionPlan': {
      const { items } = request.payload as ActionPayloads['openCorrectionPlan'];
      const days = faultTolerancePolicyOf(s).correctionDueDays;
      s.correction = {
        openedBy: actor.userId,
        openedAt: at,
        items: items.map((item, i): CorrectionItem => {
          const dueAt = item.dueDate ? new Date(item.dueDate).toISOString() : new Date(Date.parse(at) + days[item.severity] * DAY_MS).toISOString();
          return {
            id: `C${i + 1}`,
            ownerId: item.owner,
            action: item.action,
            severity: item.severity,
            dueAt,
            status: 'OPEN',
            progress: [],
            deadline: {
              stage: s.stage,
              limit: { amount: Math.max(1, Math.ceil((Date.parse(dueAt) - Date.parse(at)) / DAY_MS)), unit: 'CALENDAR_DAY' },
              startedAt: at,
              dueAt,
              calendarVersion: clock?.calendar.version ?? 'none',
              unpublishedYears: [],
              fired: [],
              card: 'NONE',
              supervised: false,
              extensions: [],
            },
          };
        }),
      };
      return undefined;
    }
    case 'recordCorrectionProgress': {
      const p = request.payload as ActionPayloads['recordCorrectionProgress'];
      item(s, p.itemId).progress.push({ note: p.note, by: actor.userId, at });
      return p.note;
    }
    case 'completeCorrectionItem': {
      const p = request.payload as ActionPayloads['completeCorrectionItem'];
      const it = item(s, p.itemId);
      it.status = 'COMPLETED';
      it.completion = { evidence: p.evidence, by: actor.userId, at };
      return undefined;
    }
    case 'verifyCorrectionItem': {
      const it = item(s, (request.payload as ActionPayloads['verifyCorrectionItem']).itemId);
      it.status = 'VERIFIED';
      it.verification = { by: actor.userId, at };
      return undefined;
    }
    case 'fileAppeal': {
      const p = request.payload as ActionPayloads['fileAppeal'];
      s.appeal = { ...s.appeal!, filed: { grounds: p.grounds, filedAt: at } };
      return p.grounds;
    }
    case 'decideAppeal': {
      const p = request.payload as ActionPayloads['decideAppeal'];
      s.appeal = { ...s.appeal!, decision: { outcome: p.outcome, ...(p.forms ? { forms: p.forms } : {}), reason: p.reason, by: actor.userId, at } };
      const decision = s.decision!;
      if (p.outcome === 'VARIED') {
        decision.forms = p.forms!;
        s.impactPeriodEndsAt = impactPeriodEnd(decision.approvedAt, decision.forms);
        const policy = faultTolerancePolicyOf(s);
        s.followUp = scheduleFollowUps(s.service?.servedAt ?? at, policy.followUpVisitMonths, s.impactPeriodEndsAt, cancelPendingVisits(s.followUp ?? []));
      } else if (p.outcome === 'REVOKED') {
        decision.forms = [];
        s.impactPeriodEndsAt = undefined;
        s.followUp = cancelPendingVisits(s.followUp ?? []);
      }
      return p.reason;
    }
    case 'recordNameClearing': {
      const p = request.payload as ActionPayloads['recordNameClearing'];
      s.nameClearing = { status: 'RECORDED', record: { ...p, completedAt: new Date(p.completedAt).toISOString(), by: actor.userId } };
      if (p.harmed) s.followUp = scheduleFollowUps(new Date(p.completedAt).toISOString(), faultTolerancePolicyOf(s).followUpVisitMonths, undefined, s.followUp);
      return p.note;
    }
    case 'recordFollowUpVisit': {
      const p = request.payload as ActionPayloads['recordFollowUpVisit'];
      s.followUp!.find((v) => v.id === p.visitId)!.record = { findings: p.findings, by: actor.userId, at };
      return p.findings;
    }
    default:
      throw new Error(`${action} is not an aftercare action`);
  }
}

function item(s: CaseState, id: string): CorrectionItem {
  return s.correction!.items.find((i) => i.id === id)!;
}

/**
 * What the spine's own actions start in a run with aftercare: serving opens the appeal window and schedules the
 * follow-up visits (with the impact period's end); an untrue finding makes a name clearing due; a mitigated report
 * is approved with the lighter forms.
 */
export function afterSpineAction(prev: CaseState, next: CaseState, action: ActionName, request: ActionRequest, clock?: ClockContext): void {
  const policy = faultTolerancePolicyOf(next);
  if (action === 'serveDecision' && next.decision) {
    const servedAt = new Date((request.payload as ActionPayloads['serveDecision']).servedAt);
    next.appeal = { windowEndsAt: addPolicyDuration(servedAt, policy.appealWindow, clock).toISOString() };
    next.impactPeriodEndsAt = impactPeriodEnd(next.decision.approvedAt, next.decision.forms);
    next.followUp = scheduleFollowUps(servedAt.toISOString(), policy.followUpVisitMonths, next.impactPeriodEndsAt, next.followUp);
  }
  if (action === 'approve' && prev.pendingApproval?.kind === 'VERIFICATION_REPORT' && prev.pendingApproval.finding === 'UNTRUE') {
    next.nameClearing = { status: 'DUE' };
  }
  const forms = (request.payload as ActionPayloads['approve']).forms;
  if (action === 'approve' && prev.pendingApproval?.kind === 'INVESTIGATION_REPORT' && forms && next.decision && next.tolerance?.mitigation) {
    next.decision.forms = forms;
    next.decision.leniency = next.tolerance.mitigation;
  }
}
