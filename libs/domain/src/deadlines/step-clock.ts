import type { CaseDeadline, CaseState, Stage, StepClock } from '@dandang/contracts';
import { addDuration, type ClockContext } from './duration';

/**
 * The clock of a step within a stage (an appeal's decision), started at `start` with the step's limit in the case's
 * policy: same ladder as a stage clock. Undefined when the policy sets the step no limit (policies pinned before
 * step clocks) or the case keeps no clocks (no pinned calendar).
 */
export function startStepClock(
  state: Pick<CaseState, 'policy'>,
  step: StepClock,
  stage: Stage,
  start: Date,
  context: ClockContext | undefined,
): CaseDeadline | undefined {
  const limit = state.policy.stepLimits?.[step];
  if (!limit || !context) return undefined;
  const { dueAt, unpublishedYears } = addDuration(start, limit, context);
  return {
    stage,
    step,
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
