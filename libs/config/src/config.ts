import { existsSync, readFileSync } from 'node:fs';
import { MasterKeysError, parseMasterKeys, type MasterKeys } from '@dandang/sealing';
import { dirname, join } from 'node:path';

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
  'WORKER_MAX_CACHED_WORKFLOWS',
  'WORKER_WORKFLOW_THREADS',
  'LOGIN_MAX_FAILURES',
  'LOGIN_LOCK_SECONDS',
  'MASTER_KEYS_FILE',
  'MASTER_KEYS',
] as const;
export type ConfigVariable = (typeof CONFIG_VARIABLES)[number];

export interface AppConfig {
  nodeEnv: 'development' | 'production' | 'test';
  port: number;
  databaseUrl: string;
  temporal: { address: string; namespace: string; taskQueue: string };
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
}

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

/** DATABASE_URL alone, for processes that only touch the database (migrations). */
export function loadDatabaseUrl(env: Env = process.env): string {
  const databaseUrl = required(env, 'DATABASE_URL');
  if (!/^postgres(ql)?:\/\/[^/]+\/[^/?]+/.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL', 'must look like postgres://user:password@host:5432/database');
  }
  return databaseUrl;
}

/** Parses and validates the environment once, at boot; throws a ConfigError naming the variable. */
export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnv = read(env, 'NODE_ENV') ?? 'development';
  if (nodeEnv !== 'development' && nodeEnv !== 'production' && nodeEnv !== 'test') {
    throw new ConfigError('NODE_ENV', `must be development, production or test, not "${nodeEnv}"`);
  }
  const portText = read(env, 'PORT') ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) {
    throw new ConfigError('PORT', `must be a port number between 1 and 65535, not "${portText}"`);
  }
  const databaseUrl = loadDatabaseUrl(env);
  const address = required(env, 'TEMPORAL_ADDRESS');
  if (!/^[\w.-]+:\d+$/.test(address)) throw new ConfigError('TEMPORAL_ADDRESS', `must be host:port, not "${address}"`);
  const jwtSecret = read(env, 'JWT_SECRET') ?? (nodeEnv === 'production' ? undefined : DEV_JWT_SECRET);
  if (!jwtSecret) throw new ConfigError('JWT_SECRET', 'is required in production');
  if (jwtSecret.length < 32) throw new ConfigError('JWT_SECRET', 'must be at least 32 characters');
  return {
    nodeEnv,
    port,
    databaseUrl,
    temporal: {
      address,
      namespace: read(env, 'TEMPORAL_NAMESPACE') ?? 'default',
      taskQueue: read(env, 'TEMPORAL_TASK_QUEUE') ?? 'dandang-cases',
    },
    jwtSecret,
    workflowBundlePath: read(env, 'WORKFLOW_BUNDLE_PATH'),
    workflowSourceRoot: read(env, 'WORKFLOW_BUNDLE_PATH') ? undefined : findWorkflowSourceRoot(__dirname),
    notificationWebhook: loadWebhook(env),
    workerMaxCachedWorkflows: loadCount(env, 'WORKER_MAX_CACHED_WORKFLOWS', DEFAULT_WORKER_MAX_CACHED_WORKFLOWS),
    workerWorkflowThreads: loadCount(env, 'WORKER_WORKFLOW_THREADS', DEFAULT_WORKER_WORKFLOW_THREADS),
    loginLock: {
      maxFailures: loadCount(env, 'LOGIN_MAX_FAILURES', DEFAULT_LOGIN_LOCK.maxFailures),
      lockSeconds: loadCount(env, 'LOGIN_LOCK_SECONDS', DEFAULT_LOGIN_LOCK.lockSeconds),
    },
    masterKeys: loadMasterKeys(env),
  };
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

/** The workflows' entry point, relative to the repository. */
const WORKFLOW_SOURCES = join('workflows', 'src', 'index.ts');

/** The nearest directory above `from` that holds the workflows' sources. */
function findWorkflowSourceRoot(from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, WORKFLOW_SOURCES))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

function loadWebhook(env: Env): AppConfig['notificationWebhook'] {
  const url = read(env, 'NOTIFICATION_WEBHOOK_URL');
  if (!url) return undefined;
  if (!/^https?:\/\/[^\s]+$/.test(url)) throw new ConfigError('NOTIFICATION_WEBHOOK_URL', `must be an http(s) URL, not "${url}"`);
  const secret = read(env, 'NOTIFICATION_WEBHOOK_SECRET');
  if (!secret || secret.length < 16) throw new ConfigError('NOTIFICATION_WEBHOOK_SECRET', 'must be at least 16 characters when a webhook URL is set');
  return { url, secret };
}

function loadCount(env: Env, name: ConfigVariable, fallback: number): number {
  const text = read(env, name);
  if (text === undefined) return fallback;
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new ConfigError(name, `must be a whole number of at least 1, not "${text}"`);
  return Number(text);
}
