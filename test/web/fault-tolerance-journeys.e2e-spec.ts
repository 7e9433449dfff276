// The fault-tolerance assessment in the browser: an assessor answers the three distinctions, the checklist, the
// negative list, the substitution test and the six elements, and watches the recommendation recomputed live by
// libs/domain's recommendOutcome; the server's recommendation for the submitted assessment is the same; the
// determining supervisor finds it in the approvals, assessment and recommendation side by side, and votes.
import type { Browser, Locator, Page } from 'playwright-core';
import { FAULT_TOLERANCE_CRITERIA, THREE_DISTINCTIONS, type FaultToleranceCriterion } from '@dandang/contracts';
import { DEFAULT_EXCLUSIONS } from '@dandang/domain';
import { act } from '../support/actions';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { aCaseUnderInvestigation } from '../support/case-drive';
import { BROWSER_TEST_TIMEOUT_MS, chooseOption, confirmDialog, launchBrowser, newOfficerPage, screenshot, signIn, visit } from './support/browser';
import { ensureWebAppBuilt } from './support/web-app';

/** Picks `answer` (是/否) in the radio group of the form item labelled `label`. */
async function answer(form: Locator, label: string, value: '是' | '否'): Promise<void> {
  await form.locator('.ant-form-item').filter({ hasText: label }).first().getByText(value, { exact: true }).click();
}

jest.setTimeout(BROWSER_TEST_TIMEOUT_MS);

describe('the fault-tolerance assessment in a real browser', () => {
  let h: ApiHarness;
  let browser: Browser;
  let assessor: Page;
  let supervisor: Page;
  let caseId: string;

  beforeAll(async () => {
    ensureWebAppBuilt();
    h = await startApiHarness({ listen: true });
    caseId = await aCaseUnderInvestigation(h);
    const applied = await act(h, 'subject1', caseId, 'applyFaultTolerance', { reasons: '先行先试，未谋私利' });
    expect(applied.status).toBe(200);
    const reviewId = applied.body.reviews[0].reviewId as string;
    expect((await act(h, 'officer2', caseId, 'acceptApplication', { reviewId, note: '符合受理条件' })).status).toBe(200);
    browser = await launchBrowser();
    assessor = (await newOfficerPage(browser, h.baseUrl!)).page;
    supervisor = (await newOfficerPage(browser, h.baseUrl!)).page;
    await Promise.all([signIn(assessor, 'supervisor3'), signIn(supervisor, 'supervisor1')]);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('recomputes the recommendation live as the assessor answers, and the server agrees', async () => {
    await visit(assessor, `/cases/${caseId}`, assessor.locator('[data-review-status="ACCEPTED"]'));
    await assessor.locator('[data-review-action="submitAssessment"]').click();
    const form = assessor.getByTestId('assessment-form');
    const live = assessor.getByTestId('live-recommendation');
    await form.waitFor();
    expect(await live.textContent()).toContain('请完成全部判断后查看建议结果');

    for (const d of Object.values(THREE_DISTINCTIONS)) await answer(form, d.zh, '否');
    const met: FaultToleranceCriterion[] = ['forPublicInterest', 'noProhibitionViolated', 'notDeliberate', 'followedDecisionProcedure', 'inReformOrExploration', 'remedialMeasuresTaken', 'cooperatedWithInquiry'];
    for (const c of met) await form.getByLabel(FAULT_TOLERANCE_CRITERIA[c].zh, { exact: true }).check();
    await answer(form, '是否造成损失或不良影响', '否');
    await answer(form, '同等情况下，一名相当的干部是否也会这样做？', '是');
    await form.getByLabel('动机态度', { exact: true }).fill('为推进改革，出于公心');
    await live.locator('[data-recommendation="EXEMPTION"]').waitFor();
    expect(await live.locator('[data-reason-code]').evaluateAll((els) => els.map((e) => e.getAttribute('data-reason-code')))).toEqual([
      'ALL_CONDITIONS_MET',
      'NO_HARM',
      'FIRST_ERROR',
      'SUBSTITUTION_TEST_PASSED',
    ]);
    await screenshot(assessor, '30-assessment-live-exemption');

    // Harm caused: mitigation, reduced (remedied and cooperated).
    await answer(form, '是否造成损失或不良影响', '是');
    await live.locator('[data-recommendation="MITIGATION"][data-mitigation="REDUCED"]').waitFor();
    // Any negative-list entry forces a rejection.
    const exclusion = form.getByLabel(new RegExp(DEFAULT_EXCLUSIONS[0].label.zh));
    await exclusion.check();
    await live.locator('[data-recommendation="REJECTION"] [data-reason-code="ON_NEGATIVE_LIST"]').waitFor();
    expect(await live.textContent()).toContain(DEFAULT_EXCLUSIONS[0].label.zh);
    await screenshot(assessor, '31-assessment-live-rejection');
    await exclusion.uncheck();
    await live.locator('[data-recommendation="MITIGATION"][data-mitigation="REDUCED"]').waitFor();
    const liveReasons = await live.locator('[data-reason-code]').evaluateAll((els) => els.map((e) => e.getAttribute('data-reason-code')));

    await form.getByRole('button', { name: '提交核实意见' }).click();
    await assessor.locator('[data-review-status="ASSESSED"]').waitFor();
    const server = assessor.locator(`[data-review] [data-recommendation]`);
    await server.waitFor();
    expect(await server.getAttribute('data-recommendation')).toBe('MITIGATION');
    expect(await server.getAttribute('data-mitigation')).toBe('REDUCED');
    expect(await server.locator('[data-reason-code]').evaluateAll((els) => els.map((e) => e.getAttribute('data-reason-code')))).toEqual(liveReasons);
    await screenshot(assessor, '32-assessment-submitted');
  });

  it('the determining supervisor sees the assessment beside the recommendation in the approvals, and votes', async () => {
    await supervisor.getByRole('link', { name: '审批' }).click();
    const card = supervisor.locator(`[data-determination-case="${caseId}"]`);
    await card.waitFor();
    await card.getByTestId('assessment-view').waitFor();
    expect(await card.locator('[data-recommendation]').getAttribute('data-recommendation')).toBe('MITIGATION');
    expect(await card.textContent()).toContain('为推进改革，出于公心');
    await screenshot(supervisor, '33-approvals-determination');

    await card.getByRole('link').first().click();
    await supervisor.locator('[data-review-action="determineTolerance"]').click();
    const vote = supervisor.locator('[data-action-form="determineTolerance"]');
    await chooseOption(supervisor, vote.getByLabel('认定结果', { exact: true }), '减责');
    await chooseOption(supervisor, vote.getByLabel('减责程度', { exact: true }), '减轻');
    await vote.getByRole('button', { name: '容错认定表决' }).click();
    const confirm = supervisor.locator('.ant-modal-confirm');
    await confirm.waitFor();
    await confirmDialog(supervisor);
    await supervisor.locator('[data-review] .ant-table-tbody tr, [data-action-form="determineTolerance"] [role="alert"]').first().waitFor({ timeout: 30_000 });
    expect(await vote.getByRole('alert').count().then(async (n) => (n ? vote.getByRole('alert').textContent() : ''))).toBe('');
    expect(await supervisor.locator('[data-review] .ant-table-tbody').textContent()).toContain('减责（减轻）');
    await screenshot(supervisor, '34-determination-vote');
  });

  it('the dashboard draws the review, still under determination, in the fault-tolerance chart', async () => {
    await visit(supervisor, '/dashboard', supervisor.locator('[data-chart="容错纠错结果"] svg'));
    expect(await supervisor.locator('[data-chart-empty]').count()).toBe(0);
    await supervisor.locator('[data-chart="容错纠错结果"] svg', { hasText: '审查中' }).waitFor({ state: 'attached' });
  });
});
