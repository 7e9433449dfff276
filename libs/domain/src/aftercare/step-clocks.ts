import { STEP_CLOCKS, type CaseDeadline, type CaseState, type DeadlineRung } from '@dandang/contracts';
import { advanceDeadline } from '../deadlines/stage-clock';
import { owedReporterNotices } from '../reporter-identity/reporter-notices';

/**
 * A step's clock running beside the stage's: an appeal's decision, a name clearing, a notice owed to the reporter.
 * `key` names it in the case (and in its rungs' events); `ownerId` is who its rungs reach.
 */
export interface RunningStepClock {
  key: string;
  deadline: CaseDeadline;
  ownerId: string | undefined;
}

/** The step clocks of the case still running (their step not yet done). */
export function runningStepClocks(state: CaseState): RunningStepClock[] {
  const clocks: RunningStepClock[] = [];
  const appeal = state.stage === 'SERVED' ? state.appeal : undefined;
  if (appeal?.filed && !appeal.decision && appeal.deadline) clocks.push({ key: 'appeal', deadline: appeal.deadline, ownerId: state.assigneeId });
  // The other persons' appeals, each on its own clock.
  for (const a of state.stage === 'SERVED' ? (state.personAppeals ?? []) : []) {
    if (!a.decision && a.deadline) clocks.push({ key: `appeal:${a.personId}`, deadline: a.deadline, ownerId: state.assigneeId });
  }
  // 谁核实谁澄清: the officer who handled the case clears the name.
  if (state.nameClearing?.status === 'DUE' && state.nameClearing.deadline) {
    clocks.push({ key: 'name-clearing', deadline: state.nameClearing.deadline, ownerId: state.assigneeId });
  }
  // The intake officer who registered the clue answers its reporter.
  for (const n of owedReporterNotices(state)) clocks.push({ key: `reporter-notice:${n.kind}`, deadline: n.deadline, ownerId: state.registeredBy });
  // The time each person concerned has to answer the facts (陈述申辩), while the investigation waits for it.
  if (state.stage === 'INVESTIGATION') {
    for (const p of state.persons ?? []) {
      if (p.statement?.deadline && !p.statement.answer) clocks.push({ key: `statement:${p.personId}`, deadline: p.statement.deadline, ownerId: state.assigneeId });
    }
  }
  if (state.exemptionNotice?.deadline && !state.exemptionNotice.record) {
    clocks.push({ key: 'exemption-notice', deadline: state.exemptionNotice.deadline, ownerId: state.assigneeId });
  }
  if (state.announcement?.deadline && !state.announcement.announcedAt) {
    clocks.push({ key: 'announcement', deadline: state.announcement.deadline, ownerId: state.assigneeId });
  }
  // A visit's clock runs from its date until it is made (回访, 关爱回访).
  for (const v of state.followUp ?? []) {
    if (v.deadline && !v.record) clocks.push({ key: `visit:${v.id}`, deadline: v.deadline, ownerId: state.assigneeId });
  }
  for (const m of state.measureExecutions ?? []) {
    if (m.deadline && !m.completedAt) clocks.push({ key: `measures:${m.personId}`, deadline: m.deadline, ownerId: state.assigneeId });
  }
  return clocks;
}

/** The running step clock `key` of `s` with `rung` fired (changes `s` in place); the deadline as it was before. */
export function fireStepRung(s: CaseState, key: string, rung: DeadlineRung): CaseDeadline {
  const holder = clockHolder(s, key);
  const before = holder.deadline!;
  holder.deadline = advanceDeadline(before, rung);
  return before;
}

/** The part of the case that keeps the step clock `key`. */
function clockHolder(s: CaseState, key: string): { deadline?: CaseDeadline } {
  if (key === 'appeal') return s.appeal!;
  if (key.startsWith('appeal:')) return s.personAppeals!.find((a) => `appeal:${a.personId}` === key)!;
  if (key === 'name-clearing') return s.nameClearing!;
  if (key === 'announcement') return s.announcement!;
  if (key === 'exemption-notice') return s.exemptionNotice!;
  if (key.startsWith('statement:')) return s.persons!.find((p) => `statement:${p.personId}` === key)!.statement!;
  if (key.startsWith('visit:')) return s.followUp!.find((v) => `visit:${v.id}` === key)!;
  if (key.startsWith('measures:')) return s.measureExecutions!.find((m) => `measures:${m.personId}` === key)!;
  return s.reporterNotices!.find((n) => `reporter-notice:${n.kind}` === key)!;
}

/** What a step clock's notices say it is about (the step's label), after the case's title. */
export const stepClockTitle = (state: CaseState, deadline: CaseDeadline): string =>
  deadline.step ? `${state.registration.title} — ${STEP_CLOCKS[deadline.step].zh}` : state.registration.title;
