import { type NativeConnection, Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { createCaseActivities, createNotificationActivities } from '@dandang/activities';
import { CaseProjectionRepository, NotificationRepository, ReviewRepository } from '@dandang/persistence';

export interface CaseWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  dataSource: DataSource;
  /** Path of a prebuilt bundle (production, tests) or workflow code to bundle. */
  workflowBundle: { codePath: string } | { code: string };
  notificationWebhook?: { url: string; secret: string };
}

/** The Temporal worker for cases: workflow bundle plus activities bound to PostgreSQL. */
export function createCaseWorker(options: CaseWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    workflowBundle: options.workflowBundle,
    activities: {
      ...createCaseActivities({ projection: new CaseProjectionRepository(options.dataSource), reviews: new ReviewRepository(options.dataSource) }),
      ...createNotificationActivities({
        notifications: new NotificationRepository(options.dataSource),
        webhook: options.notificationWebhook,
      }),
    },
    shutdownGraceTime: '20 seconds',
  });
}
