import { isAbsolute, join, resolve } from 'node:path';
import { loadConfig } from '@dandang/config';
import { masterKeysText, newMasterKeys } from '@dandang/sealing';

/**
 * Settings of the `npm start` dev tool, read once at boot. Besides the product's own variables (CONFIG_VARIABLES,
 * validated with loadConfig), the tool alone reads these knobs; they are developer settings, not product
 * configuration, so they live here and not in libs/config:
 *
 * - DANDANG_DATA_DIR          where the embedded services keep their state (default `<repo>/.data`);
 *                             Temporal in `temporal/temporal.db`, PostgreSQL in `postgres/`.
 * - DANDANG_TEMPORAL_PORT     embedded Temporal frontend port (default 7233, or a free port when 7233 is busy).
 * - DANDANG_TEMPORAL_UI_PORT  embedded Temporal Web UI port (default 8233, or a free port when busy).
 * - DANDANG_POSTGRES_PORT     embedded PostgreSQL port (default 5433, or a free port when busy; never 5432).
 *
 * A knob that is set must name a free port; a default port that is busy is replaced by a free one.
 */
export const START_KNOBS = ['DANDANG_DATA_DIR', 'DANDANG_TEMPORAL_PORT', 'DANDANG_TEMPORAL_UI_PORT', 'DANDANG_POSTGRES_PORT'] as const;

export const DEFAULT_PORTS = { temporal: 7233, temporalUi: 8233, postgres: 5433 } as const;
export const EMBEDDED_DATABASE = 'dandang';

/** A requested port: `fixed` when the developer chose it, else a preference that may fall back to a free port. */
export interface PortChoice {
  port: number;
  fixed: boolean;
}

export interface StartOptions {
  root: string;
  nodeEnv: string;
  port: number;
  namespace: string;
  /** Set when DATABASE_URL / TEMPORAL_ADDRESS is given: nothing of that kind is spawned. */
  externalDatabaseUrl?: string;
  /** MIGRATION_DATABASE_URL: the owner role's connection to the external database, for the migrations alone. */
  migrationDatabaseUrl?: string;
  externalTemporalAddress?: string;
  workflowBundlePath: string;
  dataDir: string;
  temporalPort: PortChoice;
  temporalUiPort: PortChoice;
  postgresPort: PortChoice;
  /**
   * With the embedded database and no MASTER_KEYS(_FILE): the key file generated (once) in the data folder. A real
   * database never gets a generated key; its deployment provides one.
   */
  generatedKeysFile?: string;
  /** `--watch` (npm run dev): the API and worker restart when tools/dev.ts says their code was rebuilt. */
  watch: boolean;
  /** `--web-url=URL` (npm run dev): where the web app is served instead of the API's own address (Vite's dev server). */
  webUrl?: string;
}

/** A bad dev-tool knob; reported like a ConfigError (the message names the variable). */
export class StartOptionError extends Error {
  constructor(variable: string, problem: string) {
    super(`Invalid configuration: ${variable} ${problem}`);
    this.name = 'StartOptionError';
  }
}

type Env = Partial<Record<string, string | undefined>>;

/** Unset as loadConfig sees it: missing or blank. */
function value(env: Env, name: string): string | undefined {
  const v = env[name];
  return v === undefined || v.trim() === '' ? undefined : v.trim();
}

function portKnob(env: Env, name: string, fallback: number): PortChoice {
  const text = value(env, name);
  if (text === undefined) return { port: fallback, fixed: false };
  const port = Number(text);
  if (!/^\d+$/.test(text) || port < 1 || port > 65535) {
    throw new StartOptionError(name, `must be a port number between 1 and 65535, not "${text}"`);
  }
  return { port, fixed: true };
}

/**
 * Validates the environment exactly as the API and worker will (loadConfig), standing in placeholders for
 * DATABASE_URL and TEMPORAL_ADDRESS when they are unset because the tool then provides them itself.
 * Throws ConfigError or StartOptionError; spawns nothing.
 */
export function readStartOptions(root: string, env: Env = process.env, args: readonly string[] = process.argv.slice(2)): StartOptions {
  const externalDatabaseUrl = value(env, 'DATABASE_URL');
  const externalTemporalAddress = value(env, 'TEMPORAL_ADDRESS');
  const dataDirText = value(env, 'DANDANG_DATA_DIR');
  const dataDir = dataDirText ? (isAbsolute(dataDirText) ? dataDirText : resolve(dataDirText)) : join(root, '.data');
  const generateKeys = !externalDatabaseUrl && !value(env, 'MASTER_KEYS') && !value(env, 'MASTER_KEYS_FILE');
  const config = loadConfig({
    ...env,
    // Stands in for the key file that is generated only when the services start.
    ...(generateKeys ? { MASTER_KEYS: masterKeysText(newMasterKeys()) } : {}),
    ...(externalDatabaseUrl ? {} : { DANDANG_EMBEDDED_DATABASE: '1' }),
    DATABASE_URL: externalDatabaseUrl ?? `postgres://embedded:embedded@127.0.0.1:${DEFAULT_PORTS.postgres}/${EMBEDDED_DATABASE}`,
    TEMPORAL_ADDRESS: externalTemporalAddress ?? `127.0.0.1:${DEFAULT_PORTS.temporal}`,
  });
  return {
    root,
    nodeEnv: config.nodeEnv,
    port: config.port,
    namespace: config.temporal.namespace,
    externalDatabaseUrl,
    migrationDatabaseUrl: config.migrationDatabaseUrl,
    externalTemporalAddress,
    workflowBundlePath: config.workflowBundlePath ?? join(root, 'dist', 'workflows', 'workflow-bundle.js'),
    dataDir,
    generatedKeysFile: generateKeys ? join(dataDir, 'master-keys.json') : undefined,
    temporalPort: portKnob(env, 'DANDANG_TEMPORAL_PORT', DEFAULT_PORTS.temporal),
    temporalUiPort: portKnob(env, 'DANDANG_TEMPORAL_UI_PORT', DEFAULT_PORTS.temporalUi),
    postgresPort: portKnob(env, 'DANDANG_POSTGRES_PORT', DEFAULT_PORTS.postgres),
    watch: args.includes('--watch'),
    webUrl: args.find((a) => a.startsWith('--web-url='))?.slice('--web-url='.length),
  };
}
