// Builds the web application (apps/web → dist/web) when the build is missing or older than its sources,
// so that the API under test serves the current app at its own address.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const OUT = join(ROOT, 'dist/web');
const SOURCES = ['apps/web/src', 'apps/web/index.html', 'apps/web/vite.config.mts', 'libs/contracts/src'];

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

function isFresh(): boolean {
  const index = join(OUT, 'index.html');
  const sourcesAt = Math.max(...SOURCES.map((s) => newest(join(ROOT, s))));
  return existsSync(index) && statSync(index).mtimeMs >= sourcesAt;
}

const LOCK = `${OUT}.building`;
/** A lock left by a build that died is taken over after this long (a build takes well under a minute). */
const STALE_LOCK_MS = 5 * 60_000;

/** Waits `ms` without returning to the event loop (the caller is synchronous). */
function pause(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * One build at a time across the Jest workers, and none when another worker has just built: two browser suites
 * starting together on a clean clone both found no build, and the second one's swap (remove dist/web, rename the new
 * one in) happened while the first suite's API was serving pages. A page loaded in that instant was answered 404,
 * and stayed so: the "Page load stalled" of CI runs (caught with the page's text: the API's JSON 404 at /notifications).
 */
export function ensureWebAppBuilt(): void {
  if (isFresh()) return;
  mkdirSync(dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const held = statSync(LOCK, { throwIfNoEntry: false });
      if (held && Date.now() - held.mtimeMs > STALE_LOCK_MS) rmSync(LOCK, { recursive: true, force: true });
      else if (held) pause(200);
    }
  }
  try {
    if (isFresh()) return;
    // Build beside and swap in, so a concurrent reader never sees a half-written dist/web.
    const tmp = `${OUT}.tmp-${process.pid}`;
    execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'apps/web/vite.config.mts', '--outDir', tmp, '--logLevel', 'error'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_ENV: 'production' },
      timeout: 5 * 60_000,
    });
    rmSync(OUT, { recursive: true, force: true });
    renameSync(tmp, OUT);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
