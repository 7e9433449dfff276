import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { loadConfig, type AppConfig, type ConfigVariable } from '@dandang/config';
import { DEMO_PASSWORD, type DEMO_USERS } from '@dandang/persistence';
import { startCaseWorkerHarness, testServices, type CaseWorkerHarness, type CaseWorkerHarnessOptions } from '@dandang/testing';
import type { ApiAppOptions } from '../../apps/api/src/create-api-app';
import { createApiApp } from '../../apps/api/src/create-api-app';

export type DemoUserName = keyof typeof DEMO_USERS;

/** The HTTP API in this process, driven with supertest, with a token per demo user. */
export interface RunningApi {
  app: INestApplication;
  config: AppConfig;
  http: ReturnType<typeof request>;
  token(user: DemoUserName): Promise<string>;
  /** `http://127.0.0.1:PORT` when started with `listen: true` (a browser needs a real port). */
  baseUrl?: string;
  close(): Promise<void>;
}

/** The whole system for one test file: its own database, a worker on its own task queue, and the HTTP API. */
export interface ApiHarness extends RunningApi {
  workers: CaseWorkerHarness;
}

export interface ApiHarnessOptions {
  /** Listen on a free loopback port, so that a browser can reach the API and the web app it serves. */
  listen?: boolean;
  /** Configuration variables beyond the harness's own (e.g. a short login lock). */
  env?: Partial<Record<ConfigVariable, string>>;
  /** The worker's options (its telemetry under test). */
  workers?: CaseWorkerHarnessOptions;
  /** The API's (where its logs go). */
  app?: ApiAppOptions;
}

export async function startApiHarness(options: ApiHarnessOptions = {}): Promise<ApiHarness> {
  const workers = await startCaseWorkerHarness(options.workers);
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: workers.database.url,
    TEMPORAL_ADDRESS: testServices().temporalAddress,
    TEMPORAL_NAMESPACE: workers.namespace,
    TEMPORAL_TASK_QUEUE: workers.taskQueue,
    MASTER_KEYS: testServices().masterKeys,
    DANDANG_EMBEDDED_DATABASE: '1',
    // Every test request comes from 127.0.0.1: the per-address sign-in limit is the tests' own to set.
    LOGIN_RATE_LIMIT: '100000',
    ...options.env,
  });
  const api = await startApi(config, options);
  return {
    ...api,
    workers,
    async close() {
      await api.close();
      await workers.close();
    },
  };
}

/** The API alone, over whatever PostgreSQL and Temporal `config` names (e.g. servers a test stops and starts). */
export async function startApi(config: AppConfig, options: ApiHarnessOptions = {}): Promise<RunningApi> {
  const app = await createApiApp(config, options.app);
  await app.init();
  let baseUrl: string | undefined;
  if (options.listen) {
    await app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  }
  const http = request(app.getHttpServer());
  const tokens = new Map<DemoUserName, string>();
  return {
    app,
    config,
    http,
    baseUrl,
    async token(user) {
      if (!tokens.has(user)) {
        const res = await http.post('/api/auth/login').send({ username: user, password: DEMO_PASSWORD }).expect(200);
        tokens.set(user, res.body.accessToken);
      }
      return tokens.get(user)!;
    },
    close: () => app.close(),
  };
}
