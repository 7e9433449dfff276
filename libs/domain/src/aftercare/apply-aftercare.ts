import {
  caseWorkflowId,
  reviewWorkflowId,
  type ActionName,
  type ActionPayloads,
  type AccountabilityFormChoice,
  type AppealRecord,
  type ApplicantKind,
  type CaseState,
  type CorrectionItem,
  type CorrectionOrder,
  type Role,
} from '@dandang/contracts';
import { ACTION_RULES, actingRole } from '../case/action-rules';
import type { Evolutions } from '../case/action-handlers';
import type { ClockContext } from '../deadlines/duration';
import { startStepClock } from '../deadlines/step-clock';
import { impactPeriodEnd } from './impact-periods';
import { effectsPolicyOf } from '../effects/effects-policy';
import { cancelPendingVisits, scheduleFollowUps } from './follow-up';
import { addPolicyDuration } from './months';
import { recordExemptionNotice } from './exemption-aftercare';
import { faultTolerancePolicyOf } from './policy-of';
import { appellantOf } from './person-appeals';
import { FIRST_PERSON } from '../case/persons';
import { concernedPersonId } from '../access/participants';

const DAY_MS = 86_400_000;
const APPLICANT_BY_ROLE: Partial<Record<Role, ApplicantKind>> = { SUBJECT: 'SUBJECT', CASE_OFFICER: 'UNIT', SUPERVISOR: 'BODY' };

/** The actions of fault tolerance, correction and aftercare (容错纠错, 申诉, 澄清正名, 回访). */
export type AftercareActionName =
  | 'applyFaultTolerance'
  | 'openCorrectionPlan'
  | 'recordCorrectionProgress'
  | 'completeCorrectionItem'
  | 'verifyCorrectionItem'
  | 'fileAppeal'
  | 'recordPaperAppeal'
  | 'decideAppeal'
  | 'orderDecisionCorrection'
  | 'correctDecision'
  | 'recordNameClearing'
  | 'recordFollowUpVisit'
  | 'recordExemptionNotice';

/** How each aftercare action changes the case; each returns the event's reason. */
export const AFTERCARE_EVOLUTIONS: Evolutions<AftercareActionName> = {
  applyFaultTolerance: (s, p, { actor, at }) => {
    const seq = (s.reviews?.length ?? 0) + 1;
    const id = reviewWorkflowId(caseWorkflowId(s.caseId), seq);
    const role = actingRole(actor.roles, ACTION_RULES.applyFaultTolerance);
    s.reviews = [
      ...(s.reviews ?? []),
      { reviewId: id, seq, workflowId: id, applicantKind: APPLICANT_BY_ROLE[role!] ?? 'UNIT', applicantId: actor.userId, appliedAt: at, status: 'OPEN' },
    ];
    return p.reasons;
  },
  openCorrectionPlan: (s, { items }, { actor, at, clock }) => {
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
  },
  recordCorrectionProgress: (s, p, { actor, at }) => {
    item(s, p.itemId).progress.push({ note: p.note, by: actor.userId, at });
    return p.note;
  },
  completeCorrectionItem: (s, p, { actor, at }) => {
    const it = item(s, p.itemId);
    it.status = 'COMPLETED';
    it.completion = { evidence: p.evidence, by: actor.userId, at };
    return undefined;
  },
  verifyCorrectionItem: (s, p, { actor, at }) => {
    const it = item(s, p.itemId);
    it.status = 'VERIFIED';
    it.verification = { by: actor.userId, at };
    return undefined;
  },
  // Filed online by the person concerned themselves: the registered subject, or another person with an account.
  fileAppeal: (s, p, { actor, at, clock }) => {
    const personId = concernedPersonId(s, actor.userId) ?? FIRST_PERSON;
    if (personId === FIRST_PERSON) fileAppeal(s, { grounds: p.grounds, filedAt: at }, clock);
    else filePersonAppeal(s, personId, { grounds: p.grounds, filedAt: at }, clock);
    return p.grounds;
  },
  recordPaperAppeal: (s, p, { actor, clock }) => {
    const filed = { grounds: p.grounds, filedAt: new Date(p.receivedAt).toISOString(), recordedBy: actor.userId };
    if (appellantOf(p) === FIRST_PERSON) fileAppeal(s, filed, clock);
    else filePersonAppeal(s, appellantOf(p), filed, clock);
    return p.grounds;
  },
  decideAppeal: (s, p, { actor, at, clock }) => {
    const decision = { outcome: p.outcome, ...(p.forms ? { forms: p.forms } : {}), reason: p.reason, by: actor.userId, at };
    if (appellantOf(p) !== FIRST_PERSON) {
      decidePersonAppeal(s, appellantOf(p), decision);
      return p.reason;
    }
    s.appeal = { ...s.appeal!, decision };
    if (p.outcome !== 'UPHELD') changeDecision(s, p.outcome, p.forms, at, clock);
    return p.reason;
  },
  orderDecisionCorrection: (s, p, { actor, at }) => {
    s.correctionOrders = [...(s.correctionOrders ?? []), { grounds: p.grounds, reason: p.reason, by: actor.userId, at }];
    return p.reason;
  },
  correctDecision: (s, p, { actor, at, clock }) => {
    const order = openCorrectionOrder(s)!;
    order.correction = { outcome: p.outcome, ...(p.forms ? { forms: p.forms } : {}), reason: p.reason, by: actor.userId, at };
    changeDecision(s, p.outcome, p.forms, at, clock);
    // A final decision revoked is no longer "final": the case's ending says it was corrected.
    if (s.stage === 'CLOSED' && p.outcome === 'REVOKED') s.closure = { kind: 'DECISION_CORRECTED', at };
    return p.reason;
  },
  recordNameClearing: (s, p, { actor }) => {
    // Recorded: its clock stops (the record replaces it).
    s.nameClearing = { status: 'RECORDED', record: { ...p, completedAt: new Date(p.completedAt).toISOString(), by: actor.userId } };
    if (p.harmed) s.followUp = scheduleFollowUps(new Date(p.completedAt).toISOString(), faultTolerancePolicyOf(s).followUpVisitMonths, undefined, s.followUp);
    return p.note;
  },
  recordFollowUpVisit: (s, p, { actor, at }) => {
    s.followUp!.find((v) => v.id === p.visitId)!.record = { findings: p.findings, by: actor.userId, at };
    return p.findings;
  },
  recordExemptionNotice,
};

/** The order of the upper level still waiting for its correction. */
export function openCorrectionOrder(s: CaseState): CorrectionOrder | undefined {
  const last = s.correctionOrders?.at(-1);
  return last && !last.correction ? last : undefined;
}

/** Whether the decision was revoked, on appeal or by a correction: the case then ends corrected (纠正), never final. */
export function decisionRevoked(s: CaseState): boolean {
  return s.appeal?.decision?.outcome === 'REVOKED' || Boolean(s.correctionOrders?.some((o) => o.correction?.outcome === 'REVOKED'));
}

/**
 * A decision varied (lighter forms, with their impact period and visits) or revoked (纠正: no forms, no impact period,
 * no pending visits, no negative evaluation, and the official's name cleared), on appeal or by a correction.
 */
function changeDecision(
  s: CaseState,
  outcome: 'VARIED' | 'REVOKED',
  forms: AccountabilityFormChoice[] | undefined,
  at: string,
  clock: ClockContext | undefined,
): void {
  const decision = s.decision!;
  if (outcome === 'VARIED') {
    decision.forms = forms!;
    s.impactPeriodEndsAt = impactPeriodEnd(decision.approvedAt, decision.forms, effectsPolicyOf(s));
    const policy = faultTolerancePolicyOf(s);
    s.followUp = scheduleFollowUps(s.service?.servedAt ?? at, policy.followUpVisitMonths, s.impactPeriodEndsAt, cancelPendingVisits(s.followUp ?? []));
    return;
  }
  decision.forms = [];
  s.impactPeriodEndsAt = undefined;
  s.followUp = cancelPendingVisits(s.followUp ?? []);
  s.noNegativeEvaluation = true;
  clearingDue(s, at, clock);
}

/**
 * A name clearing falls due (谁核实谁澄清), on its clock from `from` when the case's policy times it; one recorded
 * already is not owed again.
 */
function clearingDue(s: CaseState, from: string, clock: ClockContext | undefined): void {
  if (s.nameClearing?.status === 'RECORDED') return;
  const deadline = startStepClock(s, 'NAME_CLEARING', s.stage, new Date(from), clock);
  s.nameClearing = { status: 'DUE', ...(deadline ? { deadline } : {}) };
}

/** An appeal is filed: the deciding body's clock for its decision starts (when the case's policy sets one). */
function fileAppeal(s: CaseState, filed: NonNullable<AppealRecord['filed']>, clock: ClockContext | undefined): void {
  const deadline = startStepClock(s, 'APPEAL_DECISION', s.stage, new Date(filed.filedAt), clock);
  s.appeal = { ...s.appeal!, filed, ...(deadline ? { deadline } : {}) };
}

/** Another person's appeal is filed: in the window the service opened, on its own clock for the decision. */
function filePersonAppeal(s: CaseState, personId: string, filed: NonNullable<AppealRecord['filed']>, clock: ClockContext | undefined): void {
  const deadline = startStepClock(s, 'APPEAL_DECISION', s.stage, new Date(filed.filedAt), clock);
  s.personAppeals = [...(s.personAppeals ?? []), { personId, filed, ...(deadline ? { deadline } : {}) }];
}

/**
 * Another person's appeal decided: varied, their decision gives the lighter forms; revoked, none (their effects in
 * the register are withdrawn with it). The registered subject's decision and the case's impact period stay as they are.
 */
function decidePersonAppeal(s: CaseState, personId: string, decision: NonNullable<AppealRecord['decision']>): void {
  s.personAppeals!.find((a) => a.personId === personId)!.decision = decision;
  if (decision.outcome === 'UPHELD') return;
  const personDecision = s.personDecisions!.find((d) => d.personId === personId)!;
  personDecision.forms = decision.outcome === 'VARIED' ? decision.forms! : [];
}

function item(s: CaseState, id: string): CorrectionItem {
  return s.correction!.items.find((i) => i.id === id)!;
}

/** What aftercare adds to one of the spine's own actions, given the case before it and after (changed in place). */
type SpineEffect<A extends ActionName> = (prev: CaseState, next: CaseState, payload: ActionPayloads[A], clock?: ClockContext) => void;

/**
 * What the spine's own actions start: serving opens the appeal window and schedules the follow-up visits (with the
 * impact period's end); an untrue finding makes a name clearing due; a mitigated report is approved with the lighter
 * forms.
 */
export const AFTERCARE_OF_SPINE_ACTIONS: { readonly [A in ActionName]?: SpineEffect<A> } = {
  serveDecision: (_prev, next, p, clock) => {
    if (!next.decision) return;
    const policy = faultTolerancePolicyOf(next);
    const servedAt = new Date(p.servedAt);
    next.appeal = { windowEndsAt: addPolicyDuration(servedAt, policy.appealWindow, clock).toISOString() };
    next.impactPeriodEndsAt = impactPeriodEnd(next.decision.approvedAt, next.decision.forms, effectsPolicyOf(next));
    next.followUp = scheduleFollowUps(servedAt.toISOString(), policy.followUpVisitMonths, next.impactPeriodEndsAt, next.followUp);
  },
  approve: (prev, next, p, clock) => {
    const pending = prev.pendingApproval;
    // 谁核实谁澄清: an allegation found untrue, at verification or by the investigation, makes a name clearing due.
    const untrue = (pending?.kind === 'VERIFICATION_REPORT' && pending.finding === 'UNTRUE') || (pending?.kind === 'NO_ACCOUNTABILITY' && pending.allegationUntrue);
    if (untrue) clearingDue(next, next.closure!.at, clock);
    if (pending?.kind === 'INVESTIGATION_REPORT' && p.forms && next.decision && next.tolerance?.mitigation) {
      next.decision.forms = p.forms;
      next.decision.leniency = next.tolerance.mitigation;
    }
  },
};
