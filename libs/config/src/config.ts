import { existsSync, readFileSync } from 'node:fs';
import { MasterKeysError, parseMasterKeys, type MasterKeys } from '@dandang/sealing';
import { dirname, join, resolve } from 'node:path';
import type { TLSConfig } from '@temporalio/common/lib/internal-non-workflow';
import { TEMPORAL_TLS_VARIABLES, loadTemporalTls } from './temporal-connection';

/** Every environment variable the product reads (.env.example lists them). Nothing else reads process.env. */
export const CONFIG_VARIABLES = [
  'NODE_ENV',
  'PORT',
  'DATABASE_URL',
  'TEMPORAL_ADDRESS',
  'TEMPORAL_NAMESPACE',
  'TEMPORAL_TASK_QUEUE',
  'JWT_SECRET',
  'WORKFLOW_BUNDLE_PATH',
  'NOTIFICATION_WEBHOOK_URL',
  'NOTIFICATION_WEBHOOK_SECRET',
  'EFFECTS_WEBHOOK_URL',
  'EFFECTS_WEBHOOK_SECRET',
  'WORKER_MAX_CACHED_WORKFLOWS',
  'WORKER_WORKFLOW_THREADS',
  'LOGIN_MAX_FAILURES',
  'LOGIN_LOCK_SECONDS',
  'MASTER_KEYS_FILE',
  'MASTER_KEYS',
  'LOGIN_RATE_LIMIT',
  'LOGIN_RATE_WINDOW_SECONDS',
  'TRUST_PROXY',
  'PASSWORD_CHECK_QUEUE',
  'SESSION_IDLE_SECONDS',
  'DANDANG_EMBEDDED_DATABASE',
  'MIGRATION_DATABASE_URL',
  'AUDIT_CHECKPOINT_INTERVAL_SECONDS',
  ...TEMPORAL_TLS_VARIABLES,
  'TEMPORAL_CODEC_CORS_ORIGINS',
  'FILE_STORE',
  'FILE_STORE_DIR',
  'S3_ENDPOINT',
  'S3_REGION',
  'S3_BUCKET',
  'S3_ACCESS_KEY_ID',
  'S3_SECRET_ACCESS_KEY',
  'S3_FORCE_PATH_STYLE',
  'LOG_LEVEL',
  'METRICS_PORT',
  'WORKER_METRICS_PORT',
  'METRICS_HOST',
  'OTEL_EXPORTER_OTLP_ENDPOINT',
  'HOUSEKEEPING_IDEMPOTENCY_KEY_DAYS',
  'HOUSEKEEPING_LOGIN_FAILURE_DAYS',
  'HOUSEKEEPING_SESSION_DAYS',
  'HOUSEKEEPING_READ_NOTIFICATION_DAYS',
] as const;
export type ConfigVariable = (typeof CONFIG_VARIABLES)[number];

export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  databaseUrl: string;
  /** `tls` (mTLS to the frontend) from the `TEMPORAL_TLS*` variables of `@temporalio/envconfig`; absent: plaintext. */
  temporal: { address: string; namespace: string; taskQueue: string; tls?: TLSConfig };
  /** Browser origins (the Temporal Web UI's) allowed to call the API's codec endpoint; none by default. */
  temporalCodec: { corsOrigins: string[] };
  jwtSecret: string;
  /** A prebuilt workflow bundle; without it the worker bundles `workflows/` itself. */
  workflowBundlePath?: string;
  /**
   * The repository whose `workflows/` the worker bundles when no workflowBundlePath is given: the one this code runs
   * from, as sources or as its dist/. Undefined where there are no workflow sources (a built image: it needs the bundle).
   */
  workflowSourceRoot?: string;
  /** Where reminders and escalations are also POSTed, signed with HMAC-SHA256 of the body. */
  notificationWebhook?: { url: string; secret: string };
  /**
   * Where the register of effects' notices go (the organisation department), signed the same way; the notification
   * webhook when not set apart.
   */
  effectsWebhook?: { url: string; secret: string };
  /**
   * Workflows the worker keeps in memory between tasks. An evicted one is replayed from its history on its next
   * task, so this trades worker memory for CPU (what a cached case costs: BENCHMARKS.md).
   */
  workerMaxCachedWorkflows: number;
  /** Threads that run workflow code in the worker, each with its own V8 context (SDK's workflowThreadPoolSize). */
  workerWorkflowThreads: number;
  /** 登录失败处理: this many failed logins in a row lock the username for lockSeconds. */
  loginLock: { maxFailures: number; lockSeconds: number };
  /** The master keys that seal personal data and Temporal payloads (docs/key-management.md). */
  masterKeys: MasterKeys;
  /** Sign-in attempts (and password changes) one client address may make per window; more get 429. */
  loginRate: { limit: number; windowSeconds: number };
  /**
   * Express's `trust proxy`: false takes the client's address from the connection; a hop count or a list of proxy
   * addresses lets X-Forwarded-For name it. Off unless set, as a client reaching the API directly could otherwise
   * name any address it likes and escape the per-address limit.
   */
  trustProxy: false | number | string[];
  /** Password checks that may wait for a free slot; one more is refused with 503 rather than queued. */
  passwordCheckQueue: number;
  /** 登录连接超时自动退出: a session not used for this long has ended (401). */
  sessionIdleSeconds: number;
  /** DATABASE_URL is the PostgreSQL the tools embed (npm start, the tests), the only case for the development JWT secret. */
  embeddedDatabase: boolean;
  /**
   * The owner role's connection, for the migrations alone (MIGRATION_DATABASE_URL); DATABASE_URL is then the
   * application role's, which may only read and append to the audit tables. Unset: the migrations use DATABASE_URL.
   */
  migrationDatabaseUrl?: string;
  /** How often the worker's Schedule writes a signed checkpoint of every audit chain's head. */
  auditCheckpointIntervalSeconds: number;
  /** Where evidence files and generated documents are kept, sealed (FILE_STORE and its settings). */
  fileStore: FileStoreConfig;
  /** pino's level for the JSON logs of the API and the worker (LOG_LEVEL). */
  logLevel: LogLevel;
  /**
   * Prometheus metrics and the worker's health on listeners of their own, off unless a port is set: the API's
   * (METRICS_PORT) and the worker's (WORKER_METRICS_PORT), on METRICS_HOST (loopback unless set), never on the API's
   * public port.
   */
  metrics: { apiPort?: number; workerPort?: number; host: string };
  /** OTLP/HTTP traces go to this base URL (+ /v1/traces); tracing is off without it. */
  otlpEndpoint?: string;
  /** Days the housekeeping schedule keeps each kind of operational row (docs/operations.md). */
  housekeeping: { idempotencyKeyDays: number; loginFailureDays: number; sessionDays: number; readNotificationDays: number };
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Idempotency keys a week (a client retries within minutes), login failures a week, sessions a month, read notices a quarter. */
export const DEFAULT_HOUSEKEEPING = { idempotencyKeyDays: 7, loginFailureDays: 7, sessionDays: 30, readNotificationDays: 90 };

/**
 * A cache smaller than the cases worked on at once makes nearly every task a replay, and throughput collapses; a
 * larger one costs worker memory for every case it holds. Two hundred covers the most cases the benchmark works on at
 * once (64) with room, within the worker's memory target; raise it with the worker's memory (BENCHMARKS.md).
 */
export const DEFAULT_WORKER_MAX_CACHED_WORKFLOWS = 200;

/**
 * The SDK's default: one thread runs workflow code. On a machine with cores to spare, more help a busy worker; where
 * the Temporal server shares the worker's cores, a second thread only competes with it for them and costs memory.
 */
export const DEFAULT_WORKER_WORKFLOW_THREADS = 1;

/** Five failed logins in a row lock a username for fifteen minutes (a common setting under 等级保护 2.0). */
export const DEFAULT_LOGIN_LOCK = { maxFailures: 5, lockSeconds: 900 };

/** Enough for the staff behind one NAT signing in at the start of a day, too few to spray passwords. */
export const DEFAULT_LOGIN_RATE = { limit: 30, windowSeconds: 60 };

/** Password checks that may wait beyond the two that run: a short wait at most; one more gets 503 and retries. */
export const DEFAULT_PASSWORD_CHECK_QUEUE = 32;

/** 登录连接超时: thirty minutes without a request end a session, as the web app's own idle sign-out does. */
export const DEFAULT_SESSION_IDLE_SECONDS = 1800;

/** Hourly: a trail cut or rewritten shows against a checkpoint at most an hour old. */
export const DEFAULT_AUDIT_CHECKPOINT_INTERVAL_SECONDS = 3600;

/**
 * A folder (the embedded default, `.data/files`; `npm start` puts it in its data folder) or an S3-compatible bucket
 * for production. S3 credentials unset: the SDK's own chain (environment, instance role).
 */
export type FileStoreConfig =
  | { kind: 'filesystem'; dir: string }
  | {
      kind: 's3';
      endpoint?: string;
      region: string;
      bucket: string;
      credentials?: { accessKeyId: string; secretAccessKey: string };
      forcePathStyle: boolean;
    };

export class ConfigError extends Error {
  constructor(
    readonly variable: ConfigVariable,
    problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Partial<Record<string, string | undefined>>;

const DEV_JWT_SECRET = 'dandang-development-secret-not-for-production';

function read(env: Env, name: ConfigVariable): string | undefined {
  const v = env[name];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

function required(env: Env, name: ConfigVariable): string {
  const v = read(env, name);
  if (v === undefined) throw new ConfigError(name, 'is required');
  return v;
}

/** DATABASE_URL alone (or another URL variable), for processes that only touch the database. */
export function loadDatabaseUrl(env: Env = process.env, name: 'DATABASE_URL' | 'MIGRATION_DATABASE_URL' = 'DATABASE_URL'): string {
  const databaseUrl = required(env, name);
  if (!/^postgres(ql)?:\/\/[^/]+\/[^/?]+/.test(databaseUrl)) {
    throw new ConfigError(name, 'must look like postgres://user:password@host:5432/database');
  }
  return databaseUrl;
}

/**
 * The migrations' connections: as the owner (MIGRATION_DATABASE_URL, else DATABASE_URL), and the application's
 * (DATABASE_URL), whose role the owner grants its privileges to after migrating.
 */
export function loadMigrationUrls(env: Env = process.env): { owner: string; app: string } {
  const app = loadDatabaseUrl(env);
  return { owner: read(env, 'MIGRATION_DATABASE_URL') ? loadDatabaseUrl(env, 'MIGRATION_DATABASE_URL') : app, app };
}

/** Parses and validates the environment once, at boot; throws a ConfigError naming the variable. */
export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnv = read(env, 'NODE_ENV') ?? 'development';
  if (nodeEnv !== 'development' && nodeEnv !== 'production' && nodeEnv !== 'test') {
    throw new ConfigError('NODE_ENV', `must be development, production or test, not "${nodeEnv}"`);
  }
  const notificationWebhook = loadWebhook(env, 'NOTIFICATION_WEBHOOK_URL', 'NOTIFICATION_WEBHOOK_SECRET');
  const portText = read(env, 'PORT') ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) {
    throw new ConfigError('PORT', `must be a port number between 1 and 65535, not "${portText}"`);
  }
  const databaseUrl = loadDatabaseUrl(env);
  const address = required(env, 'TEMPORAL_ADDRESS');
  if (!/^[\w.-]+:\d+$/.test(address)) throw new ConfigError('TEMPORAL_ADDRESS', `must be host:port, not "${address}"`);
  const embeddedDatabase = read(env, 'DANDANG_EMBEDDED_DATABASE') !== undefined;
  // A real database holds real cases: its tokens must not be signed with a secret published in this source.
  const jwtSecret = read(env, 'JWT_SECRET') ?? (nodeEnv !== 'production' && embeddedDatabase ? DEV_JWT_SECRET : undefined);
  if (!jwtSecret) {
    throw new ConfigError(
      'JWT_SECRET',
      nodeEnv === 'production' ? 'is required in production' : 'is required with a DATABASE_URL of your own (only the embedded database has a development secret)',
    );
  }
  if (jwtSecret.length < 32) throw new ConfigError('JWT_SECRET', 'must be at least 32 characters');
  return {
    nodeEnv,
    port,
    databaseUrl,
    temporal: {
      address,
      namespace: read(env, 'TEMPORAL_NAMESPACE') ?? 'default',
      taskQueue: read(env, 'TEMPORAL_TASK_QUEUE') ?? 'dandang-cases',
      ...withTemporalTls(env),
    },
    temporalCodec: { corsOrigins: loadOrigins(env, 'TEMPORAL_CODEC_CORS_ORIGINS') },
    jwtSecret,
    workflowBundlePath: read(env, 'WORKFLOW_BUNDLE_PATH'),
    workflowSourceRoot: read(env, 'WORKFLOW_BUNDLE_PATH') ? undefined : findWorkflowSourceRoot(__dirname),
    notificationWebhook,
    effectsWebhook: loadWebhook(env, 'EFFECTS_WEBHOOK_URL', 'EFFECTS_WEBHOOK_SECRET') ?? notificationWebhook,
    workerMaxCachedWorkflows: loadCount(env, 'WORKER_MAX_CACHED_WORKFLOWS', DEFAULT_WORKER_MAX_CACHED_WORKFLOWS),
    workerWorkflowThreads: loadCount(env, 'WORKER_WORKFLOW_THREADS', DEFAULT_WORKER_WORKFLOW_THREADS),
    loginLock: {
      maxFailures: loadCount(env, 'LOGIN_MAX_FAILURES', DEFAULT_LOGIN_LOCK.maxFailures),
      lockSeconds: loadCount(env, 'LOGIN_LOCK_SECONDS', DEFAULT_LOGIN_LOCK.lockSeconds),
    },
    masterKeys: loadMasterKeys(env),
    loginRate: {
      limit: loadCount(env, 'LOGIN_RATE_LIMIT', DEFAULT_LOGIN_RATE.limit),
      windowSeconds: loadCount(env, 'LOGIN_RATE_WINDOW_SECONDS', DEFAULT_LOGIN_RATE.windowSeconds),
    },
    trustProxy: loadTrustProxy(env),
    passwordCheckQueue: loadCount(env, 'PASSWORD_CHECK_QUEUE', DEFAULT_PASSWORD_CHECK_QUEUE),
    sessionIdleSeconds: loadCount(env, 'SESSION_IDLE_SECONDS', DEFAULT_SESSION_IDLE_SECONDS),
    embeddedDatabase,
    migrationDatabaseUrl: read(env, 'MIGRATION_DATABASE_URL') ? loadDatabaseUrl(env, 'MIGRATION_DATABASE_URL') : undefined,
    auditCheckpointIntervalSeconds: loadCount(env, 'AUDIT_CHECKPOINT_INTERVAL_SECONDS', DEFAULT_AUDIT_CHECKPOINT_INTERVAL_SECONDS),
    fileStore: loadFileStore(env),
    logLevel: loadLogLevel(env, nodeEnv),
    metrics: {
      apiPort: loadOptionalPort(env, 'METRICS_PORT'),
      workerPort: loadOptionalPort(env, 'WORKER_METRICS_PORT'),
      host: read(env, 'METRICS_HOST') ?? '127.0.0.1',
    },
    otlpEndpoint: loadOtlpEndpoint(env),
    housekeeping: {
      idempotencyKeyDays: loadCount(env, 'HOUSEKEEPING_IDEMPOTENCY_KEY_DAYS', DEFAULT_HOUSEKEEPING.idempotencyKeyDays),
      loginFailureDays: loadCount(env, 'HOUSEKEEPING_LOGIN_FAILURE_DAYS', DEFAULT_HOUSEKEEPING.loginFailureDays),
      sessionDays: loadCount(env, 'HOUSEKEEPING_SESSION_DAYS', DEFAULT_HOUSEKEEPING.sessionDays),
      readNotificationDays: loadCount(env, 'HOUSEKEEPING_READ_NOTIFICATION_DAYS', DEFAULT_HOUSEKEEPING.readNotificationDays),
    },
  };
}

/** Errors only under test, where a passing run should print nothing; info elsewhere. */
function loadLogLevel(env: Env, nodeEnv: AppConfig['nodeEnv']): LogLevel {
  const text = read(env, 'LOG_LEVEL');
  if (text === undefined) return nodeEnv === 'test' ? 'error' : 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(text)) throw new ConfigError('LOG_LEVEL', `must be one of ${LOG_LEVELS.join(', ')}, not "${text}"`);
  return text as LogLevel;
}

function loadOptionalPort(env: Env, name: ConfigVariable): number | undefined {
  const text = read(env, name);
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 65535) throw new ConfigError(name, `must be a port number between 1 and 65535, not "${text}"`);
  return Number(text);
}

function loadOtlpEndpoint(env: Env): string | undefined {
  const text = read(env, 'OTEL_EXPORTER_OTLP_ENDPOINT');
  if (text === undefined) return undefined;
  if (!/^https?:\/\/[^\s]+$/.test(text)) throw new ConfigError('OTEL_EXPORTER_OTLP_ENDPOINT', `must be an http(s) URL, not "${text}"`);
  return text.replace(/\/+$/, '');
}

/**
 * There is no built-in key in any mode: the embedded default generates a key file under its data folder and passes
 * it, a deployment mounts one or injects it as a secret.
 */
export function loadMasterKeys(env: Env = process.env): MasterKeys {
  const inline = read(env, 'MASTER_KEYS');
  const file = read(env, 'MASTER_KEYS_FILE');
  if (inline && file) throw new ConfigError('MASTER_KEYS', 'and MASTER_KEYS_FILE are both set; give one');
  const [variable, text] = inline ? (['MASTER_KEYS', inline] as const) : (['MASTER_KEYS_FILE', file ? readKeyFile(file) : undefined] as const);
  if (text === undefined) throw new ConfigError('MASTER_KEYS_FILE', 'is required (or MASTER_KEYS): the key file that seals personal data');
  try {
    return parseMasterKeys(text);
  } catch (e) {
    if (e instanceof MasterKeysError) throw new ConfigError(variable, e.message);
    throw e;
  }
}

function readKeyFile(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new ConfigError('MASTER_KEYS_FILE', `names "${path}", which cannot be read`);
  }
}

function loadFileStore(env: Env): FileStoreConfig {
  const kind = read(env, 'FILE_STORE') ?? 'filesystem';
  if (kind === 'filesystem') return { kind, dir: resolve(read(env, 'FILE_STORE_DIR') ?? join('.data', 'files')) };
  if (kind !== 's3') throw new ConfigError('FILE_STORE', `must be filesystem or s3, not "${kind}"`);
  const endpoint = read(env, 'S3_ENDPOINT');
  if (endpoint !== undefined && !/^https?:\/\/[^\s]+$/.test(endpoint)) throw new ConfigError('S3_ENDPOINT', `must be an http(s) URL, not "${endpoint}"`);
  const accessKeyId = read(env, 'S3_ACCESS_KEY_ID');
  const secretAccessKey = read(env, 'S3_SECRET_ACCESS_KEY');
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) throw new ConfigError(accessKeyId ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID', 'must be set with its pair');
  const pathStyle = read(env, 'S3_FORCE_PATH_STYLE') ?? (endpoint ? 'true' : 'false');
  if (pathStyle !== 'true' && pathStyle !== 'false') throw new ConfigError('S3_FORCE_PATH_STYLE', `must be true or false, not "${pathStyle}"`);
  return {
    kind,
    endpoint,
    region: read(env, 'S3_REGION') ?? 'us-east-1',
    bucket: required(env, 'S3_BUCKET'),
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    forcePathStyle: pathStyle === 'true',
  };
}

/** The workflows' entry point, relative to the repository. */
const WORKFLOW_SOURCES = join('workflows', 'src', 'index.ts');

/** The nearest directory above `from` that holds the workflows' sources. */
function findWorkflowSourceRoot(from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, WORKFLOW_SOURCES))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

function loadWebhook(env: Env, urlVariable: ConfigVariable, secretVariable: ConfigVariable): { url: string; secret: string } | undefined {
  const url = read(env, urlVariable);
  if (!url) return undefined;
  if (!/^https?:\/\/[^\s]+$/.test(url)) throw new ConfigError(urlVariable, `must be an http(s) URL, not "${url}"`);
  const secret = read(env, secretVariable);
  if (!secret || secret.length < 16) throw new ConfigError(secretVariable, 'must be at least 16 characters when a webhook URL is set');
  return { url, secret };
}

function withTemporalTls(env: Env): { tls?: TLSConfig } {
  const tls = loadTemporalTls(env, (variable, problem) => {
    throw new ConfigError(variable, problem);
  });
  return tls ? { tls } : {};
}

/** Origins separated by commas, each scheme://host[:port] as a browser sends it in Origin. */
function loadOrigins(env: Env, name: ConfigVariable): string[] {
  const text = read(env, name);
  if (text === undefined) return [];
  const origins = text.split(',').map((o) => o.trim()).filter(Boolean);
  const bad = origins.find((o) => !/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/.test(o));
  if (bad !== undefined) throw new ConfigError(name, `must be origins like https://temporal-ui.example:8080 separated by commas, not "${bad}"`);
  return origins;
}

/**
 * TRUST_PROXY: unset or `false`, a number of proxy hops, or proxy addresses, subnets or Express's names for ranges
 * (loopback, linklocal, uniquelocal) separated by commas.
 */
function loadTrustProxy(env: Env): AppConfig['trustProxy'] {
  const text = read(env, 'TRUST_PROXY');
  if (text === undefined || text === 'false') return false;
  if (/^\d+$/.test(text)) return Number(text);
  const proxies = text.split(',').map((p) => p.trim());
  if (proxies.some((p) => !/^([\d.:a-fA-F]+(\/\d{1,3})?|loopback|linklocal|uniquelocal)$/.test(p))) {
    throw new ConfigError('TRUST_PROXY', `must be false, a number of proxy hops, or proxy addresses or subnets separated by commas, not "${text}"`);
  }
  return proxies;
}

function loadCount(env: Env, name: ConfigVariable, fallback: number): number {
  const text = read(env, name);
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new ConfigError(name, `must be a whole number of at least 1, not "${text}"`);
  return Number(text);
}
