import { Client } from '@temporalio/client';
import { type NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import {
  createAuditCheckpointActivities,
  createCaseActivities,
  createClockActivities,
  createHousekeepingActivities,
  createNotificationActivities,
  createRetentionActivities,
  createReviewConclusionActivities,
  createReassignmentActivities,
} from '@dandang/activities';
import {
  AuditCheckpointRepository,
  CaseReadRepository,
  CaseProjectionRepository,
  HousekeepingRepository,
  NotificationRepository,
  OfficialEffectsRepository,
  ReferenceDataRepository,
  ReporterRetentionRepository,
  ReviewRepository,
  SecurityEventRepository,
  UserRepository,
} from '@dandang/persistence';
import { KeyRing, sealedDataConverter, type MasterKeys } from '@dandang/sealing';
import { caseReviewConclusions } from './case-review-conclusions';
import type { WorkerMetrics } from './telemetry';
import { caseReassignments } from './case-reassignments';

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
  /** The organisation department's receiver of the register of effects' notices. */
  effectsWebhook?: { url: string; secret: string };
  /** Workflows kept in memory between tasks (the SDK's default grows with the machine's memory). */
  maxCachedWorkflows?: number;
  /** Threads running workflow code (the SDK's workflowThreadPoolSize; its default is one). */
  workflowThreads?: number;
  /** Activity counts, lag and request ids in activity logs (apps/worker: telemetry.ts); none in most tests. */
  metrics?: WorkerMetrics;
  /** More worker interceptors and sinks (OpenTelemetry's, when tracing is configured). */
  interceptors?: WorkerOptions['interceptors'];
  sinks?: WorkerOptions['sinks'];
}

function activitiesOf(options: CaseWorkerOptions, dataConverter: ReturnType<typeof sealedDataConverter>) {
  const client = new Client({ connection: options.connection, namespace: options.namespace, dataConverter });
  const deps = {
    projection: new CaseProjectionRepository(options.dataSource),
    reviews: new ReviewRepository(options.dataSource),
    notifications: new NotificationRepository(options.dataSource),
    webhook: options.notificationWebhook,
    effectsWebhook: options.effectsWebhook,
    caseReviews: caseReviewConclusions(client),
    caseReassignments: caseReassignments(client),
    users: new UserRepository(options.dataSource),
    caseReads: new CaseReadRepository(options.dataSource),
    retention: new ReporterRetentionRepository(options.dataSource),
    referenceData: new ReferenceDataRepository(options.dataSource),
    securityEvents: new SecurityEventRepository(options.dataSource),
    checkpoints: new AuditCheckpointRepository(options.dataSource),
    keyRing: new KeyRing(options.masterKeys),
    housekeeping: new HousekeepingRepository(options.dataSource),
    effects: new OfficialEffectsRepository(options.dataSource),
    onPurged: options.metrics?.onPurged,
  };
  return {
    ...createCaseActivities(deps),
    ...createNotificationActivities(deps),
    ...createClockActivities(deps),
    ...createReviewConclusionActivities(deps),
    ...createReassignmentActivities(deps),
    ...createRetentionActivities(deps),
    ...createAuditCheckpointActivities(deps),
    ...createHousekeepingActivities(deps),
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
    interceptors: {
      ...options.interceptors,
      activity: [...(options.metrics ? [options.metrics.activityInterceptors] : []), ...(options.interceptors?.activity ?? [])],
    },
    // The workflow interceptors' span exporter (telemetry-workflow-interceptors.ts): a sink that drops them when tracing is off.
    sinks: options.sinks ?? { exporter: { export: { fn: () => undefined } } },
    ...(options.maxCachedWorkflows ? { maxCachedWorkflows: options.maxCachedWorkflows } : {}),
    ...(options.workflowThreads ? { workflowThreadPoolSize: options.workflowThreads } : {}),
  });
}
