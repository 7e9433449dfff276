// The procedure's other endings in the web application, in Debian's Chromium against the whole system in-process:
// an investigation withdrawn (撤销案件) on a supervisor's approval, a shelved clue (暂存待查) reviewed and reopened for
// disposition, and a report of 免予问责 without its grounds refused beside the grounds field. The cases are brought
// to their stage through the API (test/support/case-drive.ts); each step after that is taken in the browser.
import type { Browser, Locator, Page } from 'playwright-core';
import { DEMO_USERS } from '@dandang/persistence';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { act, get, register } from '../support/actions';
import { aClue } from '../support/clue';
import { aCaseUnderInvestigation, aSubject } from '../support/case-drive';
import { BROWSER_TEST_TIMEOUT_MS, chooseOption, confirmDialog, fieldError, formItem, launchBrowser, newOfficerPage, screenshot, signIn, visit } from './support/browser';
import { ensureWebAppBuilt } from './support/web-app';

jest.setTimeout(BROWSER_TEST_TIMEOUT_MS);

/** Picks `option` (its label, exactly) in the antd Select labelled `label` within `scope`. */
async function choose(page: Page, scope: Locator, label: string, option: string): Promise<void> {
  await chooseOption(page, scope.getByLabel(label, { exact: true }), option);
}

async function stageIs(page: Page, stage: string): Promise<void> {
  await page.locator(`h3 [data-stage="${stage}"]`).waitFor();
}

/** Opens the case page and waits until it shows the case at `stage`. */
async function openCase(page: Page, caseId: string, stage: string): Promise<void> {
  await visit(page, `/cases/${caseId}`, page.locator(`[data-case-id="${caseId}"] h3 [data-stage="${stage}"]`));
}

/** Approves the case's pending proposal from its page, confirming the irreversible step the page asks about. */
async function approveOnCasePage(page: Page, comment: string): Promise<void> {
  await page.locator('[data-action="approve"]').click();
  const form = page.locator('[data-action-form="approve"]');
  await form.getByLabel('审批意见', { exact: true }).fill(comment);
  await form.getByRole('button', { name: '批准' }).click();
  await confirmDialog(page);
}

describe('the procedure’s other endings in the web application', () => {
  let h: ApiHarness;
  let browser: Browser;
  let officer: Page;
  let supervisor: Page;
  let supervisor3: Page;

  beforeAll(async () => {
    ensureWebAppBuilt();
    h = await startApiHarness({ listen: true });
    browser = await launchBrowser();
    officer = (await newOfficerPage(browser, h.baseUrl!)).page;
    supervisor = (await newOfficerPage(browser, h.baseUrl!)).page;
    supervisor3 = (await newOfficerPage(browser, h.baseUrl!)).page;
    await signIn(officer, 'officer1');
    await signIn(supervisor, 'supervisor1');
    await signIn(supervisor3, 'supervisor3');
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('an investigation that finds no violation is withdrawn (撤销案件): proposed, approved after confirming, closed', async () => {
    const caseId = await aCaseUnderInvestigation(h);
    await openCase(officer, caseId, 'INVESTIGATION');
    await officer.locator('[data-action="proposeNoAccountability"]').click();
    const form = officer.locator('[data-action-form="proposeNoAccountability"]');
    await choose(officer, form, '处理意见', '撤销案件');
    const untrue = formItem(form, '反映问题失实（需澄清正名）').getByRole('radio', { name: '是', exact: true });
    await untrue.check();
    expect(await untrue.isChecked()).toBe(true);
    await form.getByLabel('理由', { exact: true }).fill('经审查，未发现不作为事实');
    await screenshot(officer, 'no-dead-ends-01-withdrawal-form');
    await form.getByRole('button', { name: '提出撤销案件或不予问责意见' }).click();

    const proposal = officer.getByTestId('proposal');
    await proposal.waitFor();
    expect(await proposal.textContent()).toContain('撤销案件');
    expect(await proposal.textContent()).toContain('经审查，未发现不作为事实');
    expect(await proposal.locator('th:has-text("反映问题失实（需澄清正名）") + td').textContent()).toBe('是');
    await screenshot(officer, 'no-dead-ends-02-withdrawal-proposed');

    // The third supervisor finds the proposal, with what it proposes, in the approvals queue.
    await supervisor3.getByRole('link', { name: '审批' }).click();
    const card = supervisor3.locator(`[data-approval-case="${caseId}"]`);
    await card.waitFor();
    expect(await card.textContent()).toContain('撤销案件');
    expect(await card.textContent()).toContain('经审查，未发现不作为事实');
    await card.getByRole('link').first().click();
    await stageIs(supervisor3, 'INVESTIGATION');
    await approveOnCasePage(supervisor3, '同意撤销案件');
    await stageIs(supervisor3, 'CLOSED');
    expect(await supervisor3.locator('h3 [data-stage]').textContent()).toBe('已了结');
    const outcome = supervisor3.locator('[data-no-accountability="CASE_WITHDRAWN"]');
    await outcome.waitFor();
    const outcomes = supervisor3.locator('.ant-card', { has: outcome });
    expect(await outcomes.locator('.ant-descriptions-item-label', { hasText: '撤销案件' }).count()).toBe(2); // the outcome and the closure
    // The clearing that is due shows, and is offered as the next action; so does the result owed to the reporter.
    await outcomes.locator('[data-name-clearing="DUE"]').waitFor();
    await supervisor3.locator('[data-action="recordNameClearing"]').waitFor();
    expect(await outcomes.locator('[data-reporter-notice="RESULT"]').getAttribute('data-told')).toBe('false');
    await screenshot(supervisor3, 'no-dead-ends-03-withdrawn');

    const closed = (await get(h, 'officer1', `/api/cases/${caseId}`)).body;
    expect(closed).toMatchObject({
      stage: 'CLOSED',
      closure: { kind: 'CASE_WITHDRAWN' },
      noAccountability: { outcome: 'CASE_WITHDRAWN', allegationUntrue: true, approvedBy: DEMO_USERS.supervisor3.id },
      nameClearing: { status: 'DUE' },
    });
  });

  it('a shelved clue (暂存待查) is reviewed and reopened for disposition (重新处置) on approval', async () => {
    const caseId = (await register(h, 'intake1', aClue({ subject: aSubject('周九') }))).body.id as string;
    expect((await act(h, 'intake1', caseId, 'acceptClue', { assigneeId: DEMO_USERS.officer1.id })).status).toBe(200);
    expect((await act(h, 'officer1', caseId, 'proposeDisposition', { disposition: 'SHELVE_PENDING', reason: '暂不具备核查条件' })).status).toBe(200);
    expect((await act(h, 'supervisor1', caseId, 'approve', {})).body.stage).toBe('SHELVED');

    await openCase(officer, caseId, 'SHELVED');
    await officer.locator('[data-action="reviewShelvedClue"]').click();
    const form = officer.locator('[data-action-form="reviewShelvedClue"]');
    await choose(officer, form, '清理意见', '重新处置');
    await form.getByLabel('理由', { exact: true }).fill('出现新的问题线索，具备核查条件');
    await form.getByRole('button', { name: '暂存线索定期清理' }).click();
    const proposal = officer.getByTestId('proposal');
    await proposal.waitFor();
    expect(await proposal.textContent()).toContain('重新处置');
    expect(await proposal.textContent()).toContain('出现新的问题线索，具备核查条件');
    await screenshot(officer, 'no-dead-ends-04-shelved-review-proposed');

    await openCase(supervisor, caseId, 'SHELVED');
    expect(await supervisor.getByTestId('proposal').textContent()).toContain('重新处置');
    await approveOnCasePage(supervisor, '同意重新处置');
    await stageIs(supervisor, 'DISPOSITION');
    expect(await supervisor.locator('h3 [data-stage]').textContent()).toBe('线索处置');
    await supervisor.locator('.ant-descriptions-item-label', { hasText: '暂存线索定期清理 · 重新处置' }).waitFor();
    await screenshot(supervisor, 'no-dead-ends-05-shelved-reopened');

    expect((await get(h, 'officer1', `/api/cases/${caseId}`)).body).toMatchObject({
      stage: 'DISPOSITION',
      shelvedReviews: [{ decision: 'REOPEN', approvedBy: DEMO_USERS.supervisor1.id }],
    });
  });

  it('a report of 免予问责 without its grounds is refused beside the grounds field, and nothing changes', async () => {
    const caseId = await aCaseUnderInvestigation(h, aSubject('孙八'));
    const before = (await get(h, 'officer1', `/api/cases/${caseId}`)).body;
    await openCase(officer, caseId, 'INVESTIGATION');
    await officer.locator('[data-action="submitInvestigationReport"]').click();
    const form = officer.locator('[data-action-form="submitInvestigationReport"]');
    await form.getByLabel('认定事实', { exact: true }).fill('因不可抗力未能按期办结');
    // An accountability inquiry: the report gives the one person's findings in their row.
    const row = form.locator('[data-finding-row]').first();
    await chooseOption(officer, row.getByLabel('责任类型', { exact: true }), '直接责任');
    // 免予问责 names no accountability form: the row's one empty form is removed.
    await row.getByRole('button', { name: '删除', exact: true }).click();
    await chooseOption(officer, row.getByLabel('从轻从重情节', { exact: true }), '免予问责');
    // Choosing 免予问责 brings its grounds (问责条例 art. 17) into the row at once, before anything is sent.
    await row.getByLabel('从轻从重或免予问责的依据', { exact: true }).waitFor({ timeout: 3_000 });
    await form.getByRole('button', { name: '提交调查报告' }).click();

    const error = fieldError(row, '从轻从重或免予问责的依据');
    await error.waitFor();
    expect(await error.textContent()).toContain('are required for EXEMPTED (问责条例 art. 17)');
    await form.getByRole('alert').waitFor();
    await screenshot(officer, 'no-dead-ends-06-grounds-refused');

    // The form stays open with what was entered; the case has no proposal and is at the version it was.
    expect(await officer.getByTestId('proposal').count()).toBe(0);
    expect(await officer.locator(`[data-case-id="${caseId}"]`).getAttribute('data-version')).toBe(String(before.version));
    expect(await form.getByLabel('认定事实', { exact: true }).inputValue()).toBe('因不可抗力未能按期办结');
    const after = (await get(h, 'officer1', `/api/cases/${caseId}`)).body;
    expect(after).toMatchObject({ stage: 'INVESTIGATION', version: before.version, pendingApproval: null });
  });
});
