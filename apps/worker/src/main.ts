import { NativeConnection, Runtime } from '@temporalio/worker';
import pino from 'pino';
import { loadConfig, type AppConfig } from '@dandang/config';
import { createDataSource } from '@dandang/persistence';
import {
  bundleCaseWorkflows,
  createCaseWorker,
  createWorkerMetrics,
  ensureAuditCheckpointSchedule,
  ensureHousekeepingSchedule,
  ensureRetentionSchedule,
  freeLoopbackPort,
  startWorkerHttpServer,
  startWorkerTracing,
  temporalLoggerOf,
  type CaseWorkerOptions,
} from '@dandang/worker-runtime';

async function main(): Promise<void> {
  const config = loadConfig();
  // One JSON sink for our lines and the Temporal SDK's (workflow and activity loggers carry the request id).
  const log = pino({ level: config.logLevel, base: { service: 'dandang-worker' } });
  const tracing = startWorkerTracing(config.otlpEndpoint);
  const metrics = config.metrics.workerPort !== undefined ? createWorkerMetrics() : undefined;
  // The SDK's own metrics on a loopback port of their own, served through the worker's /metrics.
  const sdkMetricsPort = metrics ? await freeLoopbackPort() : undefined;
  Runtime.install({
    logger: temporalLoggerOf(log),
    shutdownSignals: [],
    ...(sdkMetricsPort ? { telemetryOptions: { metrics: { prometheus: { bindAddress: `127.0.0.1:${sdkMetricsPort}` } } } } : {}),
  });
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
    effectsWebhook: config.effectsWebhook,
    maxCachedWorkflows: config.workerMaxCachedWorkflows,
    workflowThreads: config.workerWorkflowThreads,
    metrics,
    interceptors: tracing?.interceptors,
    sinks: tracing?.sinks,
  });
  const schedule = { connection, namespace: config.temporal.namespace, taskQueue: config.temporal.taskQueue, masterKeys: config.masterKeys };
  // The daily erasure of reporter identities past their retention (保存期限), made or updated idempotently.
  await ensureRetentionSchedule(schedule);
  // Signed checkpoints of every audit chain's head, so that a trail cut or rewritten inside PostgreSQL shows.
  await ensureAuditCheckpointSchedule({ ...schedule, intervalSeconds: config.auditCheckpointIntervalSeconds });
  // The daily purge of expired idempotency keys, login failures, sessions and read notifications.
  await ensureHousekeepingSchedule({ ...schedule, retention: config.housekeeping });
  const http =
    metrics && config.metrics.workerPort !== undefined
      ? await startWorkerHttpServer({
          port: config.metrics.workerPort,
          host: config.metrics.host,
          metrics,
          sdkMetricsUrl: `http://127.0.0.1:${sdkMetricsPort}/metrics`,
          isReady: () => worker.getState() === 'RUNNING',
        })
      : undefined;
  // Stop polling, let running tasks finish, then close connections; a second signal is ignored.
  const stop = () => {
    if (worker.getState() === 'RUNNING') worker.shutdown();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // At info whatever LOG_LEVEL says (it is `error` under NODE_ENV=test): supervisors wait for this line
  // (libs/testing/src/worker-process.ts, tools/cluster).
  log.child({}, { level: 'info' }).info(`worker: polling task queue ${config.temporal.taskQueue} on ${config.temporal.address}`);
  try {
    await worker.run();
  } finally {
    http?.close();
    await connection.close();
    await dataSource.destroy();
    await tracing?.shutdown();
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
