/**
 * The baseline worker, run by bench/run.ts as a child process (like the case worker) so that the two are measured
 * alike: env TEMPORAL_ADDRESS, BENCH_TASK_QUEUE, BENCH_BUNDLE_PATH (the bundle of baseline.workflow).
 */
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import type { BaselineActivities } from './baseline.workflow';

async function main(): Promise<void> {
  const address = process.env['TEMPORAL_ADDRESS'];
  const taskQueue = process.env['BENCH_TASK_QUEUE'];
  const codePath = process.env['BENCH_BUNDLE_PATH'];
  if (!address || !taskQueue || !codePath) throw new Error('TEMPORAL_ADDRESS, BENCH_TASK_QUEUE and BENCH_BUNDLE_PATH are required');
  Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: [] });
  const connection = await NativeConnection.connect({ address });
  const activities: BaselineActivities = { noop: async (step) => step };
  const worker = await Worker.create({ connection, namespace: 'default', taskQueue, workflowBundle: { codePath }, activities });
  const stop = () => {
    if (worker.getState() === 'RUNNING') worker.shutdown();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  console.log(`baseline worker: polling ${taskQueue}`);
  try {
    await worker.run();
  } finally {
    await connection.close();
  }
}

main().catch((e) => {
  console.error(`baseline worker: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
