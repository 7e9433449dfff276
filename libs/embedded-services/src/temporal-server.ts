import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { withBuildLock } from './build-lock';
import { temporalCliCacheDir } from './temporal-cli';

/**
 * The Temporal server the CLI v1.5.1 embeds (its dev server says "Server 1.29.1"), so that the cluster profile,
 * docker-compose.yml and the dev server of the tests all run one release.
 */
export const TEMPORAL_SERVER_VERSION = 'v1.29.1';
export const TEMPORAL_SERVER_MODULE = 'go.temporal.io/server';

/** What the cluster profile needs of a Temporal server release, all in one cache folder. */
export interface TemporalServerInstall {
  dir: string;
  /** `go.temporal.io/server/cmd/server`: frontend, history, matching and worker services. */
  server: string;
  /** `go.temporal.io/server/cmd/tools/sql`: temporal-sql-tool of the admin-tools image. */
  sqlTool: string;
  /** The release's `schema/postgresql/v12` (temporal/ and visibility/, each with versioned/). */
  postgresSchemaDir: string;
  /** The release's sample PostgreSQL config (`config/development-postgres12.yaml`). */
  sampleConfig: string;
}

export interface ServerLocation {
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}

const execFileAsync = promisify(execFile);

/** Beside the CLI's cache (~/.cache/dandang), outside every checkout. */
export function temporalServerCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(temporalCliCacheDir(env), '..', `temporal-server-${TEMPORAL_SERVER_VERSION}`);
}

function install(dir: string): TemporalServerInstall {
  return {
    dir,
    server: join(dir, 'server'),
    sqlTool: join(dir, 'sql'),
    postgresSchemaDir: join(dir, 'schema', 'postgresql', 'v12'),
    sampleConfig: join(dir, 'config', 'development-postgres12.yaml'),
  };
}

const complete = (i: TemporalServerInstall) => [i.server, i.sqlTool, i.postgresSchemaDir, i.sampleConfig].every((p) => existsSync(p));

/** `go <args>`, its output; an error names the command and ends with what Go printed. */
export async function runGo(what: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  try {
    const { stdout } = await execFileAsync('go', args, { env, maxBuffer: 64 * 1024 * 1024, timeout: 1_200_000 });
    return stdout;
  } catch (e) {
    const err = e as Error & { stderr?: string; code?: string };
    if (err.code === 'ENOENT') throw new Error(`${what}: Go is not installed (\`go ${args.join(' ')}\` could not start)`);
    throw new Error(`${what} failed: \`go ${args.join(' ')}\`\n${(err.stderr ?? err.message).trim().split('\n').slice(-20).join('\n')}`);
  }
}

/**
 * The Temporal server and its SQL tool, built once per machine with `go install` into the cache (about two minutes;
 * under a lock, so concurrent callers wait for one build), with the release's PostgreSQL schemas and sample config
 * copied beside them from Go's module cache, so that later runs need neither Go nor the module cache.
 */
export async function locateTemporalServer({ env = process.env, log = () => undefined }: ServerLocation = {}): Promise<TemporalServerInstall> {
  const dir = temporalServerCacheDir(env);
  const found = install(dir);
  if (complete(found)) return found;
  mkdirSync(dir, { recursive: true });
  return withBuildLock(`${dir}.lock`, async () => {
    if (complete(found)) return found; // Built by whoever held the lock.
    log(`Building the Temporal server ${TEMPORAL_SERVER_VERSION} and its SQL tool with go install into ${dir} (once per machine, a few minutes)…`);
    const goEnv = { ...env, GOBIN: dir, CGO_ENABLED: env['CGO_ENABLED'] ?? '0' };
    const at = `@${TEMPORAL_SERVER_VERSION}`;
    await runGo('building the Temporal server', ['install', `${TEMPORAL_SERVER_MODULE}/cmd/server${at}`], goEnv);
    await runGo('building temporal-sql-tool', ['install', `${TEMPORAL_SERVER_MODULE}/cmd/tools/sql${at}`], goEnv);
    // `go install` left the module in Go's module cache; -json names its folder.
    const { Dir: moduleDir } = JSON.parse(await runGo('locating the Temporal server module', ['mod', 'download', '-json', `${TEMPORAL_SERVER_MODULE}${at}`], env)) as { Dir?: string };
    if (!moduleDir || !existsSync(moduleDir)) throw new Error(`go mod download named no folder for ${TEMPORAL_SERVER_MODULE}${at}`);
    rmSync(join(dir, 'schema'), { recursive: true, force: true });
    cpSync(join(moduleDir, 'schema', 'postgresql', 'v12'), found.postgresSchemaDir, { recursive: true });
    mkdirSync(join(dir, 'config'), { recursive: true });
    cpSync(join(moduleDir, 'config', 'development-postgres12.yaml'), found.sampleConfig);
    if (!complete(found)) throw new Error(`go install finished but ${dir} lacks the server, the SQL tool or the schemas`);
    return found;
  }, { log });
}
