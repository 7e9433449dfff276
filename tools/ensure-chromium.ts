// Debian's Chromium for the browser journeys (test/web). A fresh machine does not have it, so the tests
// install it themselves: `apt-get install chromium` as root. When it cannot be had, this throws, and the
// browser tests fail with the reason; they are never skipped.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = '/usr/bin/chromium';
/** A CJK font, so that screenshots of the Chinese interface show characters, not boxes. */
const CJK_FONT = '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc';
const PACKAGES = ['chromium', 'fonts-wqy-zenhei'];

/** Flags for headless Chromium as root on a closed network; add a fresh `--user-data-dir` per launch. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

function apt(args: string[]): void {
  execFileSync('apt-get', args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    timeout: 15 * 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** Returns the path of Chromium, installing it first when missing; throws when that is impossible. */
export function ensureChromium(): string {
  if (existsSync(CHROMIUM_PATH) && existsSync(CJK_FONT)) return CHROMIUM_PATH;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    throw new Error(`${CHROMIUM_PATH} is missing and this process is not root: run \`apt-get install -y ${PACKAGES.join(' ')}\` first.`);
  }
  try {
    try {
      apt(['install', '-y', '--no-install-recommends', ...PACKAGES]);
    } catch {
      // A fresh machine has no package lists yet.
      apt(['update']);
      apt(['install', '-y', '--no-install-recommends', ...PACKAGES]);
    }
  } catch (e) {
    const err = e as { stderr?: Buffer; message: string };
    throw new Error(`Could not install Chromium with apt-get: ${err.stderr?.toString().trim() || err.message}`);
  }
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`apt-get install chromium finished but ${CHROMIUM_PATH} is still missing.`);
  return CHROMIUM_PATH;
}

if (require.main === module) {
  try {
    console.log(`chromium: ${ensureChromium()}`);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
