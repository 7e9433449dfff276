// A supervisor hands a leaving officer's cases to another in the web application and watches each case's result;
// an administrator publishes a new policy version from a copy, told first which field the API refused.
import type { Browser, Page } from 'playwright-core';
import { DEMO_USERS } from '@dandang/persistence';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { act, get, register } from '../support/actions';
import { aClue } from '../support/clue';
import { BROWSER_TEST_TIMEOUT_MS, chooseOption, launchBrowser, newOfficerPage, screenshot, signIn } from './support/browser';
import { ensureWebAppBuilt } from './support/web-app';

jest.setTimeout(BROWSER_TEST_TIMEOUT_MS);

describe('bulk reassignment and publishing a policy in the web application', () => {
  let h: ApiHarness;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ensureWebAppBuilt();
    h = await startApiHarness({ listen: true });
    browser = await launchBrowser();
    page = (await newOfficerPage(browser, h.baseUrl!)).page;
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it("a supervisor moves officer1's open cases to officer2 and sees each one reassigned", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const id: string = (await register(h, 'intake1', aClue({ title: `改派浏览器旅程 ${i} ${Date.now()}` }))).body.id;
      expect((await act(h, 'intake1', id, 'acceptClue', { assigneeId: DEMO_USERS.officer1.id })).status).toBe(200);
      ids.push(id);
    }
    await signIn(page, 'supervisor1');
    await page.getByRole('link', { name: '批量改派' }).click();
    await page.getByLabel('原承办人（调离人员）', { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '李强' }).click();
    for (const id of ids) await page.locator(`[data-testid="reassign-open-cases"] tr[data-row-key="${id}"]`).waitFor();

    await chooseOption(page, page.getByLabel('新承办人', { exact: true }), '承办人 赵敏');
    await page.getByLabel('理由', { exact: true }).fill('岗位调整：李强调任他处');
    await page.getByRole('button', { name: '改派所选 2 件' }).click();

    await page.locator('[data-testid="reassign-progress"][data-status="DONE"]').waitFor();
    for (const id of ids) await page.locator(`[data-result-case="${id}"][data-outcome="APPLIED"]`).waitFor();
    await screenshot(page, 'reassignment-01-done');
    for (const id of ids) expect((await get(h, 'supervisor1', `/api/cases/${id}`)).body.assigneeId).toBe(DEMO_USERS.officer2.id);
  });

  it('an administrator publishes a new policy version from a copy of the current one, with a reason', async () => {
    // A browser context of their own: the supervisor is still signed in on the first.
    const page = (await newOfficerPage(browser, h.baseUrl!)).page;
    await signIn(page, 'admin1');
    await page.getByRole('link', { name: '规则与节假日历' }).click();
    const rows = page.locator('[data-testid="policies-versions"] tr[data-version]');
    await rows.first().waitFor();
    await rows.first().getByRole('button', { name: '以此为底稿发布新版本' }).click();
    const form = page.locator('[data-testid="publish-form"]');
    await form.getByLabel('理由', { exact: true }).fill('调整初核时限');

    // The API's checks: a version it refuses is named in the answer, shown beside the form.
    await form.getByLabel('新版本号', { exact: true }).fill('bad version!');
    await form.getByRole('button', { name: '发布' }).click();
    await form.locator('[data-testid="publish-error"]', { hasText: 'version' }).waitFor();

    await form.getByLabel('新版本号', { exact: true }).fill('web-2027');
    await form.getByRole('button', { name: '发布' }).click();
    await page.locator('[data-testid="policies-versions"] tr[data-version="web-2027"]').waitFor();
    await screenshot(page, 'policy-01-published');

    const published = (await get(h, 'admin1', '/api/admin/policies')).body as { version: string }[];
    expect(published[0].version).toBe('web-2027');
    const events = (await get(h, 'auditor1', '/api/audit/security-events?kind=POLICY_PUBLISHED')).body;
    expect(events.items).toEqual(expect.arrayContaining([expect.objectContaining({ subject: 'web-2027', reason: '调整初核时限' })]));
  });
});
