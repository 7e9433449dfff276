import { join } from 'node:path';
import { NativeConnection, Runtime, DefaultLogger } from '@temporalio/worker';
import { loadConfig } from '@dandang/config';
import { createDataSource } from '@dandang/persistence';
import { bundleCaseWorkflows, createCaseWorker } from '@dandang/worker-runtime';

async function main(): Promise<void> {
  const config = loadConfig();
  Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: [] });
  const dataSource = await createDataSource(config.databaseUrl, { applicationName: 'dandang-worker' }).initialize();
  const connection = await NativeConnection.connect({ address: config.temporal.address });
  const workflowBundle = config.workflowBundlePath
    ? { codePath: config.workflowBundlePath }
    : await bundleCaseWorkflows(join(__dirname, '..', '..', '..', '..'));
  const worker = await createCaseWorker({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    dataSource,
    workflowBundle,
    notificationWebhook: config.notificationWebhook,
    maxCachedWorkflows: config.workerMaxCachedWorkflows,
    workflowThreads: config.workerWorkflowThreads,
  });
  // Stop polling, let running tasks finish, then close connections; a second signal is ignored.
  const stop = () => {
    if (worker.getState() === 'RUNNING') worker.shutdown();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  console.log(`worker: polling task queue ${config.temporal.taskQueue} on ${config.temporal.address}`);
  try {
    await worker.run();
  } finally {
    await connection.close();
    await dataSource.destroy();
  }
}

main().catch((e) => {
  console.error(`worker: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
