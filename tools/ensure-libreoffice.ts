// LibreOffice from Debian renders the documents' PDFs (apps/api/src/documents/pdf-converter.ts), with CJK fonts, and
// poppler's pdftotext lets the tests read them back. A fresh machine has none of them, so the tests install them as
// root (debian-packages.ts).
import { ensureDebianPackages } from './debian-packages';

export const SOFFICE_PATH = '/usr/bin/soffice';
export const PDFTOTEXT_PATH = '/usr/bin/pdftotext';
const CJK_FONT = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc';
const PACKAGES = ['libreoffice-writer-nogui', 'fonts-noto-cjk', 'poppler-utils'];

/** Returns soffice's path, installing LibreOffice, the CJK fonts and pdftotext first when missing; throws when impossible. */
export function ensureLibreOffice(): string {
  ensureDebianPackages('LibreOffice', PACKAGES, [SOFFICE_PATH, PDFTOTEXT_PATH, CJK_FONT]);
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
