import { type NativeConnection, Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { createCaseActivities } from '@dandang/activities';
import { CaseProjectionRepository } from '@dandang/persistence';

export interface CaseWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  dataSource: DataSource;
  /** Path of a prebuilt bundle (production, tests) or workflow code to bundle. */
  workflowBundle: { codePath: string } | { code: string };
}

/** The Temporal worker for cases: workflow bundle plus activities bound to PostgreSQL. */
export function createCaseWorker(options: CaseWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    workflowBundle: options.workflowBundle,
    activities: createCaseActivities({ projection: new CaseProjectionRepository(options.dataSource) }),
    shutdownGraceTime: '20 seconds',
  });
}
