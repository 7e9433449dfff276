import type {
  CaseDeadline,
  CaseEvent,
  CaseRegistration,
  CaseState,
  DeadlineRules,
  DeadlineRung,
  PolicyDuration,
  Stage,
  StepClock,
} from '@dandang/contracts';
import { fractionPoint, workingDayPoint } from '../calendar/time-limit';
import { addDuration, remainingDuration, type ClockContext } from './duration';

export const SYSTEM_ACTOR = { userId: '00000000-0000-4000-8000-000000000000', displayName: '系统 (system)' } as const;

/** What a stage clock needs of its case: the pinned policy, the clue's receipt, and whether it was disposed of yet. */
export type ClockedCase = Pick<CaseState, 'policy' | 'disposition'> & { registration: Pick<CaseRegistration, 'receivedAt'> };

/** The clock of `stage` entered at `now`, or undefined when the policy sets it no time limit. */
export function startStageClock(state: ClockedCase, stage: Stage, now: Date, context: ClockContext): CaseDeadline | undefined {
  const limit = state.policy.stageLimits[stage];
  if (!limit || stage === 'CLOSED') return undefined;
  return freshClock(stage, limit, clockStart(state, stage, limit, now, context), context);
}

/** A clock of `limit` from `start` on the case's calendar, nothing fired yet; `step` names a step within the stage. */
export function freshClock(stage: Stage, limit: PolicyDuration, start: Date, context: ClockContext, step?: StepClock): CaseDeadline {
  return { stage, ...(step ? { step } : {}), ...countedClock(limit, start, context) };
}

/** What a clock's ladder reads (`deadlineRungs`, `nextRung`, `advanceDeadline`): any clock, of a stage or of a step. */
export type LadderClock = Omit<CaseDeadline, 'stage' | 'step'>;

/** A clock of `limit` from `start` on the case's calendar, nothing fired yet, timing nothing named yet. */
export function countedClock(limit: PolicyDuration, start: Date, context: ClockContext): LadderClock {
  const { dueAt, unpublishedYears } = addDuration(start, limit, context);
  return {
    limit,
    startedAt: start.toISOString(),
    dueAt: dueAt.toISOString(),
    calendarVersion: context.calendar.version,
    unpublishedYears,
    fired: [],
    card: 'NONE',
    supervised: false,
    extensions: [],
  };
}

/**
 * When the clock of `stage` entered at `now` starts counting. Accepting a clue (5 WD, 检举控告规则 art. 16) and
 * proposing its disposition (1 month, 监督执纪规则) count from its receipt, which may lie before its registration;
 * a reopened clue, disposed of once already, counts its new disposition from the reopening. A drill's seconds count
 * from the stage's start: from a real receipt they would all be due at once. Never later than `now`, so a receipt
 * stamped a little ahead (registration allows a few minutes' skew) does not push the clock past the stage's start.
 */
function clockStart(state: ClockedCase, stage: Stage, limit: PolicyDuration, now: Date, context: ClockContext): Date {
  const fromReceipt = stage === 'INTAKE' || (stage === 'DISPOSITION' && !state.disposition);
  if (!context.countsFromReceipt || !fromReceipt || limit.unit === 'SECOND') return now;
  const receivedAt = new Date(state.registration.receivedAt);
  return receivedAt.getTime() < now.getTime() ? receivedAt : now;
}

/**
 * Every rung of the clock's ladder, in time order. Ids are stable, so a fired rung is never fired again. Given the
 * case's calendar (`workingDays`), a WORKING_DAY clock places its reminders, yellow card and escalation at start of
 * business on working days (`workingDayPoint`); without it, and for other units, at fractions of the elapsed time.
 * The red card is the deadline itself.
 */
export function deadlineRungs(deadline: LadderClock, rules: DeadlineRules, workingDays?: ClockContext): DeadlineRung[] {
  const start = new Date(deadline.startedAt);
  const due = new Date(deadline.dueAt);
  const span = due.getTime() - start.getTime();
  const byWorkingDays = workingDays && deadline.limit.unit === 'WORKING_DAY' ? workingDays : undefined;
  const at = (fraction: number) =>
    (byWorkingDays
      ? workingDayPoint(start, due, fraction, byWorkingDays.calendar, { region: byWorkingDays.region })
      : fraction <= 1
        ? fractionPoint(start, due, fraction)
        : new Date(due.getTime() + (fraction - 1) * span)
    ).toISOString();
  const rungs: DeadlineRung[] = [
    ...rules.reminderPoints.map((f) => ({ id: `REMINDER@${f}`, kind: 'REMINDER' as const, at: at(f) })),
    { id: 'YELLOW_CARD', kind: 'YELLOW_CARD', at: at(rules.yellowCardAt) },
    { id: 'RED_CARD', kind: 'RED_CARD', at: deadline.dueAt },
    { id: 'ESCALATION', kind: 'ESCALATION', at: at(1 + rules.escalateAfter) },
  ];
  return rungs.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || order(a) - order(b));
}

const ORDER = { REMINDER: 0, YELLOW_CARD: 1, RED_CARD: 2, ESCALATION: 3 } as const;
const order = (r: DeadlineRung) => ORDER[r.kind];

/**
 * The next rung still to fire, unless the clock stands still (suspended) or every rung has fired; `workingDays` as
 * for `deadlineRungs`.
 */
export function nextRung(
  deadline: LadderClock | undefined,
  rules: DeadlineRules | undefined,
  workingDays?: ClockContext,
): DeadlineRung | undefined {
  if (!deadline || !rules || deadline.suspension) return undefined;
  return deadlineRungs(deadline, rules, workingDays).find((r) => !deadline.fired.includes(r.id));
}

/** Fires a rung: the card and supervision flags change, the version moves on, the event is system-authored. */
export function fireRung(state: CaseState, rung: DeadlineRung, now: Date): { state: CaseState; event: CaseEvent } {
  const deadline = state.deadline!;
  const next: CaseState = { ...state, version: state.version + 1, deadline: advanceDeadline(deadline, rung) };
  return {
    state: next,
    event: {
      caseId: state.caseId,
      version: next.version,
      action: 'deadlineRung',
      actorId: SYSTEM_ACTOR.userId,
      actorName: SYSTEM_ACTOR.displayName,
      actorRole: 'SYSTEM',
      occurredAt: now.toISOString(),
      reason: `${rung.kind} (due ${deadline.dueAt})`,
      fromStage: state.stage,
      toStage: state.stage,
      payload: { rung: rung.id, kind: rung.kind, scheduledAt: rung.at, dueAt: deadline.dueAt, stage: deadline.stage },
    },
  };
}

/** A clock after `rung` fired: the rung is recorded, the card and supervision flags move on. */
export function advanceDeadline<D extends LadderClock>(deadline: D, rung: DeadlineRung): D {
  return {
    ...deadline,
    fired: [...deadline.fired, rung.id],
    card: rung.kind === 'YELLOW_CARD' && deadline.card === 'NONE' ? 'YELLOW' : rung.kind === 'RED_CARD' || rung.kind === 'ESCALATION' ? 'RED' : deadline.card,
    supervised: deadline.supervised || rung.kind === 'ESCALATION',
  };
}

/** 中止: the clock stops; what is left is kept to count again on resumption. */
export function suspendClock(deadline: CaseDeadline, reason: string, now: Date, context: ClockContext): CaseDeadline {
  return {
    ...deadline,
    suspension: { since: now.toISOString(), reason, remaining: remainingDuration(now, new Date(deadline.dueAt), deadline.limit.unit, context) },
  };
}

/** Resumption: the deadline is counted again from now over the time that was left. */
export function resumeClock(deadline: CaseDeadline, now: Date, context: ClockContext): CaseDeadline {
  const remaining: PolicyDuration = deadline.suspension!.remaining;
  const { dueAt, unpublishedYears } = addDuration(now, remaining, context);
  const running: CaseDeadline = { ...deadline };
  delete running.suspension;
  // The ladder runs again over the time that was left; a card already shown stays until a rung changes it.
  return { ...running, startedAt: now.toISOString(), dueAt: dueAt.toISOString(), unpublishedYears, fired: [] };
}

/** 延期: the deadline moves on by `amount` of the limit's unit, counted from the current deadline; any clock, of a stage or of a step. */
export function extendClock<D extends LadderClock>(
  deadline: D,
  extension: { amount: number; reason: string; approvedBy: string },
  now: Date,
  context: ClockContext,
): D {
  const { dueAt, unpublishedYears } = addDuration(new Date(deadline.dueAt), { ...deadline.limit, amount: extension.amount } as PolicyDuration, context);
  return {
    ...deadline,
    dueAt: dueAt.toISOString(),
    unpublishedYears: [...new Set([...deadline.unpublishedYears, ...unpublishedYears])],
    extensions: [...deadline.extensions, { ...extension, at: now.toISOString() }],
    // The ladder starts again towards the new deadline; a supervised matter (督办) stays supervised.
    fired: [],
    card: 'NONE',
  };
}

/** Total extension already granted on the clock, in the limit's unit. */
export const extendedSoFar = (deadline: CaseDeadline): number => deadline.extensions.reduce((sum, e) => sum + e.amount, 0);

/**
 * A clock after its case took newly published calendar years (`withNewlyPublishedYears`): the days not yet passed
 * are counted again on the new calendar, the days passed keep the judgement they had. What was left at the later of
 * now and the clock's start is counted again from there. A suspended clock keeps what it has left (its resumption
 * counts on the new calendar), as does one already due or counted in seconds; the same clock comes back then.
 */
export function recountOnNewCalendar(deadline: CaseDeadline, now: Date, before: ClockContext, after: ClockContext): CaseDeadline {
  const newYears = deadline.unpublishedYears.filter((year) => after.calendar.years[year] !== undefined);
  const due = new Date(deadline.dueAt);
  if (newYears.length === 0 || deadline.suspension || deadline.limit.unit === 'SECOND' || due.getTime() <= now.getTime()) return deadline;
  const from = new Date(Math.max(now.getTime(), Date.parse(deadline.startedAt)));
  const left = remainingDuration(from, due, deadline.limit.unit, before);
  const { dueAt, unpublishedYears } = addDuration(from, left, after);
  const stillUnpublished = deadline.unpublishedYears.filter((year) => after.calendar.years[year] === undefined);
  return {
    ...deadline,
    dueAt: dueAt.toISOString(),
    calendarVersion: after.calendar.version,
    unpublishedYears: [...new Set([...stillUnpublished, ...unpublishedYears])].sort((a, b) => a - b),
  };
}

/**
 * The case after it took newly published calendar years (`after`): its stage clock counted again
 * (`recountOnNewCalendar`), recorded as a system event; undefined when the clock does not move.
 */
export function recountStageClock(
  state: CaseState,
  now: Date,
  before: ClockContext,
  after: ClockContext,
): { state: CaseState; event: CaseEvent } | undefined {
  const deadline = state.deadline && recountOnNewCalendar(state.deadline, now, before, after);
  if (!deadline || deadline === state.deadline) return undefined;
  const next: CaseState = { ...state, version: state.version + 1, deadline };
  return {
    state: next,
    event: {
      caseId: state.caseId,
      version: next.version,
      action: 'deadlineRecounted',
      actorId: SYSTEM_ACTOR.userId,
      actorName: SYSTEM_ACTOR.displayName,
      actorRole: 'SYSTEM',
      occurredAt: now.toISOString(),
      reason: `calendar ${after.calendar.version}`,
      fromStage: state.stage,
      toStage: state.stage,
      payload: { stage: deadline.stage, previousDueAt: state.deadline!.dueAt, dueAt: deadline.dueAt, calendarVersion: deadline.calendarVersion },
    },
  };
}
