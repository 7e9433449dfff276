import type { CaseDeadline, CaseState, Stage, StepClock } from '@dandang/contracts';
import type { ClockContext } from './duration';
import { freshClock } from './stage-clock';

/**
 * The clock of a step within a stage (an inquiry's reply, an appeal's decision), started at `start` with the step's
 * limit in the case's policy: same ladder as a stage clock. Undefined when the policy sets the step no limit (policies
 * pinned before step clocks) or the case keeps no clocks (no pinned calendar).
 */
export function startStepClock(
  state: Pick<CaseState, 'policy'>,
  step: StepClock,
  stage: Stage,
  start: Date,
  context: ClockContext | undefined,
): CaseDeadline | undefined {
  const limit = state.policy.stepLimits?.[step];
  return limit && context ? freshClock(stage, limit, start, context, step) : undefined;
}
