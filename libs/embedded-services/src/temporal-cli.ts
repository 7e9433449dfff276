import { execFile } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** CLI v1.5.1: later tags carry a `replace` directive that breaks `go install` (DEVELOPERS.md). */
export const TEMPORAL_CLI_VERSION = 'v1.5.1';

export interface CliLocation {
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}

/** Where the built CLI is cached: outside the repository, shared by every checkout on the machine. */
export function temporalCliCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env['XDG_CACHE_HOME'] || join(homedir(), '.cache');
  return join(base, 'dandang', `temporal-cli-${TEMPORAL_CLI_VERSION}`);
}

async function hasGo(env: NodeJS.ProcessEnv): Promise<boolean> {
  try {
    await run('go', ['version'], { env });
    return true;
  } catch {
    return false;
  }
}

/**
 * The path of a Temporal CLI binary: TEMPORAL_CLI_PATH, else the cache, else built there with `go install`.
 * Returns undefined on a machine without Go; the caller then lets @temporalio/testing download it.
 */
export async function locateTemporalCli({ env = process.env, log = () => undefined }: CliLocation = {}): Promise<
  string | undefined
> {
  const explicit = env['TEMPORAL_CLI_PATH'];
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`TEMPORAL_CLI_PATH points at ${explicit}, which does not exist`);
    return explicit;
  }
  const dir = temporalCliCacheDir(env);
  const binary = join(dir, 'temporal');
  if (existsSync(binary)) return binary;
  if (!(await hasGo(env))) return undefined;
  mkdirSync(dir, { recursive: true });
  log(`Building the Temporal CLI ${TEMPORAL_CLI_VERSION} with go install into ${dir} (once per machine, a few minutes)…`);
  await run('go', ['install', `github.com/temporalio/cli/cmd/temporal@${TEMPORAL_CLI_VERSION}`], {
    env: { ...env, GOBIN: dir, CGO_ENABLED: env['CGO_ENABLED'] ?? '0' },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (!existsSync(binary)) throw new Error(`go install finished but ${binary} is missing`);
  return binary;
}
