import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Runtime, DefaultLogger, type Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { createDataSource } from '@dandang/persistence';
import { parseMasterKeys, sealedDataConverter, type MasterKeys } from '@dandang/sealing';
import { createCaseWorker, type CaseWorkerOptions } from '@dandang/worker-runtime';
import { testServices } from './jest/test-services';
import { createTestDatabase, type TestDatabase } from './test-database';

let runtimeInstalled = false;

/** A running case worker on its own task queue, over its own database; restartable mid-test. */
export interface CaseWorkerHarness {
  taskQueue: string;
  namespace: string;
  client: Client;
  dataSource: DataSource;
  database: TestDatabase;
  startWorker(): Promise<void>;
  stopWorker(): Promise<void>;
  close(): Promise<void>;
}

export interface CaseWorkerHarnessOptions {
  /** Another Temporal server than the shared one (tests that restart their own server). */
  temporalAddress?: string;
  notificationWebhook?: { url: string; secret: string };
  effectsWebhook?: { url: string; secret: string };
  /** Keys other than the run's own (recording a history that a later run must still open). */
  masterKeys?: MasterKeys;
  /** Metrics, interceptors and sinks of the production worker's telemetry (tests of logs, metrics and traces). */
  telemetry?: Pick<CaseWorkerOptions, 'metrics' | 'interceptors' | 'sinks'>;
}

export async function startCaseWorkerHarness(options: CaseWorkerHarnessOptions = {}): Promise<CaseWorkerHarness> {
  const services = testServices();
  const address = options.temporalAddress ?? services.temporalAddress;
  // A test file that installed its own Runtime (its logger or metrics under test) keeps it.
  if (!runtimeInstalled && !Runtime._instance) {
    Runtime.install({ logger: new DefaultLogger('ERROR') });
    runtimeInstalled = true;
  }
  const namespace = 'default';
  const taskQueue = `test-${randomUUID()}`;
  const database = await createTestDatabase();
  const dataSource = await createDataSource(database.url, { poolSize: 5 }).initialize();
  const masterKeys = options.masterKeys ?? parseMasterKeys(services.masterKeys);
  const connection = await Connection.connect({ address });
  // Sealed like the API's client: a test reads what the product stores, never plaintext only tests would see.
  const client = new Client({ connection, namespace, dataConverter: sealedDataConverter(masterKeys) });
  let nativeConnection: NativeConnection | undefined;
  let worker: Worker | undefined;
  let running: Promise<void> | undefined;

  const harness: CaseWorkerHarness = {
    taskQueue,
    namespace,
    client,
    dataSource,
    database,
    async startWorker() {
      nativeConnection = await NativeConnection.connect({ address });
      worker = await createCaseWorker({
        connection: nativeConnection,
        namespace,
        taskQueue,
        dataSource,
        masterKeys,
        workflowBundle: { codePath: services.workflowBundlePath },
        notificationWebhook: options.notificationWebhook,
        effectsWebhook: options.effectsWebhook,
        ...options.telemetry,
      });
      running = worker.run();
    },
    async stopWorker() {
      if (worker?.getState() === 'RUNNING') worker.shutdown();
      await running;
      worker = undefined;
      await nativeConnection?.close();
      nativeConnection = undefined;
    },
    async close() {
      await harness.stopWorker();
      await connection.close();
      await dataSource.destroy();
      await database.drop();
    },
  };
  await harness.startWorker();
  return harness;
}
