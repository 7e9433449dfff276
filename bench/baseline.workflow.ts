/**
 * The baseline of `npm run bench`: a bare Temporal workflow with the shape of one case lifecycle and nothing else.
 * Thirteen Updates, each awaiting one no-op activity before it answers (a case action awaits its projection), then the
 * workflow completes. No domain rules, no PostgreSQL, no HTTP: the ceiling our overhead is measured against.
 */
import { allHandlersFinished, condition, defineUpdate, proxyActivities, setHandler } from '@temporalio/workflow';

// Registration and the twelve steps of SERVED_LIFECYCLE (libs/testing), which the API phase drives.
export const BASELINE_STEPS = 13;
export const baselineStepUpdate = defineUpdate<number, [number]>('step');

export interface BaselineActivities {
  noop(step: number): Promise<number>;
}

const { noop } = proxyActivities<BaselineActivities>({ startToCloseTimeout: '15 seconds' });

export async function baselineWorkflow(): Promise<number> {
  let done = 0;
  setHandler(baselineStepUpdate, async (step: number) => {
    const answer = await noop(step);
    done += 1;
    return answer;
  });
  await condition(() => done >= BASELINE_STEPS);
  await condition(allHandlersFinished);
  return done;
}
