// The officers' web application in Debian's Chromium, against the whole system in-process: the API (which
// also serves the built app at its own address), a worker, Temporal and PostgreSQL. The journeys build on
// each other: the clue registered in the first is approved in the second and refused an action in the third.
import type { Browser, Page } from 'playwright-core';
import { DEMO_ORG_UNITS, DEMO_USERS } from '@dandang/persistence';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { act } from '../support/actions';
import { BROWSER_TEST_TIMEOUT_MS, chooseOption, confirmDialog, fieldError, launchBrowser, newOfficerPage, screenshot, signIn, visit } from './support/browser';
import { ensureWebAppBuilt } from './support/web-app';

/** Picks `option` (its label, exactly) in the antd Select labelled `label`. */
async function choose(page: Page, label: string, option: string, scope = page.locator('body')): Promise<void> {
  await chooseOption(page, scope.getByLabel(label, { exact: true }), option);
}

/** Fills the registration form of a clue titled `title`, as an intake officer would. */
async function fillClue(page: Page, title: string): Promise<void> {
  await page.getByLabel('标题', { exact: true }).fill(title);
  await page.getByLabel('问题摘要', { exact: true }).fill('居民多次反映夜间施工噪音，街道办半年未处理。');
  await choose(page, '监督渠道', '社会监督');
  await choose(page, '受理方式', '来信');
  await page.getByLabel('被反映人 姓名', { exact: true }).fill('张三');
  await page.getByLabel('职务', { exact: true }).fill('街道办事处主任');
  // Org units are chosen by name from the directory (GET /api/org-units), never typed as IDs.
  await choose(page, '被反映人 所在单位', DEMO_ORG_UNITS.districtA.name);
  await page.getByLabel('检举控告人 姓名', { exact: true }).fill('李四');
  await page.getByLabel('联系方式', { exact: true }).fill('13800000000');
}

async function stageIs(page: Page, stage: string): Promise<void> {
  await page.locator(`h3 [data-stage="${stage}"]`).waitFor();
}

jest.setTimeout(BROWSER_TEST_TIMEOUT_MS);

describe('the officers’ web application in a real browser', () => {
  let h: ApiHarness;
  let browser: Browser;
  let officer: Page;
  let supervisor: Page;
  let caseUrl: string;
  let caseId: string;
  const title = `浏览器旅程线索 ${Date.now()}`;

  beforeAll(async () => {
    ensureWebAppBuilt();
    h = await startApiHarness({ listen: true });
    browser = await launchBrowser();
    officer = (await newOfficerPage(browser, h.baseUrl!)).page;
    supervisor = (await newOfficerPage(browser, h.baseUrl!)).page;
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('an officer registers a clue, sees the API’s field errors beside the fields, and takes the clue to a proposal', async () => {
    await signIn(officer, 'officer1');
    expect(await officer.locator('nav').textContent()).toContain('我的待办');
    await screenshot(officer, '01-officer-tasks');

    await officer.getByRole('link', { name: '登记线索' }).click();
    await officer.getByRole('button', { name: '提交' }).click();
    await fieldError(officer, '标题').waitFor();
    expect(await fieldError(officer, '标题').textContent()).toContain('title should not be empty');
    await screenshot(officer, '02-register-field-errors');

    await fillClue(officer, title);
    await officer.getByRole('button', { name: '提交' }).click();
    await stageIs(officer, 'INTAKE');
    caseUrl = new URL(officer.url()).pathname;
    caseId = caseUrl.split('/').pop()!;
    expect(await officer.locator('h3').textContent()).toContain(title);

    await officer.locator('[data-action="acceptClue"]').click();
    const accept = officer.locator('[data-action-form="acceptClue"]');
    // The assignee is chosen from the case officers of the directory (GET /api/users?role=CASE_OFFICER).
    const option = (name: string) => officer.locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${name}"]`);
    await accept.getByLabel('承办人', { exact: true }).click();
    await option('承办人 赵敏').waitFor();
    expect(await option('审批领导 陈刚').count()).toBe(0);
    await accept.getByLabel('承办人', { exact: true }).fill('李强');
    expect(await option('承办人 赵敏').count()).toBe(0);
    await option('承办人 李强').click();
    await accept.getByRole('button', { name: '受理线索' }).click();
    await stageIs(officer, 'DISPOSITION');
    const accepted = await h.http.get(`/api/cases/${caseId}`).set('Authorization', `Bearer ${await h.token('officer1')}`).expect(200);
    expect(accepted.body).toMatchObject({ assigneeId: DEMO_USERS.officer1.id, subject: expect.objectContaining({ orgUnitId: DEMO_ORG_UNITS.districtA.id }) });

    await officer.locator('[data-action="proposeDisposition"]').click();
    const form = officer.locator('[data-action-form="proposeDisposition"]');
    await choose(officer, '处置方式', '初步核实', form);
    await form.getByLabel('理由', { exact: true }).fill('反映问题具体，需初核');
    await form.getByRole('button', { name: '提出处置意见' }).click();
    await officer.getByTestId('proposal').waitFor();
    expect(await officer.getByTestId('proposal').textContent()).toContain('反映问题具体，需初核');
    expect(await officer.locator('[data-timeline-action]').count()).toBe(3);
    await screenshot(officer, '03-officer-proposal');
  });

  it('a supervisor finds the proposal in the approvals queue and approves it after confirming', async () => {
    await signIn(supervisor, 'supervisor1');
    await supervisor.getByRole('link', { name: '审批' }).click();
    const card = supervisor.locator(`[data-approval-case="${caseId}"]`);
    await card.waitFor();
    expect(await card.textContent()).toContain('反映问题具体，需初核');
    // No fault-tolerance application waits in this suite, and the second list says so in its own words.
    await supervisor.getByText('没有待认定的容错申请').waitFor();
    await screenshot(supervisor, '04-approvals-queue');

    await card.getByRole('link').first().click();
    await supervisor.locator('[data-action="approve"]').click();
    await supervisor.locator('[data-action-form="approve"]').getByLabel('审批意见').fill('同意初核');
    await supervisor.locator('[data-action-form="approve"]').getByRole('button', { name: '批准' }).click();
    const confirm = supervisor.locator('.ant-modal-confirm');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain('此操作不可撤销');
    await screenshot(supervisor, '05-approve-confirmation');
    await confirmDialog(supervisor);
    await stageIs(supervisor, 'VERIFICATION');
    await screenshot(supervisor, '06-approved');

    await visit(supervisor, `/cases?stage=VERIFICATION&q=${encodeURIComponent(title)}`, supervisor.getByRole('link', { name: /^DD-/ }).first());
    expect(await supervisor.locator('.ant-table-tbody').textContent()).toContain(title);
    await screenshot(supervisor, '07-cases-filtered');
  });

  it('a refused action shows the API’s reason and changes nothing', async () => {
    // A deep link: the API answers index.html, the app routes.
    await visit(officer, caseUrl, officer.locator('h3 [data-stage="VERIFICATION"]'));
    await officer.locator('[data-action="submitVerificationReport"]').click();
    const form = officer.locator('[data-action-form="submitVerificationReport"]');
    await choose(officer, '初核结论', '拟立案审查调查', form);
    await form.getByLabel('报告摘要', { exact: true }).fill('初核发现问题属实，建议立案');
    // Meanwhile the case moves on (the same report sent from elsewhere), so this page's version is stale.
    expect((await act(h, 'officer1', caseId, 'submitVerificationReport', { finding: 'CLOSE', summary: '另一窗口提交' })).status).toBe(200);
    await form.getByRole('button', { name: '提交初核报告' }).click();
    const alert = form.getByRole('alert');
    await alert.waitFor();
    expect(await alert.getAttribute('data-reason')).toBe('STALE_VERSION');
    expect(await alert.textContent()).toContain('案件已更新到版本');
    await screenshot(officer, '08-refused-action');
  });

  it('a case named by its number, as notices and papers quote it, opens at its own address', async () => {
    // A number that names no case: said so, without a retry that could not help.
    await visit(officer, '/cases/DD-1999-000001', officer.getByRole('alert'));
    expect(await officer.getByRole('alert').textContent()).toContain('未找到，或您无权查看');
    expect(await officer.getByRole('alert').getByRole('button', { name: '重试' }).count()).toBe(0);

    const { number } = (await h.http.get(`/api/cases/${caseId}`).set('Authorization', `Bearer ${await h.token('officer1')}`).expect(200)).body;
    await visit(officer, `/cases/${number}`, officer.locator(`[data-case-id="${caseId}"] h3`));
    await officer.waitForURL((url) => url.pathname === `/cases/${caseId}`);
    expect(await officer.locator('h3').first().textContent()).toContain(number);
  });

  it('the language switch changes the interface and the domain labels', async () => {
    await visit(officer, caseUrl, officer.locator('h3 [data-stage="VERIFICATION"]'));
    expect(await officer.locator('h3 [data-stage]').textContent()).toBe('初步核实');
    await officer.getByText('English', { exact: true }).click();
    await officer.getByRole('link', { name: 'My tasks' }).waitFor();
    expect(await officer.locator('h3 [data-stage]').textContent()).toBe('Preliminary verification');
    expect(await officer.locator('main').textContent()).toContain('Timeline');
    await screenshot(officer, '09-english');
    await officer.getByText('中文', { exact: true }).click();
    await officer.getByRole('link', { name: '我的待办' }).waitFor();
    expect(await officer.locator('h3 [data-stage]').textContent()).toBe('初步核实');
  });

  it('the dashboard draws its charts (from GET /api/dashboard, or from case counts where the API lacks it)', async () => {
    await supervisor.getByRole('link', { name: '统计看板' }).click();
    const byStage = supervisor.locator('[data-chart="各阶段案件数"] svg');
    await byStage.waitFor();
    await supervisor.locator('[data-chart] svg').nth(1).waitFor();
    expect(['dashboard', 'cases']).toContain(await supervisor.locator('[data-dashboard-source]').getAttribute('data-dashboard-source'));
    await supervisor.locator('[data-chart] svg path').nth(10).waitFor({ state: 'attached' }); // more than ten paths drawn
    expect(await byStage.textContent()).toContain('初步核实');
    await screenshot(supervisor, '10-dashboard');

    await supervisor.getByRole('link', { name: '消息通知' }).click();
    await supervisor.locator('.ant-list, .ant-result').first().waitFor();
    await screenshot(supervisor, '11-notifications');
  });

  it('an auditor changes their password: a weak one is refused beside its field, a good one is taken', async () => {
    const { page: auditor } = await newOfficerPage(browser, h.baseUrl!);
    await signIn(auditor, 'auditor1');
    await auditor.getByRole('button', { name: '修改密码' }).click();
    const dialog = auditor.getByTestId('change-password');
    await dialog.getByLabel('当前密码').fill('dandang-demo');
    await dialog.getByLabel('新密码', { exact: true }).fill('password');
    await dialog.getByLabel('确认新密码').fill('password');
    await dialog.getByRole('button', { name: '修改密码' }).click();
    await dialog.getByText('must mix at least three of').waitFor();
    await screenshot(auditor, '12-password-refused');

    await dialog.getByLabel('新密码', { exact: true }).fill('Audit-2026!');
    await dialog.getByLabel('确认新密码').fill('Audit-2026!');
    await dialog.getByRole('button', { name: '修改密码' }).click();
    await auditor.getByText('密码已修改').waitFor();
    expect((await h.http.post('/api/auth/login').send({ username: 'auditor1', password: 'Audit-2026!' })).status).toBe(200);
    expect((await h.http.post('/api/auth/login').send({ username: 'auditor1', password: 'dandang-demo' })).status).toBe(401);
    await auditor.close();
  });

  it('a registration whose answer was lost is submitted again under the same key: one case, not two', async () => {
    const retried = `重试登记线索 ${Date.now()}`;
    await officer.getByRole('link', { name: '登记线索' }).click();
    await fillClue(officer, retried);
    // The first submission reaches the API, which registers the clue; its answer never reaches the browser.
    let lost = 0;
    await officer.route('**/api/cases', async (route) => {
      if (route.request().method() !== 'POST' || lost++ > 0) return route.continue();
      await route.fetch();
      await route.abort('connectionreset');
    });
    await officer.getByRole('button', { name: '提交' }).click();
    await officer.getByText('暂时无法完成，请稍后再提交一次').waitFor();
    expect(await officer.locator('body').textContent()).not.toContain('Idempotency-Key');
    await officer.getByRole('button', { name: '提交' }).click();
    await stageIs(officer, 'INTAKE');
    await officer.unroute('**/api/cases');

    const found = await h.http.get(`/api/cases?q=${encodeURIComponent(retried)}`).set('Authorization', `Bearer ${await h.token('officer1')}`).expect(200);
    expect(found.body.total).toBe(1);
    expect(new URL(officer.url()).pathname).toBe(`/cases/${found.body.items[0].id}`);
  });

  it('a session left idle for 30 minutes signs itself out (登录连接超时自动退出); activity keeps it', async () => {
    const { page: idle } = await newOfficerPage(browser, h.baseUrl!);
    await idle.clock.install();
    await signIn(idle, 'supervisor2');
    await idle.clock.fastForward('20:00');
    await idle.getByRole('link', { name: '案件列表' }).click();
    await idle.clock.fastForward('20:00');
    // Forty minutes signed in, twenty since the click: still in, and the menu still answers.
    await idle.getByRole('link', { name: '我的待办' }).click();
    await idle.getByRole('heading', { name: '我的待办' }).waitFor();
    await idle.clock.fastForward('31:00');
    await idle.getByTestId('idle-sign-out').waitFor();
    expect(await idle.getByTestId('idle-sign-out').textContent()).toContain('30 分钟未操作，已自动退出登录');
    await screenshot(idle, '13-idle-sign-out');
    await idle.close();
  });
});
