// Debian's Chromium for the browser journeys (test/web). A fresh machine does not have it, so the tests
// install it themselves as root (debian-packages.ts). When it cannot be had, this throws, and the
// browser tests fail with the reason; they are never skipped.
import { ensureDebianPackages } from './debian-packages';

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

/** Returns the path of Chromium, installing it first when missing; throws when that is impossible. */
export function ensureChromium(): string {
  ensureDebianPackages('Chromium', PACKAGES, [CHROMIUM_PATH, CJK_FONT]);
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
