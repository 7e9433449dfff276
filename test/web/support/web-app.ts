// Builds the web application (apps/web → dist/web) when the build is missing or older than its sources,
// so that the API under test serves the current app at its own address.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const OUT = join(ROOT, 'dist/web');
const SOURCES = ['apps/web/src', 'apps/web/index.html', 'apps/web/vite.config.mts', 'libs/contracts/src'];

function newest(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

export function ensureWebAppBuilt(): void {
  const index = join(OUT, 'index.html');
  const sourcesAt = Math.max(...SOURCES.map((s) => newest(join(ROOT, s))));
  if (existsSync(index) && statSync(index).mtimeMs >= sourcesAt) return;
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
}
