import { NativeConnection, Runtime, DefaultLogger } from '@temporalio/worker';
import { loadConfig, type AppConfig } from '@dandang/config';
import { createDataSource } from '@dandang/persistence';
import { bundleCaseWorkflows, createCaseWorker, ensureAuditCheckpointSchedule, ensureRetentionSchedule, type CaseWorkerOptions } from '@dandang/worker-runtime';

async function main(): Promise<void> {
  const config = loadConfig();
  Runtime.install({ logger: new DefaultLogger('WARN'), shutdownSignals: [] });
  const dataSource = await createDataSource(config.databaseUrl, { applicationName: 'dandang-worker' }).initialize();
  const connection = await NativeConnection.connect({ address: config.temporal.address, tls: config.temporal.tls });
  const workflowBundle = await workflowBundleOf(config);
  const worker = await createCaseWorker({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    dataSource,
    masterKeys: config.masterKeys,
    workflowBundle,
    notificationWebhook: config.notificationWebhook,
    maxCachedWorkflows: config.workerMaxCachedWorkflows,
    workflowThreads: config.workerWorkflowThreads,
  });
  // The daily erasure of reporter identities past their retention (保存期限), made or updated idempotently.
  await ensureRetentionSchedule({ connection, namespace: config.temporal.namespace, taskQueue: config.temporal.taskQueue, masterKeys: config.masterKeys });
  // Signed checkpoints of every audit chain's head, so that a trail cut or rewritten inside PostgreSQL shows.
  await ensureAuditCheckpointSchedule({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    masterKeys: config.masterKeys,
    intervalSeconds: config.auditCheckpointIntervalSeconds,
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

/** The prebuilt bundle the configuration names, else one made now from the repository's workflow sources. */
async function workflowBundleOf(config: AppConfig): Promise<CaseWorkerOptions['workflowBundle']> {
  if (config.workflowBundlePath) return { codePath: config.workflowBundlePath };
  if (!config.workflowSourceRoot) throw new Error('WORKFLOW_BUNDLE_PATH is required where there are no workflow sources to bundle');
  return bundleCaseWorkflows(config.workflowSourceRoot);
}

main().catch((e) => {
  console.error(`worker: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
