import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { loadMasterKeys } from '@dandang/config';
import { createDataSource, DEMO_PASSWORD } from '@dandang/persistence';
import { sealedDataConverter } from '@dandang/sealing';
import { buildForProcesses, testServices, type ProcessBuild } from '@dandang/testing';
import { startCluster, type Cluster } from '../../tools/cluster/cluster';
import type { DemoUserName } from './api-harness';

/** One API process over HTTP, shaped like the in-process harness (`http`, `token`) so that test/support's drivers take it. */
export interface HttpApi {
  url: string;
  http: ReturnType<typeof request>;
  token(user: DemoUserName): Promise<string>;
}

/**
 * The cluster profile (tools/cluster/cluster.ts) for a test file: PostgreSQL, a Temporal cluster on it, two workers
 * and two API processes with NODE_ENV=production, all OS processes, in a temporary folder; the entry points compiled
 * into a folder of the test's own. Plus what the test checks with: a Temporal client and a DataSource as the
 * application role, which outlive every restart.
 */
export interface ClusterLab {
  cluster: Cluster;
  build: ProcessBuild;
  apis: HttpApi[];
  client: Client;
  dataSource: DataSource;
  close(): Promise<void>;
}

export function httpApi(url: string, tokens = new Map<DemoUserName, string>()): HttpApi {
  const http = request(url);
  return {
    url,
    http,
    async token(user) {
      if (!tokens.has(user)) {
        const res = await http.post('/api/auth/login').send({ username: user, password: DEMO_PASSWORD });
        if (res.status !== 200) throw new Error(`login ${user} at ${url}: ${res.status} ${JSON.stringify(res.body)}`);
        tokens.set(user, res.body.accessToken);
      }
      return tokens.get(user)!;
    },
  };
}

export async function startClusterLab(log: (line: string) => void = () => undefined): Promise<ClusterLab> {
  const root = join(__dirname, '..', '..');
  const dataDir = mkdtempSync(join(tmpdir(), 'dandang-cluster-'));
  chmodSync(dataDir, 0o755); // PostgreSQL runs as the postgres user when we are root
  const undo: Array<() => Promise<unknown>> = [async () => rmSync(dataDir, { recursive: true, force: true })];
  const close = async () => {
    const failures: unknown[] = [];
    for (const step of undo.splice(0).reverse()) await step().catch((e: unknown) => failures.push(e));
    if (failures.length) throw failures[0];
  };
  try {
    const build = await buildForProcesses(root, ['apps/api', 'apps/worker', 'libs', 'workflows', 'activities', 'tools']);
    undo.push(() => build.remove());
    const cluster = await startCluster({
      root,
      dataDir,
      scripts: {
        api: build.script('apps/api/src/main.ts'),
        worker: build.script('apps/worker/src/main.ts'),
        migrate: build.script('apps/api/src/migrate.ts'),
        postgresHost: build.script('libs/embedded-services/src/postgres-host.ts'),
        workflowBundle: testServices().workflowBundlePath,
        env: build.env,
      },
      demoData: true,
      // Every test request comes from 127.0.0.1: the per-address sign-in limit is the test's own to set.
      settings: { LOGIN_RATE_LIMIT: '100000' },
      log,
    });
    undo.push(() => cluster.stop());
    const dataSource = await createDataSource(cluster.databaseUrls.app, { poolSize: 4, applicationName: 'cluster-test' }).initialize();
    undo.push(() => dataSource.destroy());
    const connection = await Connection.connect({ address: cluster.temporalAddress });
    undo.push(() => connection.close());
    const masterKeys = loadMasterKeys({ MASTER_KEYS_FILE: cluster.env.workers[0]['MASTER_KEYS_FILE'] });
    const client = new Client({ connection, namespace: cluster.namespace, dataConverter: sealedDataConverter(masterKeys) });
    // One token store for all APIs: a session signed in at one API process is good at every other.
    const tokens = new Map<DemoUserName, string>();
    return { cluster, build, apis: cluster.apiUrls.map((u) => httpApi(u, tokens)), client, dataSource, close };
  } catch (e) {
    await close().catch(() => undefined);
    throw e;
  }
}
