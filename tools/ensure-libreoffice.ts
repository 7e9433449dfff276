// LibreOffice from Debian renders the documents' PDFs (apps/api/src/documents/pdf-converter.ts), with CJK fonts, and
// poppler's pdftotext lets the tests read them back. A fresh machine has none of them, so the tests install them as
// root, as ensure-chromium.ts does Chromium; when that is impossible this throws with apt-get's own words.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const SOFFICE_PATH = '/usr/bin/soffice';
export const PDFTOTEXT_PATH = '/usr/bin/pdftotext';
const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc';
const PACKAGES = ['libreoffice-writer-nogui', 'fonts-noto-cjk', 'poppler-utils'];

function apt(args: string[]): void {
  execFileSync('apt-get', args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    timeout: 20 * 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
}

/** Returns soffice's path, installing LibreOffice, the CJK fonts and pdftotext first when missing; throws when impossible. */
export function ensureLibreOffice(): string {
  if (existsSync(SOFFICE_PATH) && existsSync(PDFTOTEXT_PATH) && existsSync(CJK_FONT)) return SOFFICE_PATH;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    throw new Error(`LibreOffice is missing and this process is not root: run \`apt-get install -y --no-install-recommends ${PACKAGES.join(' ')}\` first.`);
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
    throw new Error(`Could not install LibreOffice with apt-get: ${err.stderr?.toString().trim() || err.message}`);
  }
  if (!existsSync(SOFFICE_PATH)) throw new Error(`apt-get install libreoffice-writer-nogui finished but ${SOFFICE_PATH} is still missing.`);
  return SOFFICE_PATH;
}

if (require.main === module) {
  try {
    console.log(`soffice: ${ensureLibreOffice()}`);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
