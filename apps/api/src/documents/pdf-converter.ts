import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { Injectable } from '@nestjs/common';
import { UnavailableError } from '../infrastructure/unavailable.error';

const run = promisify(execFile);

/** Where Debian's LibreOffice puts soffice (libreoffice-writer-nogui), and where other installs do. */
export const SOFFICE_CANDIDATES = ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice', '/opt/libreoffice/program/soffice'];
const CONVERSION_TIMEOUT_MS = 120_000;

/**
 * .docx to PDF with LibreOffice headless, for service and archive. A machine without it answers 503 naming what is
 * missing; the .docx is served all the same. Each conversion has its own profile folder, so conversions may run at
 * once (LibreOffice locks its profile).
 */
@Injectable()
export class PdfConverter {
  constructor(private readonly candidates: readonly string[] = SOFFICE_CANDIDATES) {}

  /** soffice's path, or undefined when this machine has none. */
  soffice(): string | undefined {
    return this.candidates.find((path) => existsSync(path));
  }

  async toPdf(docx: Buffer): Promise<Buffer> {
    const soffice = this.soffice();
    if (!soffice) {
      throw new UnavailableError(
        'PDF 生成需要 LibreOffice (PDF needs LibreOffice, which is not installed on this server: apt-get install libreoffice-writer-nogui fonts-noto-cjk); the .docx is available',
      );
    }
    const dir = await mkdtemp(join(tmpdir(), 'dandang-pdf-'));
    try {
      const input = join(dir, 'document.docx');
      await writeFile(input, docx);
      await run(
        soffice,
        [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, input],
        { timeout: CONVERSION_TIMEOUT_MS },
      );
      return await readFile(join(dir, 'document.pdf'));
    } catch (e) {
      if (e instanceof UnavailableError) throw e;
      throw new UnavailableError(`LibreOffice could not convert the document to PDF: ${(e as Error).message}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}
