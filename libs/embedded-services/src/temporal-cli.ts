import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, isAbsolute, join } from 'node:path';
import { promisify } from 'node:util';

/** CLI v1.5.1: later tags carry a `replace` directive that breaks `go install` (DEVELOPERS.md). */
export const TEMPORAL_CLI_VERSION = 'v1.5.1';

export interface CliExecOptions {
  env: NodeJS.ProcessEnv;
  timeout?: number;
  maxBuffer?: number;
}

export interface CliLocation {
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
  /** Whether a file exists. A seam: tests inject a fake file system. */
  exists?: (path: string) => boolean;
  /** Runs a program to completion, rejecting when it cannot start or fails. A seam: tests run nothing. */
  exec?: (file: string, args: readonly string[], options: CliExecOptions) => Promise<{ stdout: string }>;
}

const execFileAsync = promisify(execFile);
const defaultExec: NonNullable<CliLocation['exec']> = (file, args, options) => execFileAsync(file, [...args], options);

/** Where the built CLI is cached: outside the repository, shared by every checkout on the machine. */
export function temporalCliCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env['XDG_CACHE_HOME'] || join(homedir(), '.cache');
  return join(base, 'dandang', `temporal-cli-${TEMPORAL_CLI_VERSION}`);
}

/** The first `name` in the PATH's folders, in order. Relative and empty entries are skipped: they depend on the cwd. */
export function findOnPath(name: string, env: NodeJS.ProcessEnv, exists: (path: string) => boolean = existsSync): string | undefined {
  for (const dir of (env['PATH'] ?? '').split(delimiter)) {
    if (!dir || !isAbsolute(dir)) continue;
    const candidate = join(dir, name);
    if (exists(candidate)) return candidate;
  }
  return undefined;
}

/** The version line of a Temporal CLI, or undefined when `binary` does not run as one. */
async function temporalVersion(binary: string, env: NodeJS.ProcessEnv, exec: NonNullable<CliLocation['exec']>): Promise<string | undefined> {
  try {
    const { stdout } = await exec(binary, ['--version'], { env, timeout: 15_000 });
    const line = stdout.trim().split('\n')[0] ?? '';
    return /^temporal version /i.test(line) ? line : undefined;
  } catch {
    return undefined;
  }
}

async function hasGo(env: NodeJS.ProcessEnv, exec: NonNullable<CliLocation['exec']>): Promise<boolean> {
  try {
    await exec('go', ['version'], { env });
    return true;
  } catch {
    return false;
  }
}

/**
 * The path of a Temporal CLI binary, found in this order, so that nothing is built where a CLI is at hand:
 * 1. TEMPORAL_CLI_PATH (an error when it names no file);
 * 2. a `temporal` on PATH that answers `--version` as the Temporal CLI;
 * 3. the cache (temporalCliCacheDir);
 * 4. built into the cache with `go install`, when Go is installed (minutes, once per machine).
 * Returns undefined otherwise; the caller then lets @temporalio/testing download it.
 */
export async function locateTemporalCli({
  env = process.env,
  log = () => undefined,
  exists = existsSync,
  exec = defaultExec,
}: CliLocation = {}): Promise<string | undefined> {
  const explicit = env['TEMPORAL_CLI_PATH'];
  if (explicit) {
    if (!exists(explicit)) throw new Error(`TEMPORAL_CLI_PATH points at ${explicit}, which does not exist`);
    return explicit;
  }
  const onPath = findOnPath('temporal', env, exists);
  if (onPath) {
    const version = await temporalVersion(onPath, env, exec);
    if (version) {
      log(`Using the Temporal CLI on PATH: ${onPath} (${version})`);
      return onPath;
    }
    log(`Ignoring ${onPath} on PATH: \`temporal --version\` did not answer as the Temporal CLI`);
  }
  const dir = temporalCliCacheDir(env);
  const binary = join(dir, 'temporal');
  if (exists(binary)) return binary;
  if (!(await hasGo(env, exec))) return undefined;
  mkdirSync(dir, { recursive: true });
  log(`Building the Temporal CLI ${TEMPORAL_CLI_VERSION} with go install into ${dir} (once per machine, a few minutes)…`);
  await exec('go', ['install', `github.com/temporalio/cli/cmd/temporal@${TEMPORAL_CLI_VERSION}`], {
    env: { ...env, GOBIN: dir, CGO_ENABLED: env['CGO_ENABLED'] ?? '0' },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (!exists(binary)) throw new Error(`go install finished but ${binary} is missing`);
  return binary;
}
