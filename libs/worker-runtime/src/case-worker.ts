import { Client } from '@temporalio/client';
import { type NativeConnection, Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import {
  createAuditCheckpointActivities,
  createCaseActivities,
  createClockActivities,
  createNotificationActivities,
  createRetentionActivities,
  createReviewConclusionActivities,
} from '@dandang/activities';
import {
  AuditCheckpointRepository,
  CaseProjectionRepository,
  NotificationRepository,
  ReferenceDataRepository,
  ReporterRetentionRepository,
  ReviewRepository,
  SecurityEventRepository,
} from '@dandang/persistence';
import { KeyRing, sealedDataConverter, type MasterKeys } from '@dandang/sealing';
import { caseReviewConclusions } from './case-review-conclusions';

export interface CaseWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  dataSource: DataSource;
  /** Seal every payload Temporal stores (the API's client must hold the same keys). */
  masterKeys: MasterKeys;
  /** Path of a prebuilt bundle (production, tests) or workflow code to bundle. */
  workflowBundle: { codePath: string } | { code: string };
  notificationWebhook?: { url: string; secret: string };
  /** Workflows kept in memory between tasks (the SDK's default grows with the machine's memory). */
  maxCachedWorkflows?: number;
  /** Threads running workflow code (the SDK's workflowThreadPoolSize; its default is one). */
  workflowThreads?: number;
}

function activitiesOf(options: CaseWorkerOptions, dataConverter: ReturnType<typeof sealedDataConverter>) {
  const client = new Client({ connection: options.connection, namespace: options.namespace, dataConverter });
  const deps = {
    projection: new CaseProjectionRepository(options.dataSource),
    reviews: new ReviewRepository(options.dataSource),
    notifications: new NotificationRepository(options.dataSource),
    webhook: options.notificationWebhook,
    caseReviews: caseReviewConclusions(client),
    retention: new ReporterRetentionRepository(options.dataSource),
    referenceData: new ReferenceDataRepository(options.dataSource),
    securityEvents: new SecurityEventRepository(options.dataSource),
    checkpoints: new AuditCheckpointRepository(options.dataSource),
    keyRing: new KeyRing(options.masterKeys),
  };
  return {
    ...createCaseActivities(deps),
    ...createNotificationActivities(deps),
    ...createClockActivities(deps),
    ...createReviewConclusionActivities(deps),
    ...createRetentionActivities(deps),
    ...createAuditCheckpointActivities(deps),
  };
}

/** The Temporal worker for cases: workflow bundle plus activities bound to PostgreSQL. */
export function createCaseWorker(options: CaseWorkerOptions): Promise<Worker> {
  const dataConverter = sealedDataConverter(options.masterKeys);
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    workflowBundle: options.workflowBundle,
    dataConverter,
    activities: activitiesOf(options, dataConverter),
    shutdownGraceTime: '20 seconds',
    ...(options.maxCachedWorkflows ? { maxCachedWorkflows: options.maxCachedWorkflows } : {}),
    ...(options.workflowThreads ? { workflowThreadPoolSize: options.workflowThreads } : {}),
  });
}
