// Debian packages the tests need (Chromium, LibreOffice): a fresh machine has none of them, so the tests install
// them as root with apt-get. When that is impossible this throws with apt-get's own words; nothing is skipped.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

function apt(args: string[]): void {
  execFileSync('apt-get', args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    timeout: 20 * 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
}

/**
 * Installs `packages` unless every file in `provides` is there already; `what` names them in errors. Throws when not
 * root or when apt-get fails, or when a file is still missing afterwards.
 */
export function ensureDebianPackages(what: string, packages: readonly string[], provides: readonly string[]): void {
  if (provides.every((file) => existsSync(file))) return;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    throw new Error(`${what} is missing and this process is not root: run \`apt-get install -y --no-install-recommends ${packages.join(' ')}\` first.`);
  }
  const install = ['install', '-y', '--no-install-recommends', ...packages];
  try {
    try {
      apt(install);
    } catch {
      // A fresh machine has no package lists yet.
      apt(['update']);
      apt(install);
    }
  } catch (e) {
    const err = e as { stderr?: Buffer; message: string };
    throw new Error(`Could not install ${what} with apt-get: ${err.stderr?.toString().trim() || err.message}`);
  }
  const missing = provides.filter((file) => !existsSync(file));
  if (missing.length) throw new Error(`apt-get install ${packages.join(' ')} finished but ${missing.join(', ')} is still missing.`);
}
