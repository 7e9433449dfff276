// 文书模板 in the administration area (系统管理), in Chromium: an administrator downloads a kind's current template,
// is refused a replacement naming a tag the kind does not carry, then replaces it and sees its version go up.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { docxOfLines } from '../../apps/api/src/documents/docx/builtin-template';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { get } from '../support/actions';
import { BROWSER_TEST_TIMEOUT_MS, launchBrowser, newOfficerPage, screenshot, signIn } from './support/browser';
import { ensureWebAppBuilt } from './support/web-app';

jest.setTimeout(BROWSER_TEST_TIMEOUT_MS);

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('document templates in the administration area', () => {
  let h: ApiHarness;
  let browser: Browser;
  let admin: Page;

  beforeAll(async () => {
    ensureWebAppBuilt();
    h = await startApiHarness({ listen: true });
    browser = await launchBrowser();
    admin = (await newOfficerPage(browser, h.baseUrl!)).page;
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('an administrator downloads a template, is refused one with an unknown tag naming it, then replaces it', async () => {
    await signIn(admin, 'admin1');
    await admin.getByRole('link', { name: '系统管理' }).click();
    await admin.getByRole('tab', { name: '文书模板' }).click();
    const table = admin.getByTestId('document-templates');
    const row = table.getByRole('row').filter({ has: admin.getByRole('cell', { name: '立案告知书', exact: true }) });
    await row.locator('[data-template-version="0"]').waitFor();
    await row.getByRole('cell', { name: '内置（v0）' }).waitFor();

    // The current (built-in) template, as the API serves it.
    const [download] = await Promise.all([admin.waitForEvent('download'), row.getByRole('button', { name: /下载/ }).click()]);
    expect(download.suggestedFilename()).toBe('CASE_FILING_NOTICE-v0.docx');
    const builtin = readFileSync((await download.path())!);
    expect(builtin.subarray(0, 2).toString()).toBe('PK');

    // A tag the kind does not carry: refused, the tag named, the template unchanged.
    await row.getByRole('button', { name: /更换模板/ }).click();
    const dialog = admin.getByRole('dialog');
    // Ant Design ignores clicks while the dialog is still zooming in.
    await admin.locator('.ant-modal:not(.ant-zoom-appear):not(.ant-zoom-enter)').waitFor();
    const bad = docxOfLines([{ text: '{subjectName}同志：', style: 'body' }, { text: '举报人：{reporterName}', style: 'body' }]);
    await dialog.locator('input[type="file"]').setInputFiles({ name: 'notice.docx', mimeType: DOCX, buffer: bad });
    await dialog.getByRole('button', { name: '提交' }).click();
    const refused = dialog.getByTestId('template-refused');
    await refused.filter({ hasText: '{reporterName}' }).waitFor();
    expect(await refused.innerText()).toContain('模板未被采用');
    await screenshot(admin, 'document-templates-refused');

    // The built-in template's own bytes with a new 文号 prefix: version 1.
    await dialog.locator('input[type="file"]').setInputFiles({ name: 'notice.docx', mimeType: DOCX, buffer: builtin });
    await dialog.getByLabel('文号前缀', { exact: true }).fill('东纪告');
    await dialog.getByRole('button', { name: '提交' }).click();
    await admin.getByTestId('template-replaced').filter({ hasText: 'v1' }).waitFor();
    await row.locator('[data-template-version="1"]').waitFor();
    await row.getByRole('cell', { name: '东纪告', exact: true }).waitFor();
    await screenshot(admin, 'document-templates-replaced');

    const listed = (await get(h, 'admin1', '/api/admin/document-templates')).body as { kind: string; version: number; numberPrefix: string }[];
    expect(listed.find((t) => t.kind === 'CASE_FILING_NOTICE')).toMatchObject({ version: 1, numberPrefix: '东纪告' });
  });
});
