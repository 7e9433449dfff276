import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { withBuildLock } from './build-lock';
import { temporalCliCacheDir } from './temporal-cli';
import { runGo } from './temporal-server';

/**
 * MinIO, the S3-compatible object store the S3 file store's tests run against. MinIO publishes no tagged Go module
 * versions, so a pseudo-version pins the build.
 */
export const MINIO_MODULE = 'github.com/minio/minio';
export const MINIO_VERSION = 'v0.0.0-20260212201848-7aac2a2c5b7c';

export function minioCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return join(temporalCliCacheDir(env), '..', `minio-${MINIO_VERSION}`);
}

/** The MinIO server binary, built once per machine with `go install` into the cache, under a lock. */
export async function locateMinio({ env = process.env, log = (line: string): void => void line } = {}): Promise<string> {
  const dir = minioCacheDir(env);
  const binary = join(dir, 'minio');
  if (existsSync(binary)) return binary;
  mkdirSync(dir, { recursive: true });
  return withBuildLock(
    `${dir}.lock`,
    async () => {
      if (existsSync(binary)) return binary;
      log(`Building MinIO with go install into ${dir} (once per machine, a few minutes)…`);
      await runGo('building MinIO', ['install', `${MINIO_MODULE}@${MINIO_VERSION}`], { ...env, GOBIN: dir, CGO_ENABLED: env['CGO_ENABLED'] ?? '0' });
      if (!existsSync(binary)) throw new Error(`go install finished but ${binary} is missing`);
      return binary;
    },
    { log, timeoutMs: 1_800_000 },
  );
}
