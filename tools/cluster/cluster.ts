/**
 * The cluster profile: Dandang as deployed, on one machine. PostgreSQL with compose's roles and databases, Temporal's
 * schemas set up by temporal-sql-tool, a Temporal cluster on PostgreSQL (frontend, history, matching and worker as
 * separate processes), the namespace and search attributes by compose's bootstrap script, the migrations as the
 * owner role, then several workers and API processes with the variables docker-compose.yml gives them and nothing
 * else (NODE_ENV=production, external services: no embedded mode). `npm run start:cluster` (tools/cluster/main.ts)
 * and test/cluster run it; test/deployment/cluster-compose.spec.ts holds it and compose to the same steps.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { userInfo } from 'node:os';
import { dirname, join, parse } from 'node:path';
import { promisify } from 'node:util';
import { Connection } from '@temporalio/client';
import { Client as PgClient } from 'pg';
import { SERVICE_NODE_FLAGS, SERVICE_PROCESS_ENV } from '@dandang/config';
import {
  freePort,
  isPortTaken,
  locateTemporalCli,
  locateTemporalServer,
  startPostgresProcess,
  TEMPORAL_SERVER_VERSION,
  type PostgresProcess,
  type TemporalServerInstall,
} from '@dandang/embedded-services/temporal';
import { createDataSource, seedDemoData } from '@dandang/persistence';
import { masterKeysText, newMasterKeys } from '@dandang/sealing';
import { composeServiceEnv, type ComposeEnvMapping } from './compose-env';
import { runInitScript } from './init-script';
import { clusterProcess, type ClusterProcess, type ClusterProcessSpec } from './process';
import { TEMPORAL_SCHEMA_STEPS, TEMPORAL_SERVICES, temporalServiceConfig, type TemporalPorts, type TemporalService } from './temporal-config';

const execFileAsync = promisify(execFile);


/** What to run: compiled entry points (dist/ for npm run start:cluster, a build of their own for the tests). */
export interface ClusterScripts {
  api: string;
  worker: string;
  migrate: string;
  /** libs/embedded-services' postgres-host.js. */
  postgresHost: string;
  workflowBundle: string;
  /** What scripts compiled outside the repository need to find their packages (NODE_PATH; ProcessBuild's env). */
  env?: Record<string, string | undefined>;
}

export interface ClusterOptions {
  /** The repository: deploy/ holds the init script, the bootstrap script and the dynamic config compose uses. */
  root: string;
  dataDir: string;
  scripts: ClusterScripts;
  workers?: number;
  apis?: number;
  /** Preferred API ports; a busy one is replaced by a free port. */
  apiPorts?: number[];
  /**
   * Values for compose's `${NAME:-default}` settings where the default does not suit (e.g. a higher LOGIN_RATE_LIMIT
   * for tests, which all come from 127.0.0.1). The variable names stay compose's.
   */
  settings?: Record<string, string>;
  /** Seed the demo accounts and units (there is no other way to sign in to a new cluster yet). */
  demoData?: boolean;
  /** Compose's NUM_HISTORY_SHARDS unless given (fixed for the life of the data folder). */
  numHistoryShards?: number;
  log?: (line: string) => void;
  /** Each process's output is also written here, prefixed with its name. */
  echo?: NodeJS.WritableStream;
}

/**
 * What compose's names for the container world are on this machine: the postgres and temporal services' addresses,
 * the master key secret's mount and the workflow bundle inside the image.
 */
export function localCounterparts(local: { postgres: string; temporal: string; keysFile: string; workflowBundle: string }): Required<Pick<ComposeEnvMapping, 'addresses' | 'paths'>> {
  return {
    addresses: { 'postgres:5432': local.postgres, 'temporal:7233': local.temporal },
    paths: { '/run/secrets/master_keys': local.keysFile, '/app/dist/workflows/workflow-bundle.js': local.workflowBundle },
  };
}

/**
 * The one setting the cluster profile does not take from compose: files stay on this machine's filesystem
 * (`FILE_STORE_DIR`'s default, `.data/files` under the repository, shared by its APIs and workers) rather than in
 * compose's MinIO, which the profile does not run. The S3 store is tested against a real MinIO on its own
 * (libs/persistence/src/files/s3-blob-store.int-spec.ts); what the profile tests (processes killed, Temporal
 * restarted) does not depend on where the bytes are.
 */
export const CLUSTER_FILE_STORE: Record<string, string> = {
  FILE_STORE: 'filesystem',
  S3_ENDPOINT: '',
  S3_REGION: '',
  S3_BUCKET: '',
  S3_ACCESS_KEY_ID: '',
  S3_SECRET_ACCESS_KEY: '',
  S3_FORCE_PATH_STYLE: '',
};

/** What compose reads from its .env: the secrets, and settings that differ from compose's defaults. */
export function composeVariables(secrets: ClusterSecrets, settings: Record<string, string> = {}): Record<string, string> {
  return {
    POSTGRES_SUPERUSER_PASSWORD: secrets.postgresSuperuserPassword,
    TEMPORAL_DB_PASSWORD: secrets.temporalDbPassword,
    DANDANG_DB_PASSWORD: secrets.appDbPassword,
    DANDANG_OWNER_DB_PASSWORD: secrets.ownerDbPassword,
    JWT_SECRET: secrets.jwtSecret,
    ...settings,
  };
}

/** Made once per data folder and kept there (mode 600), as a deployment keeps its secrets. */
export interface ClusterSecrets {
  postgresSuperuserPassword: string;
  temporalDbPassword: string;
  ownerDbPassword: string;
  appDbPassword: string;
  jwtSecret: string;
}

export interface Cluster {
  dataDir: string;
  temporalAddress: string;
  namespace: string;
  taskQueue: string;
  /** http://127.0.0.1:PORT of each API process, in the order of `apis`. */
  apiUrls: string[];
  apis: ClusterProcess[];
  workers: ClusterProcess[];
  temporal: Record<TemporalService, ClusterProcess>;
  postgres: PostgresProcess;
  databaseUrls: { app: string; owner: string };
  /** The environment each process gets, exactly (e.g. to run `npm run verify` as a worker is configured). */
  env: { apis: Record<string, string>[]; workers: Record<string, string>[]; migrate: Record<string, string> };
  /** Stops every Temporal service and starts them again on the same database; resolves once the frontend serves. */
  restartTemporal(): Promise<void>;
  /** Processes that ended without being stopped or killed through their handle. */
  unexpectedExits: string[];
  /** APIs, then workers, then Temporal, then PostgreSQL. */
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function definedOnly(env: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}

async function until(what: string, probe: () => Promise<boolean>, alive: () => boolean): Promise<void> {
  while (!(await probe())) {
    if (!alive()) throw new Error(`${what}: the process ended`);
    await sleep(250);
  }
}

/** As root, PostgreSQL runs as the `postgres` user, who must get through every folder above its data. */
function assertReachableByPostgres(dir: string): void {
  if (userInfo().uid !== 0) return;
  for (let d = dirname(dir); ; d = dirname(d)) {
    const mode = statSync(d).mode;
    if ((mode & 0o001) === 0) {
      throw new Error(`PostgreSQL runs as the postgres user, who cannot enter ${d} (mode ${(mode & 0o777).toString(8)}); chmod o+x ${d} or choose another data folder`);
    }
    if (d === parse(d).root) return;
  }
}

function loadSecrets(dataDir: string): ClusterSecrets {
  const file = join(dataDir, 'cluster-secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as ClusterSecrets;
  // URL-safe, as compose asks of the passwords it puts into URLs.
  const secret = () => randomBytes(24).toString('base64url');
  const secrets: ClusterSecrets = {
    postgresSuperuserPassword: secret(),
    temporalDbPassword: secret(),
    ownerDbPassword: secret(),
    appDbPassword: secret(),
    jwtSecret: randomBytes(48).toString('base64url'),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: 'wx' });
  return secrets;
}

/**
 * Each process on this host listens on ports of its own: a `*_PORT` listener compose fixes (every container has its
 * own address) gets a free port here. PORT itself is set by the caller.
 */
async function ownPorts(env: Record<string, string>): Promise<Record<string, string>> {
  const out = { ...env };
  for (const [name, value] of Object.entries(env)) if (name !== 'PORT' && /(^|_)PORT$/.test(name) && /^\d+$/.test(value)) out[name] = String(await freePort());
  return out;
}

async function portOr(preferred: number | undefined): Promise<number> {
  if (preferred !== undefined && !(await isPortTaken(preferred))) return preferred;
  return freePort();
}

/**
 * A free port below 32768: Temporal keeps each host's ports in its cluster_membership table as a smallint, and the
 * OS hands out ephemeral ports above that.
 */
async function freeLowPort(taken: Set<number>): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (taken.has(port) || (await isPortTaken(port))) continue;
    taken.add(port);
    return port;
  }
}

/**
 * The Temporal services' ports, kept in the data folder: each host is recorded by address in cluster_membership, and
 * a restart on the same ports takes over its own record instead of leaving dead hosts in the rings until they expire
 * (requests routed to them fail with "Not enough hosts to serve the request" meanwhile).
 */
async function stableTemporalPorts(dataDir: string, log: (line: string) => void): Promise<TemporalPorts> {
  const file = join(dataDir, 'temporal-ports.json');
  if (existsSync(file)) {
    const kept = JSON.parse(readFileSync(file, 'utf8')) as TemporalPorts;
    const all = [...Object.values(kept.grpc), ...Object.values(kept.membership), ...Object.values(kept.metrics), kept.frontendHttp];
    const busy = [];
    for (const port of all) if (await isPortTaken(port)) busy.push(port);
    if (busy.length === 0) return kept;
    log(`Temporal's ports of the last run are taken (${busy.join(', ')}); using new ones`);
  }
  const ports = await temporalPorts();
  writeFileSync(file, JSON.stringify(ports, null, 2));
  return ports;
}

async function temporalPorts(): Promise<TemporalPorts> {
  const taken = new Set<number>();
  const perService = async () => {
    const out = {} as Record<TemporalService, number>;
    for (const s of TEMPORAL_SERVICES) out[s] = await freeLowPort(taken);
    return out;
  };
  return { grpc: await perService(), membership: await perService(), metrics: await perService(), frontendHttp: await freeLowPort(taken) };
}

export async function startCluster(options: ClusterOptions): Promise<Cluster> {
  const log = options.log ?? (() => undefined);
  const { root, dataDir, scripts } = options;
  mkdirSync(join(dataDir, 'logs'), { recursive: true });
  chmodSync(dataDir, 0o755);
  const pgDir = join(dataDir, 'postgres');
  assertReachableByPostgres(pgDir);
  const secrets = loadSecrets(dataDir);
  const keysFile = join(dataDir, 'master-keys.json');
  if (!existsSync(keysFile)) writeFileSync(keysFile, masterKeysText(newMasterKeys()), { mode: 0o600, flag: 'wx' });
  const variables = composeVariables(secrets, options.settings);
  const fromCompose = (service: string, mapping: Omit<ComposeEnvMapping, 'variables'> = {}) => composeServiceEnv(root, service, { variables, ...mapping });

  const undo: Array<() => Promise<unknown>> = [];
  const unexpectedExits: string[] = [];
  const stopAll = async () => {
    const failures: unknown[] = [];
    for (const step of undo.splice(0).reverse()) await step().catch((e: unknown) => failures.push(e));
    if (failures.length) throw failures[0];
  };
  try {
    const server = await locateTemporalServer({ log });
    const cli = await locateTemporalCli({ log });
    if (!cli) throw new Error('the Temporal CLI (for deploy/temporal/bootstrap.sh) could not be found or built');

    // PostgreSQL with compose's bootstrap superuser.
    const pgPort = await freePort();
    const pgAddress = `127.0.0.1:${pgPort}`;
    const postgresEnv = fromCompose('postgres');
    log(`PostgreSQL on ${pgAddress} (data in ${pgDir})…`);
    const postgres = await startPostgresProcess({
      hostScript: scripts.postgresHost,
      dataDir: pgDir,
      port: pgPort,
      user: postgresEnv['POSTGRES_USER'],
      password: postgresEnv['POSTGRES_PASSWORD'],
      env: { ...process.env, ...scripts.env },
    });
    undo.push(() => postgres.close());

    // Roles and Dandang's database: compose's init script with the postgres service's variables.
    const superuser = new PgClient({ connectionString: postgres.urlFor(postgresEnv['POSTGRES_DB'] || 'postgres') });
    await superuser.connect();
    try {
      await runInitScript(superuser, join(root, 'deploy', 'postgres', 'init-app-db.sh'), postgresEnv);
    } finally {
      await superuser.end();
    }

    // Temporal's schemas: the temporal-schema service's steps and variables.
    await setUpTemporalSchemas(server, fromCompose('temporal-schema', { replace: { SQL_HOST: '127.0.0.1', SQL_PORT: String(pgPort) } }), log);

    // The Temporal cluster, configured from the release's sample with the temporal service's settings: four
    // services, four processes.
    const temporalEnv = fromCompose('temporal', {
      replace: { POSTGRES_SEEDS: '127.0.0.1', DB_PORT: String(pgPort), BIND_ON_IP: '127.0.0.1', PROMETHEUS_ENDPOINT: '' },
      paths: { '/etc/temporal/config/dynamicconfig/production.yaml': join(root, 'deploy', 'temporal', 'dynamicconfig', 'production.yaml') },
    });
    const ports = await stableTemporalPorts(dataDir, log);
    const configRoot = join(dataDir, 'temporal-config');
    const temporal = {} as Record<TemporalService, ClusterProcess>;
    for (const service of TEMPORAL_SERVICES) {
      mkdirSync(join(configRoot, service), { recursive: true });
      writeFileSync(
        join(configRoot, service, 'development.yaml'),
        temporalServiceConfig(
          {
            sampleConfig: server.sampleConfig,
            postgres: { host: '127.0.0.1', port: pgPort, user: temporalEnv['POSTGRES_USER'], password: temporalEnv['POSTGRES_PWD'] },
            databases: { default: temporalEnv['DBNAME'], visibility: temporalEnv['VISIBILITY_DBNAME'] },
            ports,
            numHistoryShards: options.numHistoryShards ?? Number(temporalEnv['NUM_HISTORY_SHARDS']),
            dynamicConfigFile: temporalEnv['DYNAMIC_CONFIG_FILE_PATH'],
          },
          service,
        ),
        { mode: 0o600 },
      );
      temporal[service] = clusterProcess({
        name: `temporal-${service}`,
        command: server.server,
        args: ['--root', configRoot, '--config', service, '--env', 'development', '--allow-no-auth', 'start', '--service', service],
        env: { PATH: process.env['PATH'] },
        logFile: join(dataDir, 'logs', `temporal-${service}.log`),
        // Every service listens on its membership port once it has joined (the worker service serves no gRPC).
        ready: ({ alive }) => until(`temporal-${service}`, () => accepts(ports.membership[service]), alive),
        readyTimeoutMs: 180_000,
        onUnexpectedExit: (how, out) => unexpectedExits.push(`temporal-${service} ${how}:\n${out}`),
      });
    }
    undo.push(() => Promise.all(TEMPORAL_SERVICES.map((s) => temporal[s].stop(30_000))));
    const temporalAddress = `127.0.0.1:${ports.grpc.frontend}`;
    const { addresses, paths } = localCounterparts({ postgres: pgAddress, temporal: temporalAddress, keysFile, workflowBundle: scripts.workflowBundle });
    const bootstrapEnv = fromCompose('temporal-bootstrap', { addresses });
    const startTemporal = async () => {
      // One first: on an empty database each service would write the cluster's metadata record at start, and all but
      // one would fail on the duplicate. Then the others together.
      const [first, ...rest] = TEMPORAL_SERVICES;
      await temporal[first].start();
      await Promise.all(rest.map((s) => temporal[s].start()));
      // Namespace and search attributes: compose's bootstrap script with the same CLI commands (idempotent). Its
      // first step waits for the cluster's health, so this also says the cluster serves.
      await execFileAsync('sh', [join(root, 'deploy', 'temporal', 'bootstrap.sh')], {
        // The CLI reads a client config from the user's config folder: one of its own, empty, so that no profile of
        // the user's (TLS, another address) applies.
        env: { PATH: `${dirname(cli)}:${process.env['PATH']}`, XDG_CONFIG_HOME: join(dataDir, 'temporal-cli-config'), ...bootstrapEnv },
        timeout: 300_000,
      }).catch((e: Error & { stdout?: string; stderr?: string }) => {
        throw new Error(`deploy/temporal/bootstrap.sh failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
      });
      await untilHistoryServes(temporalAddress, bootstrapEnv['TEMPORAL_NAMESPACE']);
    };
    log(`Temporal ${TEMPORAL_SERVER_VERSION} (${TEMPORAL_SERVICES.join(', ')} as separate processes) on PostgreSQL; frontend at ${temporalAddress}…`);
    await startTemporal();

    // Migrate, api and worker: compose's environments, mapped to this machine. Beyond them a process gets only what
    // any process needs (PATH), the allocator settings the image's processes get, and NODE_PATH for a build
    // outside the repository.
    const base: Record<string, string> = {
      PATH: process.env['PATH'] ?? '',
      ...SERVICE_PROCESS_ENV,
      ...definedOnly(scripts.env ?? {}),
    };
    const apiPorts: number[] = [];
    for (let i = 0; i < (options.apis ?? 2); i++) apiPorts.push(await portOr(options.apiPorts?.[i]));
    const env = {
      migrate: { ...base, ...fromCompose('migrate', { addresses, paths }) },
      workers: [] as Record<string, string>[],
      apis: [] as Record<string, string>[],
    };
    for (let i = 0; i < (options.workers ?? 2); i++) env.workers.push({ ...base, ...(await ownPorts(fromCompose('worker', { addresses, paths, replace: CLUSTER_FILE_STORE }))) });
    for (const port of apiPorts) env.apis.push({ ...base, ...(await ownPorts(fromCompose('api', { addresses, paths, replace: { ...CLUSTER_FILE_STORE, PORT: String(port) } }))) });
    const databaseUrls = { app: env.migrate['DATABASE_URL'], owner: env.migrate['MIGRATION_DATABASE_URL'] };

    // The migrations as the owner role, as compose's migrate service runs them.
    const migrated = await execFileAsync(process.execPath, [scripts.migrate], { env: env.migrate, timeout: 300_000 }).catch(
      (e: Error & { stdout?: string; stderr?: string }) => {
        throw new Error(`the migrations failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
      },
    );
    log(migrated.stdout.trim());
    if (options.demoData) {
      const owner = await createDataSource(databaseUrls.owner, { poolSize: 1, applicationName: 'dandang-cluster-seed' }).initialize();
      try {
        await seedDemoData(owner);
      } finally {
        await owner.destroy();
      }
      log('demo org units and users seeded');
    }

    const node = (name: string, script: string, processEnv: NodeJS.ProcessEnv, ready: ClusterProcessSpec['ready'], timeoutMs: number) =>
      clusterProcess({
        name,
        command: process.execPath,
        args: [...SERVICE_NODE_FLAGS, script],
        env: processEnv,
        cwd: root,
        logFile: join(dataDir, 'logs', `${name}.log`),
        ready,
        readyTimeoutMs: timeoutMs,
        echo: options.echo,
        onUnexpectedExit: (how, out) => unexpectedExits.push(`${name} ${how}:\n${out}`),
      });

    const workers = env.workers.map((workerEnv, i) =>
      node(`worker-${i + 1}`, scripts.worker, workerEnv, ({ line$ }) => line$(/worker: polling task queue/), 180_000),
    );
    undo.push(() => Promise.all(workers.map((w) => w.stop(90_000))));
    log(`${workers.length} workers…`);
    await Promise.all(workers.map((w) => w.start()));

    const apiUrls = apiPorts.map((p) => `http://127.0.0.1:${p}`);
    const apis = apiPorts.map((port, i) =>
      node(`api-${i + 1}`, scripts.api, env.apis[i], ({ alive }) => until(`api-${i + 1}`, () => healthy(apiUrls[i]), alive), 180_000),
    );
    undo.push(() => Promise.all(apis.map((a) => a.stop(30_000))));
    log(`${apis.length} API processes…`);
    await Promise.all(apis.map((a) => a.start()));

    return {
      dataDir,
      temporalAddress,
      namespace: env.workers[0]['TEMPORAL_NAMESPACE'],
      taskQueue: env.workers[0]['TEMPORAL_TASK_QUEUE'],
      apiUrls,
      apis,
      workers,
      temporal,
      postgres,
      databaseUrls,
      env,
      async restartTemporal() {
        await Promise.all(TEMPORAL_SERVICES.map((s) => temporal[s].stop(30_000)));
        await startTemporal();
      },
      unexpectedExits,
      stop: stopAll,
    };
  } catch (e) {
    await stopAll().catch(() => undefined);
    throw e;
  }
}

/**
 * Until the frontend reaches a history host: the frontend answers (and the bootstrap succeeds) before its ring holds
 * the history service, and a worker's first call that needs history (creating its Schedules) would fail meanwhile
 * with "Not enough hosts to serve the request". A workflow that does not exist is NOT_FOUND once history answers.
 */
async function untilHistoryServes(address: string, namespace: string, timeoutMs = 180_000): Promise<void> {
  const connection = await Connection.connect({ address });
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      try {
        await connection.workflowService.describeWorkflowExecution({ namespace, execution: { workflowId: 'dandang-cluster-probe' } });
        return;
      } catch (e) {
        if ((e as { code?: number }).code === GRPC_NOT_FOUND) return;
        if (Date.now() > deadline) throw new Error(`Temporal's frontend reached no history host within ${timeoutMs / 1000} s: ${(e as Error).message}`);
      }
      await sleep(500);
    }
  } finally {
    await connection.close();
  }
}

const GRPC_NOT_FOUND = 5;

/** True once the API answers its health check with the database and Temporal up. */
export async function healthy(apiUrl: string): Promise<boolean> {
  try {
    const res = await fetch(`${apiUrl}/api/health`, { signal: AbortSignal.timeout(3_000) });
    return res.ok;
  } catch {
    return false;
  }
}

/** temporal-sql-tool with the temporal-schema service's SQL_* variables, for each of its steps. */
async function setUpTemporalSchemas(server: TemporalServerInstall, sqlEnv: Record<string, string>, log: (line: string) => void): Promise<void> {
  const env = { PATH: process.env['PATH'] ?? '', ...sqlEnv };
  const schemaRoot = dirname(dirname(server.postgresSchemaDir));
  for (const step of TEMPORAL_SCHEMA_STEPS) {
    const args = step.map((a) => a.replace('{schema}', schemaRoot));
    await execFileAsync(server.sqlTool, args, { env, timeout: 300_000 }).catch((e: Error & { stdout?: string; stderr?: string }) => {
      throw new Error(`temporal-sql-tool ${args.join(' ')} failed: ${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}`);
    });
  }
  log('Temporal schemas set up and up to date');
}
