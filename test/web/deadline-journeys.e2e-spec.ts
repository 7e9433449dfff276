// Stage clocks in the browser: a drill policy whose intake clock runs in seconds (published by admin1) gives a
// case its yellow card, red card and escalation (督办) within seconds; the officer sees them on the case, in the
// case list and in the timeline, the parent unit's supervisor finds the escalation among the notifications and
// on the dashboard. A second case's months-long clock crosses 2027, whose holiday schedule is not published.
import type { Browser, Page } from 'playwright-core';
import type { PinnedPolicy } from '@dandang/contracts';
import { DEMO_ORG_UNITS, DEMO_USERS } from '@dandang/persistence';
import { act, get, register } from '../support/actions';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { aClue } from '../support/clue';
import { aDrillPolicy, eventually } from '../support/drill-policy';
import { BROWSER_TEST_TIMEOUT_MS, launchBrowser, newOfficerPage, screenshot, signIn, visit } from './support/browser';
import { ensureWebAppBuilt } from './support/web-app';

/** Reloads `page` until `selector` is there (the case page does not poll): a condition, never a fixed sleep. */
async function reloadUntil(page: Page, selector: string, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    // A full page load, with visit()'s allowance for a loaded machine (a reload within the 15 s default timed out in CI).
    const { pathname, search } = new URL(page.url());
    await visit(page, pathname + search, page.locator('h3').first());
    if ((await page.locator(selector).count()) > 0) return;
    if (Date.now() > until) throw new Error(`timed out waiting for ${selector}`);
    await page.waitForTimeout(250);
  }
}

jest.setTimeout(BROWSER_TEST_TIMEOUT_MS);

describe('deadlines, cards, notifications and the dashboard in a real browser', () => {
  let h: ApiHarness;
  let browser: Browser;
  let officer: Page;
  let supervisor: Page;
  let redCaseId: string;
  let monthsCaseId: string;
  const title = `期限旅程 ${Date.now()}`;

  beforeAll(async () => {
    ensureWebAppBuilt();
    h = await startApiHarness({ listen: true });
    // INTAKE: 10 s, yellow card from 30 % (3 s), red at 10 s, escalated 2.5 s later. DISPOSITION: 2 months, into 2027.
    const drill = aDrillPolicy('drill-web', { INTAKE: 10 }, { deadlineRules: { reminderPoints: [0.2], yellowCardAt: 0.3, escalateAfter: 0.25 } });
    const policy: PinnedPolicy = { ...drill, stageLimits: { ...drill.stageLimits, DISPOSITION: { amount: 2, unit: 'MONTH' } }, maxExtensions: { DISPOSITION: 3 } };
    const published = await h.http.post('/api/admin/policies').set('Authorization', `Bearer ${await h.token('admin1')}`).send(policy);
    expect(published.status).toBe(201);
    browser = await launchBrowser();
    officer = (await newOfficerPage(browser, h.baseUrl!)).page;
    supervisor = (await newOfficerPage(browser, h.baseUrl!)).page;
    await Promise.all([signIn(officer, 'officer1'), signIn(supervisor, 'supervisor1')]);
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('a case shows its due date, then a yellow card, then a red card and 督办, with the rungs on its timeline', async () => {
    const created = await register(h, 'intake1', aClue({ title, orgUnitId: DEMO_ORG_UNITS.districtA.id }));
    expect(created.status).toBe(201);
    redCaseId = created.body.id;
    const cell = officer.locator(`[data-deadline-for="${redCaseId}"]`);
    await visit(officer, `/cases/${redCaseId}`, cell);
    expect(await cell.locator('[data-due-at]').getAttribute('data-due-at')).toBe(created.body.deadline.dueAt);

    await reloadUntil(officer, `[data-deadline-for="${redCaseId}"][data-card="YELLOW"]`);
    expect(await cell.textContent()).toContain('黄牌');
    await screenshot(officer, '20-deadline-yellow-card');

    await reloadUntil(officer, `[data-deadline-for="${redCaseId}"][data-card="RED"][data-supervised="true"]`);
    expect(await cell.textContent()).toMatch(/红牌[\s\S]*督办/);
    const rungs = await officer.locator('[data-timeline-action="deadlineRung"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-rung')));
    expect(rungs).toEqual(['REMINDER', 'YELLOW_CARD', 'RED_CARD', 'ESCALATION']);
    expect(await officer.locator('[data-timeline-action="deadlineRung"]').last().textContent()).toContain('上级督办');
    expect(await officer.locator('[data-timeline-action="deadlineRung"]').last().textContent()).toContain('系统');
    await screenshot(officer, '21-deadline-red-card-timeline');

    const row = officer.locator(`.ant-table-tbody [data-deadline-for="${redCaseId}"]`);
    await visit(officer, `/cases?q=${encodeURIComponent(title)}`, row);
    expect(await row.getAttribute('data-card')).toBe('RED');
    expect(await row.textContent()).toContain('督办');
    await screenshot(officer, '22-cases-list-cards');
  });

  it('a deadline in a year without a published holiday schedule is flagged; an extension is requested with a whole number', async () => {
    const created = await register(h, 'intake1', aClue({ title: `${title} 跨年`, orgUnitId: DEMO_ORG_UNITS.districtA.id }));
    monthsCaseId = created.body.id;
    const accepted = await act(h, 'intake1', monthsCaseId, 'acceptClue', { assigneeId: DEMO_USERS.officer1.id });
    expect(accepted.body.deadline).toMatchObject({ stage: 'DISPOSITION', unpublishedYears: [2027] });

    await visit(officer, `/cases/${monthsCaseId}`, officer.getByTestId('unpublished-years'));
    expect(await officer.getByTestId('unpublished-years').textContent()).toContain('2027 年节假日安排未发布');
    expect(await officer.locator(`[data-deadline-for="${monthsCaseId}"] [data-unpublished-years]`).getAttribute('data-unpublished-years')).toBe('2027');

    // Every action this officer may take renders a form with its submit button.
    // (The documents panel's generate button is no case action: it waits for a kind to be chosen.)
    const actions = await officer.locator('[data-action]:not([data-action="generateDocument"])').evaluateAll((els) => els.map((e) => e.getAttribute('data-action')!));
    expect(actions).toContain('requestExtension');
    for (const name of actions) {
      await officer.locator(`[data-action="${name}"]`).click();
      await officer.locator(`[data-action-form="${name}"] button[type="submit"]`).waitFor();
    }

    await officer.locator('[data-action="requestExtension"]').click();
    const form = officer.locator('[data-action-form="requestExtension"]');
    await form.getByLabel('延长期限（按本阶段时限单位）').fill('2');
    await form.getByLabel('理由', { exact: true }).fill('需调取外地证据');
    await screenshot(officer, '23-unpublished-year-extension-form');
    await form.getByRole('button', { name: '申请延期' }).click();
    await officer.getByTestId('proposal').waitFor();
    expect(await officer.getByTestId('proposal').textContent()).toMatch(/申请延期[\s\S]*2[\s\S]*需调取外地证据/);
    await screenshot(officer, '24-extension-proposed');
  });

  it('the supervisor sees the unread count, reads the escalation, and the count drops', async () => {
    await eventually(async () => {
      const notes = (await get(h, 'supervisor1', '/api/notifications?unread=true')).body as { caseId: string; kind: string }[];
      return notes.some((n) => n.caseId === redCaseId && n.kind === 'ESCALATION') ? true : undefined;
    }, 20_000, 'the escalation notification');
    const unread = ((await get(h, 'supervisor1', '/api/notifications?unread=true&limit=200')).body as unknown[]).length;
    const bell = supervisor.getByTestId('unread-count');
    await visit(supervisor, '/notifications', bell);
    // A locator, not a script evaluated in the page: the app's CSP allows no eval.
    const countIs = (n: number) => supervisor.locator(`[data-testid="unread-count"][data-count="${n}"]`).waitFor();
    await countIs(unread);
    expect(await bell.getAttribute('aria-label')).toBe(`${unread} 条未读消息`);

    const item = supervisor.locator(`[data-notification][data-kind="ESCALATION"][data-read="false"]`).filter({ has: supervisor.locator(`a[href="/cases/${redCaseId}"]`) });
    await item.first().waitFor();
    expect(await item.first().textContent()).toContain('上级督办');
    await screenshot(supervisor, '25-notifications-unread');
    await item.first().getByRole('button', { name: '标为已读' }).click();
    await countIs(unread - 1);

    await supervisor.getByText('全部', { exact: true }).click();
    await supervisor.locator('[data-notification][data-read="true"]').first().waitFor();
    await screenshot(supervisor, '26-notifications-all');
  });

  it('the dashboard shows the cards, overdue and 督办 counts, draws its charts, and says so where one has nothing to draw', async () => {
    const figures = (await get(h, 'supervisor1', '/api/dashboard')).body as {
      redCards: number; supervised: number; overdue: number; daysPerStage: unknown[]; faultToleranceOutcomes: unknown[];
    };
    expect(figures.redCards).toBeGreaterThanOrEqual(1);
    await supervisor.getByRole('link', { name: '统计看板' }).click();
    await supervisor.locator('[data-stat="redCards"]').waitFor();
    for (const key of ['redCards', 'supervised', 'overdue'] as const) {
      expect(await supervisor.locator(`[data-stat="${key}"] .ant-statistic-content`).textContent()).toBe(String(figures[key]));
    }
    for (const chart of ['各阶段案件数', '各单位案件、超期与红黄牌']) await supervisor.locator(`[data-chart="${chart}"] svg`).waitFor();
    // Charts drawn only from figures there are: no review has concluded in this suite, so that chart says so.
    expect(figures.daysPerStage.length).toBeGreaterThan(0);
    await supervisor.locator('[data-chart="各阶段办理天数（平均 / 90 分位）"] svg').waitFor();
    expect(figures.faultToleranceOutcomes).toEqual([]);
    expect(await supervisor.locator('[data-chart-empty="容错纠错结果"] .ant-empty-description').textContent()).toBe('暂无容错纠错申请');
    expect(await supervisor.locator('[data-chart="容错纠错结果"]').count()).toBe(0);
    await supervisor.locator('[data-chart] svg path').nth(10).waitFor({ state: 'attached' }); // more than ten paths drawn
    expect(await supervisor.locator('[data-chart="各单位案件、超期与红黄牌"] svg').textContent()).toContain('红牌');
    await screenshot(supervisor, '27-dashboard-cards');
  });
});
