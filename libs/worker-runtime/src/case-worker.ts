import { type NativeConnection, Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { createCaseActivities, createClockActivities, createNotificationActivities } from '@dandang/activities';
import { CaseProjectionRepository, NotificationRepository, ReviewRepository } from '@dandang/persistence';

export interface CaseWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  dataSource: DataSource;
  /** Path of a prebuilt bundle (production, tests) or workflow code to bundle. */
  workflowBundle: { codePath: string } | { code: string };
  notificationWebhook?: { url: string; secret: string };
  /** Workflows kept in memory between tasks (the SDK's default grows with the machine's memory). */
  maxCachedWorkflows?: number;
  /** Threads running workflow code (the SDK's workflowThreadPoolSize; its default is one). */
  workflowThreads?: number;
}

function activitiesOf(options: CaseWorkerOptions) {
  const deps = {
    projection: new CaseProjectionRepository(options.dataSource),
    reviews: new ReviewRepository(options.dataSource),
    notifications: new NotificationRepository(options.dataSource),
    webhook: options.notificationWebhook,
  };
  return { ...createCaseActivities(deps), ...createNotificationActivities(deps), ...createClockActivities(deps) };
}

/** The Temporal worker for cases: workflow bundle plus activities bound to PostgreSQL. */
export function createCaseWorker(options: CaseWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    workflowBundle: options.workflowBundle,
    activities: activitiesOf(options),
    shutdownGraceTime: '20 seconds',
    ...(options.maxCachedWorkflows ? { maxCachedWorkflows: options.maxCachedWorkflows } : {}),
    ...(options.workflowThreads ? { workflowThreadPoolSize: options.workflowThreads } : {}),
  });
}
