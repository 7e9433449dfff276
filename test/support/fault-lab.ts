import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import type { DataSource } from 'typeorm';
import { loadConfig } from '@dandang/config';
import {
  freePort,
  startPostgresProcess,
  startTemporalDevServer,
  type PostgresProcess,
  type RunningDevServer,
} from '@dandang/embedded-services/temporal';
import { createDataSource, ensureDatabaseRoles, ensureOwnedDatabase, grantApplicationRole, migrate, seedDemoData, urlAs } from '@dandang/persistence';
import { parseMasterKeys, sealedDataConverter } from '@dandang/sealing';
import { buildForProcesses, startWorkerProcess, TEST_DATABASE_ROLES, testServices, type WorkerProcess } from '@dandang/testing';
import { startApi, type RunningApi } from './api-harness';

const DATABASE = 'dandang';
const TASK_QUEUE = 'dandang-cases';

/**
 * The whole system on servers of its own, so that killing them disturbs no other test file: a Temporal dev server
 * (own port and SQLite file), an embedded PostgreSQL cluster (own port and data folder, migrated and seeded like the
 * shared template), the production worker as an OS process, and the API in this process.
 */
export interface FaultLab {
  api: RunningApi;
  /** For the test's own checks: a Temporal client and a DataSource that outlive every restart. */
  client: Client;
  dataSource: DataSource;
  taskQueue: string;
  /** SIGKILL of the worker process. */
  killWorker(): Promise<void>;
  /** Starts a worker process; resolves once it polls. */
  startWorker(): Promise<void>;
  /** SIGKILL of the Temporal dev server. */
  killTemporal(): Promise<void>;
  /** Starts the dev server again on its state file and port; resolves once it answers. */
  startTemporal(): Promise<void>;
  stopPostgres(): Promise<void>;
  startPostgres(): Promise<void>;
  /** How every worker process that ended without being killed by the lab ended, with its last output. */
  unexpectedWorkerExits: string[];
  close(): Promise<void>;
}

export async function startFaultLab(): Promise<FaultLab> {
  const root = join(__dirname, '..', '..');
  const work = mkdtempSync(join(tmpdir(), 'dandang-faults-'));
  chmodSync(work, 0o755); // PostgreSQL runs as the postgres user when we are root
  // What to undo, newest first; also when the setup itself fails half-way, so that no server outlives the test.
  const undo: Array<() => Promise<unknown>> = [async () => rmSync(work, { recursive: true, force: true })];
  const close = async () => {
    const failures: unknown[] = [];
    for (const step of undo.reverse()) await step().catch((e: unknown) => failures.push(e));
    if (failures.length) throw failures[0];
  };
  try {
    const dbFile = join(work, 'temporal.db');
    const [temporalPort, postgresPort] = await Promise.all([freePort(), freePort()]);
    const build = await buildForProcesses(root);
    undo.push(() => build.remove());
    let temporal: RunningDevServer = await startTemporalDevServer({ dbFile, port: temporalPort });
    undo.push(() => temporal.stop());
    const postgres = await startPostgresProcess({
      hostScript: build.script('libs/embedded-services/src/postgres-host.ts'),
      dataDir: join(work, 'pg'),
      port: postgresPort,
      env: { ...process.env, ...build.env },
    });
    undo.push(() => postgres.close());
    // Migrated as the owner role; the API, the worker and the test connect as the application role, as deployed.
    await createDatabase(postgres, DATABASE);
    const owner = await createDataSource(urlAs(postgres.urlFor(DATABASE), TEST_DATABASE_ROLES.owner), { poolSize: 1 }).initialize();
    try {
      await migrate(owner);
      await grantApplicationRole(owner, TEST_DATABASE_ROLES.app.name);
      await seedDemoData(owner);
    } finally {
      await owner.destroy();
    }
    const databaseUrl = urlAs(postgres.urlFor(DATABASE), TEST_DATABASE_ROLES.app);
    const dataSource = await createDataSource(databaseUrl, { poolSize: 5, applicationName: 'fault-injection-test' }).initialize();
    undo.push(() => dataSource.destroy());

    const env = {
      ...build.env,
      NODE_ENV: 'test',
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_TASK_QUEUE: TASK_QUEUE,
      WORKFLOW_BUNDLE_PATH: testServices().workflowBundlePath,
      MASTER_KEYS: testServices().masterKeys,
      DANDANG_EMBEDDED_DATABASE: '1',
    };
    const unexpectedWorkerExits: string[] = [];
    let worker: WorkerProcess | undefined;
    let killing = false;
    const startWorker = async () => {
      const started = await startWorkerProcess(build.script('apps/worker/src/main.ts'), env);
      worker = started;
      void started.exited.then(({ code, signal }) => {
        if (!killing) unexpectedWorkerExits.push(`worker ${started.pid} ended by itself (${code ?? signal}):\n${started.output()}`);
      });
    };
    undo.push(async () => {
      killing = true;
      await worker?.stop();
    });
    await startWorker();

    const connection = await Connection.connect({ address: temporal.address });
    undo.push(() => connection.close());
    const client = new Client({ connection, namespace: 'default', dataConverter: sealedDataConverter(parseMasterKeys(testServices().masterKeys)) });
    const api = await startApi(loadConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporal.address, TEMPORAL_TASK_QUEUE: TASK_QUEUE, MASTER_KEYS: testServices().masterKeys, DANDANG_EMBEDDED_DATABASE: '1' }));
    undo.push(() => api.close());

    return {
      api,
      client,
      dataSource,
      taskQueue: TASK_QUEUE,
      async killWorker() {
        killing = true;
        await worker?.kill();
        killing = false;
      },
      startWorker,
      killTemporal: () => temporal.kill(),
      async startTemporal() {
        temporal = await startTemporalDevServer({ dbFile, port: temporalPort });
      },
      stopPostgres: () => postgres.stop(),
      startPostgres: () => postgres.start(),
      unexpectedWorkerExits,
      close,
    };
  } catch (e) {
    await close().catch(() => undefined);
    throw e;
  }
}

async function createDatabase(postgres: PostgresProcess, name: string): Promise<void> {
  const admin = new PgClient({ connectionString: postgres.urlFor('postgres') });
  await admin.connect();
  try {
    await ensureDatabaseRoles(admin, TEST_DATABASE_ROLES);
    await ensureOwnedDatabase(admin, name, { owner: TEST_DATABASE_ROLES.owner.name, app: TEST_DATABASE_ROLES.app.name });
  } finally {
    await admin.end();
  }
}
