import type { CaseDeadline, CaseEvent, CaseState, DeadlineRung } from '@dandang/contracts';
import { SYSTEM_ACTOR, advanceDeadline, fireRung, nextRung } from '../deadlines/stage-clock';
import { closeBySystem } from '../case/system-closure';
import type { ClockContext } from '../deadlines/duration';
import { decisionRevoked } from './apply-aftercare';
import { fireStepRung, runningStepClocks } from './step-clocks';
import { closureAfterService } from './person-appeals';

/** The next thing a case's clocks do on their own: a rung of the stage clock or of a correction item, or a closure. */
export type ClockEvent =
  | { kind: 'STAGE_RUNG'; at: string; rung: DeadlineRung }
  | { kind: 'ITEM_RUNG'; at: string; rung: DeadlineRung; itemId: string }
  | { kind: 'STEP_RUNG'; at: string; rung: DeadlineRung; clock: string }
  | { kind: 'CLOSE_AFTER_DECISION'; at: string; reason: 'APPEAL_WINDOW_CLOSED' | 'APPEAL_DECIDED' };

/**
 * Every clock of the case, earliest first (the stage clock first on a tie): the stage clock, each open correction
 * item's clock (same ladder), and, once the decision is served, the appeal window — when it runs out without an
 * appeal, or once the appeal is decided, the case closes; and the step clocks beside the stage's (an appeal's
 * decision, a name clearing, notices owed to the reporter). Given the case's calendar (`workingDays`), working-day
 * clocks place their rungs on working days (`deadlineRungs`); cases started before that keep time fractions.
 */
export function nextClockEvent(state: CaseState, workingDays?: ClockContext): ClockEvent | undefined {
  const rules = state.policy.deadlineRules;
  const due: ClockEvent[] = [];
  const stageRung = nextRung(state.deadline, rules, workingDays);
  if (stageRung) due.push({ kind: 'STAGE_RUNG', at: stageRung.at, rung: stageRung });
  for (const item of state.correction?.items ?? []) {
    const rung = item.status === 'OPEN' ? nextRung(item.deadline, rules, workingDays) : undefined;
    if (rung) due.push({ kind: 'ITEM_RUNG', at: rung.at, rung, itemId: item.id });
  }
  for (const step of runningStepClocks(state)) {
    const rung = nextRung(step.deadline, rules, workingDays);
    if (rung) due.push({ kind: 'STEP_RUNG', at: rung.at, rung, clock: step.key });
  }
  const closure = state.stage === 'SERVED' ? closureAfterService(state) : undefined;
  if (closure) due.push({ kind: 'CLOSE_AFTER_DECISION', ...closure });
  return due.reduce<ClockEvent | undefined>((first, e) => (!first || Date.parse(e.at) < Date.parse(first.at) ? e : first), undefined);
}

/** What the clock event does to the case: version + 1 and a system-authored event, like a stage clock's rung. */
export function fireClockEvent(state: CaseState, due: ClockEvent, now: Date, clock?: ClockContext): { state: CaseState; event: CaseEvent } {
  if (due.kind === 'STAGE_RUNG') return fireRung(state, due.rung, now);
  const at = now.toISOString();
  const next: CaseState = JSON.parse(JSON.stringify(state)) as CaseState;
  next.version = state.version + 1;
  const base = {
    caseId: state.caseId,
    version: next.version,
    actorId: SYSTEM_ACTOR.userId,
    actorName: SYSTEM_ACTOR.displayName,
    actorRole: 'SYSTEM' as const,
    occurredAt: at,
    fromStage: state.stage,
  };
  if (due.kind === 'ITEM_RUNG') {
    const item = next.correction!.items.find((i) => i.id === due.itemId)!;
    const deadline: CaseDeadline = item.deadline!;
    item.deadline = advanceDeadline(deadline, due.rung);
    return {
      state: next,
      event: {
        ...base,
        action: 'deadlineRung',
        reason: `${due.rung.kind} (correction item ${item.id} due ${deadline.dueAt})`,
        toStage: state.stage,
        payload: { clock: `correction:${item.id}`, itemId: item.id, rung: due.rung.id, kind: due.rung.kind, scheduledAt: due.rung.at, dueAt: deadline.dueAt },
      },
    };
  }
  if (due.kind === 'STEP_RUNG') {
    const deadline = fireStepRung(next, due.clock, due.rung);
    return {
      state: next,
      event: {
        ...base,
        action: 'deadlineRung',
        reason: `${due.rung.kind} (${due.clock} due ${deadline.dueAt})`,
        toStage: state.stage,
        payload: { clock: due.clock, rung: due.rung.id, kind: due.rung.kind, scheduledAt: due.rung.at, dueAt: deadline.dueAt },
      },
    };
  }
  // A revoked decision is corrected (纠正), never "final".
  closeBySystem(next, decisionRevoked(state) ? 'DECISION_CORRECTED' : 'DECISION_FINAL', at, clock);
  return {
    state: next,
    event: {
      ...base,
      action: due.reason === 'APPEAL_WINDOW_CLOSED' ? 'appealWindowClosed' : 'caseClosedAfterAppeal',
      reason: due.reason,
      toStage: 'CLOSED',
      payload: { windowEndsAt: state.appeal?.windowEndsAt, appealOutcome: state.appeal?.decision?.outcome },
    },
  };
}
