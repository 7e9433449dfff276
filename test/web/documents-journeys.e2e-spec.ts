// 文书 in the web application: the case officer generates the decision (问责决定书) from the case page's documents
// panel and downloads the .docx, whose bytes are those whose SHA-256 the case recorded. Against the whole system
// in-process, in Debian's Chromium.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { CaseDocumentList } from '@dandang/contracts';
import { docxText } from '../../apps/api/src/documents/docx/render-docx';
import type { ApiHarness } from '../support/api-harness';
import { get } from '../support/actions';
import { aServedCase, aSubject } from '../support/case-drive';
import { BROWSER_TEST_TIMEOUT_MS, chooseOption, screenshot, signIn, visit } from './support/browser';
import { startSystemWithFiles, type SystemWithFiles } from './support/system-with-files';

jest.setTimeout(BROWSER_TEST_TIMEOUT_MS);

describe('documents in the web application', () => {
  let system: SystemWithFiles;
  let h: ApiHarness;
  let officer: Page;
  let caseId: string;

  beforeAll(async () => {
    system = await startSystemWithFiles('documents');
    ({ h, officer } = system);
    caseId = await aServedCase(h, aSubject());
  }, 300_000);

  afterAll(() => system?.close());

  it('the case officer generates the decision and downloads it as .docx, the bytes the case recorded', async () => {
    await signIn(officer, 'officer1');
    const panel = officer.locator('[data-documents-panel]');
    await visit(officer, `/cases/${caseId}`, panel.locator('[data-action="generateDocument"]'));
    await chooseOption(officer, panel.locator('.ant-select'), '问责决定书');
    await panel.locator('[data-action="generateDocument"]').click();
    const number = panel.locator('[data-document-number]');
    await number.waitFor();
    expect(await number.textContent()).toMatch(/^纪问〔\d{4}〕\d+号$/);
    await screenshot(officer, 'documents-01-generated');

    const [download] = await Promise.all([officer.waitForEvent('download'), panel.locator('[data-download="docx"]').first().click()]);
    expect(download.suggestedFilename()).toBe(`问责决定书-${await number.textContent()}.docx`);
    const bytes = readFileSync((await download.path())!);
    const recorded = ((await get(h, 'officer1', `/api/cases/${caseId}/documents`)).body as CaseDocumentList).documents[0];
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(recorded.sha256);
    expect(docxText(bytes)).toContain('张三');
  });
});
