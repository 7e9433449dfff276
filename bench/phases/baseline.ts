import { randomUUID } from 'node:crypto';
import { Client, Connection, WithStartWorkflowOperation } from '@temporalio/client';
import { BASELINE_STEPS, baselineStepUpdate, type baselineWorkflow } from '../baseline.workflow';
import { summarize, type Summary } from '../lib/stats';

export interface BaselineRound {
  concurrency: number;
  workflows: number;
  updates: number;
  seconds: number;
  updatesPerSecond: number;
  workflowsPerSecond: number;
  updateLatencyMs: Summary;
}

/**
 * One lifecycle of the bare workflow, shaped like a case: the first Update starts it (update-with-start, as
 * registration does), nine more follow one after another, each answered once its no-op activity completed.
 */
async function oneLifecycle(client: Client, taskQueue: string, latencies: number[]): Promise<void> {
  const workflowId = `bench-baseline-${randomUUID()}`;
  let t = performance.now();
  await client.workflow.executeUpdateWithStart(baselineStepUpdate, {
    args: [0],
    startWorkflowOperation: new WithStartWorkflowOperation<typeof baselineWorkflow>('baselineWorkflow', {
      workflowId,
      taskQueue,
      workflowIdConflictPolicy: 'USE_EXISTING',
    }),
  });
  latencies.push(performance.now() - t);
  const handle = client.workflow.getHandle(workflowId);
  for (let step = 1; step < BASELINE_STEPS; step++) {
    t = performance.now();
    await handle.executeUpdate(baselineStepUpdate, { args: [step] });
    latencies.push(performance.now() - t);
  }
  await handle.result();
}

/** Updates/s of the bare workflow at each concurrency: `concurrency` lifecycles in flight, `perLoop` each. */
export async function runBaseline(address: string, taskQueue: string, rounds: { concurrency: number; perLoop: number }[]): Promise<BaselineRound[]> {
  const connection = await Connection.connect({ address });
  // No payload codec, on purpose: bare Temporal, against which the Dandang side (every payload sealed) is compared.
  const client = new Client({ connection });
  try {
    await oneLifecycle(client, taskQueue, []); // warm-up: worker caches, bundle loaded
    const results: BaselineRound[] = [];
    for (const { concurrency, perLoop } of rounds) {
      const latencies: number[] = [];
      const started = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          for (let i = 0; i < perLoop; i++) await oneLifecycle(client, taskQueue, latencies);
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      const workflows = concurrency * perLoop;
      results.push({
        concurrency,
        workflows,
        updates: latencies.length,
        seconds: Math.round(seconds * 100) / 100,
        updatesPerSecond: Math.round((latencies.length / seconds) * 10) / 10,
        workflowsPerSecond: Math.round((workflows / seconds) * 100) / 100,
        updateLatencyMs: summarize(latencies),
      });
      console.log(`[bench] baseline c=${concurrency}: ${results.at(-1)!.updatesPerSecond} Updates/s, p99 ${results.at(-1)!.updateLatencyMs.p99} ms`);
    }
    return results;
  } finally {
    await connection.close();
  }
}
