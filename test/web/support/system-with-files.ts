import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startApiHarness, type ApiHarness } from '../../support/api-harness';
import { launchBrowser, newOfficerPage } from './browser';
import { ensureWebAppBuilt } from './web-app';

/** The whole system serving the web app over a file store of its own, Chromium, and a page for an officer. */
export interface SystemWithFiles {
  h: ApiHarness;
  browser: Browser;
  officer: Page;
  /** Closes the browser and the system and removes the file store. */
  close(): Promise<void>;
}

/** Starts it for the browser tests of files (evidence, documents): `name` marks its temporary file store. */
export async function startSystemWithFiles(name: string): Promise<SystemWithFiles> {
  ensureWebAppBuilt();
  const fileStoreDir = mkdtempSync(join(tmpdir(), `dandang-${name}-web-`));
  const h = await startApiHarness({ listen: true, env: { FILE_STORE_DIR: fileStoreDir } });
  const browser = await launchBrowser();
  const officer = (await newOfficerPage(browser, h.baseUrl!)).page;
  return {
    h,
    browser,
    officer,
    async close() {
      await browser.close();
      await h.close();
      rmSync(fileStoreDir, { recursive: true, force: true });
    },
  };
}
