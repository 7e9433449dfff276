import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The production sources compiled to CommonJS, for tests that run them as OS processes of their own. */
export interface ProcessBuild {
  dir: string;
  /** The compiled form of a source file: `apps/worker/src/main.ts` → `<dir>/apps/worker/src/main.js`. */
  script(source: string): string;
  /** The environment a compiled script needs: the build lies outside the repository, so its packages come through NODE_PATH. */
  env: NodeJS.ProcessEnv;
  remove(): Promise<void>;
}

/**
 * Compiles `sources` with swc and the repository's .swcrc, as `npm run build` does, but into a folder of its own:
 * others may be building dist/ at the same time. A test that must SIGKILL the worker needs it in another process,
 * and Jest's on-the-fly compilation does not reach into a child process.
 */
export async function buildForProcesses(
  root: string,
  sources: string[] = ['apps/worker', 'libs', 'workflows', 'activities'],
): Promise<ProcessBuild> {
  const dir = await mkdtemp(join(tmpdir(), 'dandang-build-'));
  await run(join(root, 'node_modules', '.bin', 'swc'), [...sources, '-d', dir, '--ignore', '**/*.spec.ts,**/*.int-spec.ts', '--quiet'], {
    cwd: root,
  });
  return {
    dir,
    script: (source) => join(dir, source.replace(/\.ts$/, '.js')),
    env: { NODE_PATH: join(root, 'node_modules') },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
