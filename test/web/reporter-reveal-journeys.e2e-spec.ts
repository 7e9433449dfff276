// The reveal of a real-name reporter in the web application: the intake officer asks with a reason, the custodian
// (保密责任人) finds the request in the approvals page and approves it, and the officer sees the identity, told that
// the view is recorded. Against the whole system in-process, in Debian's Chromium.
import type { Browser, Page } from 'playwright-core';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { register } from '../support/actions';
import { aClue } from '../support/clue';
import { BROWSER_TEST_TIMEOUT_MS, confirmDialog, launchBrowser, newOfficerPage, screenshot, signIn, visit } from './support/browser';
import { ensureWebAppBuilt } from './support/web-app';

jest.setTimeout(BROWSER_TEST_TIMEOUT_MS);

describe("revealing a reporter's identity in the web application", () => {
  let h: ApiHarness;
  let browser: Browser;
  let intake: Page;
  let custodian: Page;
  let caseId: string;
  const reporter = { name: '王实名', contact: '13911112222' };

  beforeAll(async () => {
    ensureWebAppBuilt();
    h = await startApiHarness({ listen: true });
    browser = await launchBrowser();
    intake = (await newOfficerPage(browser, h.baseUrl!)).page;
    custodian = (await newOfficerPage(browser, h.baseUrl!)).page;
    caseId = (await register(h, 'intake1', aClue({ title: `实名举报浏览器旅程 ${Date.now()}`, reporter }))).body.id;
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('the intake officer sees a named report, not who made it, and asks to see the reporter with a reason', async () => {
    await signIn(intake, 'intake1');
    const panel = intake.locator('[data-reporter-panel]');
    await visit(intake, `/cases/${caseId}`, panel);
    await intake.locator('[data-report-kind="named"]').waitFor();
    expect(await panel.textContent()).toContain('实名举报');
    expect(await intake.locator('main').textContent()).not.toContain(reporter.contact);

    await panel.locator('[data-action="requestReporterIdentity"]').click();
    const form = intake.locator('[data-action-form="requestReporterIdentity"]');
    await form.getByLabel('理由', { exact: true }).fill('需电话告知实名举报人受理情况');
    await form.getByRole('button', { name: '申请查看举报人信息' }).click();
    await panel.locator('[data-reveal-status="PENDING"]').waitFor();
    await screenshot(intake, 'reveal-01-requested');
  });

  it('the custodian finds the request among the approvals and approves it with a reason', async () => {
    await signIn(custodian, 'custodian1');
    await custodian.getByRole('link', { name: '审批' }).click();
    const card = custodian.locator(`[data-reveal-case="${caseId}"]`);
    await card.waitFor();
    expect(await card.textContent()).toContain('需电话告知实名举报人受理情况');
    await screenshot(custodian, 'reveal-02-approvals');

    await card.getByRole('link').first().click();
    const request = custodian.locator('[data-reveal-request="1"]');
    await request.waitFor();
    await request.locator('[data-action="approveReporterIdentity"]').click();
    const form = custodian.locator('[data-action-form="approveReporterIdentity"]');
    await form.getByLabel('理由', { exact: true }).fill('告知受理情况确有必要');
    await form.getByRole('button', { name: '批准查看举报人信息' }).click();
    await confirmDialog(custodian);
    await request.waitFor({ state: 'detached' });
    // The custodian approved; they are not shown the identity themselves.
    expect(await custodian.locator('main').textContent()).not.toContain(reporter.contact);
  });

  it('the approved officer sees the identity, with a notice that the view is recorded', async () => {
    const panel = intake.locator('[data-reporter-panel]');
    await visit(intake, `/cases/${caseId}`, panel.locator('[data-reveal-status="APPROVED"]'));
    expect(await panel.textContent()).toContain('每次查看举报人信息均记入安全审计日志');
    await panel.locator('[data-action="showReporter"]').click();
    const shown = panel.locator('[data-revealed-reporter]');
    await shown.waitFor();
    expect(await shown.textContent()).toContain(reporter.name);
    expect(await shown.textContent()).toContain(reporter.contact);
    await screenshot(intake, 'reveal-03-shown');

    const log = await h.http
      .get('/api/audit/security-events?kind=REPORTER_IDENTITY_REVEALED')
      .set('Authorization', `Bearer ${await h.token('auditor1')}`)
      .expect(200);
    expect(log.body.items.filter((e: { subject: string }) => e.subject === caseId)).toHaveLength(1);
  });
});
