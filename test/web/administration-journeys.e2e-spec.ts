// The administration area (系统管理) in Chromium: an administrator creates an account, a refusal lands beside its
// field, the one-time password is shown once, and its holder is led to change it before anything else.
import type { Browser, Page } from 'playwright-core';
import { DEMO_ORG_UNITS } from '@dandang/persistence';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { BROWSER_TEST_TIMEOUT_MS, chooseOption, launchBrowser, newOfficerPage, screenshot, signIn, visit } from './support/browser';
import { ensureWebAppBuilt } from './support/web-app';

jest.setTimeout(BROWSER_TEST_TIMEOUT_MS);

/** Picks the option titled `option` in the antd Select or TreeSelect labelled `label` inside `scope`. */
async function choose(page: Page, scope: ReturnType<Page['getByTestId']>, label: string, option: string, tree = false): Promise<void> {
  if (tree) {
    await scope.getByLabel(label, { exact: true }).click();
    await page.locator(`.ant-select-dropdown:visible .ant-select-tree-node-content-wrapper[title="${option}"]`).click();
    return;
  }
  await chooseOption(page, scope.getByLabel(label, { exact: true }), option);
}

describe('the administration area in a real browser', () => {
  let h: ApiHarness;
  let browser: Browser;
  let admin: Page;
  let officer: Page;

  beforeAll(async () => {
    ensureWebAppBuilt();
    h = await startApiHarness({ listen: true });
    browser = await launchBrowser();
    admin = (await newOfficerPage(browser, h.baseUrl!)).page;
    officer = (await newOfficerPage(browser, h.baseUrl!)).page;
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('an administrator creates a user; the new officer changes the one-time password, then works', async () => {
    await signIn(admin, 'admin1');
    await admin.getByRole('link', { name: '系统管理' }).click();
    await admin.getByTestId('users').waitFor();
    await admin.getByRole('button', { name: '新建用户' }).click();
    const form = admin.getByTestId('create-user');
    await form.getByLabel('用户名', { exact: true }).fill('bad name');
    await form.getByRole('button', { name: '提交' }).click();
    // The form's own checks first: each field says what it needs.
    await form.locator('.ant-form-item-explain-error', { hasText: '字母、数字' }).waitFor();
    await form.locator('.ant-form-item-explain-error', { hasText: '请填写原因' }).waitFor();

    await form.getByLabel('用户名', { exact: true }).fill('browser.officer');
    await form.getByLabel('姓名', { exact: true }).fill('浏览器 承办人');
    await choose(admin, form, '角色', '系统管理员 ADMIN');
    await choose(admin, form, '角色', '承办人员 CASE_OFFICER');
    await admin.keyboard.press('Escape');
    await choose(admin, form, '所在单位', `${DEMO_ORG_UNITS.commission.name} (CITY)`, true);
    await form.getByLabel('原因（记入安全审计）', { exact: true }).fill('新入职 (new staff)');
    await form.getByRole('button', { name: '提交' }).click();
    // The API's refusal (三员分立) beside the roles field.
    await admin.locator('.ant-form-item', { has: admin.getByLabel('角色', { exact: true }) }).locator('.ant-form-item-explain-error', { hasText: '三员分立' }).waitFor();

    await form.locator('.ant-select-selection-item', { hasText: '系统管理员 ADMIN' }).locator('.ant-select-selection-item-remove').click();
    await form.getByRole('button', { name: '提交' }).click();
    const shown = admin.getByTestId('one-time-password');
    await shown.waitFor();
    const password = (await shown.innerText()).trim();
    expect(password).toMatch(/^\w{4}-\w{4}-\w{4}$/);
    await screenshot(admin, 'admin-one-time-password');
    await admin.getByRole('button', { name: '完成' }).click();
    await admin.getByTestId('users').getByRole('cell', { name: 'browser.officer', exact: true }).waitFor();

    await visit(officer, '/login', officer.getByLabel(/用户名|Username/));
    await officer.getByLabel(/用户名|Username/).fill('browser.officer');
    await officer.getByLabel(/密码|Password/).fill(password);
    await officer.getByLabel(/密码|Password/).press('Enter');
    const change = officer.getByTestId('change-password');
    await change.waitFor();
    await officer.getByRole('status').filter({ hasText: '请先修改密码' }).waitFor();
    await change.getByLabel('当前密码', { exact: true }).fill(password);
    await change.getByLabel('新密码', { exact: true }).fill('Browser-Officer-2026!');
    await change.getByLabel('确认新密码', { exact: true }).fill('Browser-Officer-2026!');
    await change.getByRole('button', { name: '修改密码' }).click();
    await officer.getByTestId('current-user').filter({ hasText: '浏览器 承办人' }).waitFor();
    await officer.getByRole('link', { name: '案件列表' }).click();
    await officer.waitForURL(/\/cases$/);
  });
});
