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
  // 谁核实谁澄清: the officer who handled the case clears the name.
  if (state.nameClearing?.status === 'DUE' && state.nameClearing.deadline) {
    clocks.push({ key: 'name-clearing', deadline: state.nameClearing.deadline, ownerId: state.assigneeId });
  }
  // The intake officer who registered the clue answers its reporter.
  for (const n of owedReporterNotices(state)) clocks.push({ key: `reporter-notice:${n.kind}`, deadline: n.deadline, ownerId: state.registeredBy });
  return clocks;
}

/** The running step clock `key` of `s` with `rung` fired (changes `s` in place); the deadline as it was before. */
export function fireStepRung(s: CaseState, key: string, rung: DeadlineRung): CaseDeadline {
  if (key === 'appeal') {
    const before = s.appeal!.deadline!;
    s.appeal!.deadline = advanceDeadline(before, rung);
    return before;
  }
  if (key === 'name-clearing') {
    const before = s.nameClearing!.deadline!;
    s.nameClearing!.deadline = advanceDeadline(before, rung);
    return before;
  }
  const notice = s.reporterNotices!.find((n) => `reporter-notice:${n.kind}` === key)!;
  const before = notice.deadline;
  notice.deadline = advanceDeadline(before, rung);
  return before;
}

/** What a step clock's notices say it is about (the step's label), after the case's title. */
export const stepClockTitle = (state: CaseState, deadline: CaseDeadline): string =>
  deadline.step ? `${state.registration.title} — ${STEP_CLOCKS[deadline.step].zh}` : state.registration.title;
