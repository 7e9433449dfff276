// Exports, reports and print in the web application (issue 19 §3): an officer downloads the filtered case list, a
// supervisor reads the quarter's report, and the print view of a case names the case, the viewer and the time at its
// foot. Against the whole system in-process, in Debian's Chromium.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { register } from '../support/actions';
import { aClue } from '../support/clue';
import { BROWSER_TEST_TIMEOUT_MS, launchBrowser, newOfficerPage, screenshot, signIn, visit } from './support/browser';
import { ensureWebAppBuilt } from './support/web-app';

jest.setTimeout(BROWSER_TEST_TIMEOUT_MS);

describe('exports, reports and print in the web application', () => {
  let h: ApiHarness;
  let browser: Browser;
  let page: Page;
  let caseId: string;
  const title = `导出浏览器旅程 ${Date.now()}`;

  beforeAll(async () => {
    ensureWebAppBuilt();
    h = await startApiHarness({ listen: true });
    browser = await launchBrowser();
    page = (await newOfficerPage(browser, h.baseUrl!)).page;
    caseId = (await register(h, 'intake1', aClue({ title, channel: 'MEDIA' }))).body.id;
    await register(h, 'intake1', aClue({ title: '不在筛选范围内的线索' }));
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('downloads the filtered case list as CSV, the rows counted while it arrives', async () => {
    await signIn(page, 'supervisor1');
    await visit(page, '/cases?channel=MEDIA', page.getByRole('link', { name: /DD-/ }).first());
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^dandang-cases-\d{8}-\d{4}\.csv$/);
    const text = readFileSync((await download.path())!, 'utf8');
    expect(text.startsWith('\uFEFF线索编号 (Case number),标题 (Title)')).toBe(true);
    expect(text).toContain(title);
    expect(text).not.toContain('不在筛选范围内的线索');
    await page.getByRole('status').waitFor({ state: 'detached' });
    await screenshot(page, 'export-01-cases');
  });

  it("shows the quarter's report and exports it as a workbook", async () => {
    await page.getByRole('link', { name: '统计报表' }).click();
    const received = page.locator('.ant-statistic').filter({ hasText: '受理线索' });
    await received.waitFor();
    expect(await received.locator('.ant-statistic-content-value').textContent()).toBe('2');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Excel' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^dandang-report-.*\.xlsx$/);
    await screenshot(page, 'export-02-report');
  });

  it('prints a case with its timeline, the case number, the viewer and the time at the foot', async () => {
    await visit(page, `/cases/${caseId}`, page.getByRole('link', { name: '打印视图' }));
    await page.getByRole('link', { name: '打印视图' }).click();
    const footer = page.getByTestId('print-footer');
    await footer.waitFor();
    expect(await footer.textContent()).toMatch(/^DD-\d{4}-\d{6} · 打印人 审批领导 陈刚 · \d{4}/);
    expect(await page.getByTestId('case-print').textContent()).toContain(title);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.ant-layout-sider').isVisible()).toBe(false);
    await screenshot(page, 'export-03-print');
  });
});
