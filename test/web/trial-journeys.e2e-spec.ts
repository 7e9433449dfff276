// The discipline procedure (纪律审查) through 审理 in the web application, in Debian's Chromium against the whole system
// in-process: a discipline case whose report (警告) the supervisor approved waits in the trial officer's task inbox; the
// trial officer accepts it and agrees with the investigation; the standing committee's meeting decides it; the
// decision's announcement (宣布处分决定) is owed, then recorded. The case is brought to 审理 through the API.
import type { Browser, Page } from 'playwright-core';
import type { OfficialEffectList } from '@dandang/contracts';
import { DEMO_ORG_UNITS, DEMO_USERS } from '@dandang/persistence';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { act, get } from '../support/actions';
import { aCaseUnderInvestigation, aSubject, ok } from '../support/case-drive';
import { eventually } from '../support/drill-policy';
import { BROWSER_TEST_TIMEOUT_MS, chooseOption, confirmDialog, fillTime, launchBrowser, newOfficerPage, openAction, screenshot, shanghaiTime, signIn, visit } from './support/browser';
import { ensureWebAppBuilt } from './support/web-app';

jest.setTimeout(2 * BROWSER_TEST_TIMEOUT_MS);

/** A discipline case about 某 whose report (警告) supervisor1 approved: in 审理. Returns its id and number. */
async function aCaseInTrial(h: ApiHarness): Promise<{ id: string; number: string }> {
  const id = await aCaseUnderInvestigation(h, aSubject('某'), 'PROPOSE_CASE_FILING');
  await ok(
    act(h, 'officer1', id, 'submitInvestigationReport', {
      facts: '违反工作纪律，造成不良影响',
      responsibilityLevel: 'DIRECT',
      forms: [{ form: 'DISCIPLINARY_SANCTION', subtype: 'WARNING' }],
      leniency: 'NORMAL',
    }),
    'report',
  );
  await ok(act(h, 'supervisor1', id, 'approve', { comment: '同意，移送审理' }), 'approve the report');
  const view = (await get(h, 'officer1', `/api/cases/${id}`)).body as { stage: string; number: string; procedure: string };
  expect(view).toMatchObject({ stage: 'TRIAL', procedure: 'DISCIPLINE' });
  return { id, number: view.number };
}

describe('the discipline procedure through 审理 in the web application', () => {
  let h: ApiHarness;
  let browser: Browser;
  let reviewer: Page;
  let supervisor: Page;
  let officer: Page;

  beforeAll(async () => {
    ensureWebAppBuilt();
    h = await startApiHarness({ listen: true });
    browser = await launchBrowser();
    reviewer = (await newOfficerPage(browser, h.baseUrl!)).page;
    supervisor = (await newOfficerPage(browser, h.baseUrl!)).page;
    officer = (await newOfficerPage(browser, h.baseUrl!)).page;
    await signIn(reviewer, 'reviewer1');
    await signIn(supervisor, 'supervisor2');
    await signIn(officer, 'officer1');
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('the trial officer accepts and agrees, the standing committee decides, and the decision is announced', async () => {
    const { id: caseId, number } = await aCaseInTrial(h);

    // The trial officer's task inbox lists the case, waiting for 受理审理.
    await visit(reviewer, '/tasks', reviewer.getByRole('link', { name: number, exact: true }));
    const row = reviewer.locator('tr', { has: reviewer.getByRole('link', { name: number, exact: true }) });
    expect(await row.textContent()).toContain('受理审理');
    await reviewer.getByRole('link', { name: number, exact: true }).click();
    await reviewer.locator(`[data-case-id="${caseId}"] h3 [data-stage="TRIAL"]`).waitFor();
    expect(await reviewer.locator('h3 [data-stage]').textContent()).toBe('审理');
    expect(await reviewer.locator('[data-procedure]').textContent()).toBe('纪律审查');
    const trial = reviewer.getByTestId('trial');
    expect(await trial.textContent()).toContain('待受理');

    // 受理审理: the reviewer is recorded.
    let form = await openAction(reviewer, 'acceptForTrial');
    await form.getByRole('button', { name: '受理审理' }).click();
    await trial.getByText('待受理', { exact: true }).waitFor({ state: 'detached' });
    expect(await trial.textContent()).toContain(DEMO_USERS.reviewer1.displayName);
    expect(await trial.textContent()).toContain('待提出审理意见');

    // 提出审理意见: agree with the investigation, with a reason; irreversible, so confirmed.
    form = await openAction(reviewer, 'recordTrialOpinion');
    await chooseOption(reviewer, form.getByLabel('审理意见', { exact: true }), '同意审查调查部门意见');
    await form.getByLabel('理由', { exact: true }).fill('事实清楚，证据确凿，定性准确，处理恰当，程序合规');
    await form.getByRole('button', { name: '提出审理意见' }).click();
    await confirmDialog(reviewer);
    await reviewer.locator('h3 [data-stage="DELIBERATION"]').waitFor();
    expect(await reviewer.locator('h3 [data-stage]').textContent()).toBe('集体研究决定');
    const opinion = trial.locator('[data-trial-opinion="AGREE"]');
    expect(await opinion.textContent()).toContain('同意审查调查部门意见');
    expect(await opinion.textContent()).toContain('事实清楚，证据确凿');
    await screenshot(reviewer, 'trial-01-opinion');

    // The standing committee meets: five members, three present, all for.
    await visit(supervisor, `/cases/${caseId}`, supervisor.locator(`[data-case-id="${caseId}"] h3 [data-stage="DELIBERATION"]`));
    form = await openAction(supervisor, 'recordCollectiveDecision');
    await chooseOption(supervisor, form.getByLabel('决定机关（会议）', { exact: true }), '纪委常委会会议');
    await fillTime(form, '会议时间', shanghaiTime(10));
    await form.getByLabel('应到会人数', { exact: true }).fill('5');
    const members = [DEMO_USERS.supervisor2.displayName, DEMO_USERS.supervisor3.displayName, DEMO_USERS.custodian1.displayName];
    for (const [i, member] of members.entries()) {
      if (i > 0) await form.getByRole('button', { name: '添加表决成员' }).click();
      await chooseOption(supervisor, form.locator(`[data-vote-row="${i}"]`).getByLabel('参会成员', { exact: true }), member);
    }
    await form.getByLabel('会议纪要', { exact: true }).fill('会议研究同意给予警告处分');
    await form.getByRole('button', { name: '登记集体研究决定' }).click();
    await confirmDialog(supervisor);

    await supervisor.locator('h3 [data-stage="DECIDED"]').waitFor();
    expect(await supervisor.locator('h3 [data-stage]').textContent()).toBe('已作出处分决定');
    const meeting = supervisor.getByTestId('collective-decisions').locator('[data-meeting="COMMISSION_STANDING_COMMITTEE"]');
    expect(await meeting.getAttribute('data-carried')).toBe('true');
    const decided = supervisor.getByTestId('person-decisions');
    expect(await decided.locator('[data-finding-person="P1"]').textContent()).toContain('警告');
    const owed = decided.locator('[data-announcement="DUE"]');
    await owed.waitFor();
    expect(await decided.textContent()).toContain('宣布处分决定');
    expect(await owed.textContent()).toMatch(/应于 \d{4}-\d{2}-\d{2}.* 前办结/);
    await screenshot(supervisor, 'trial-02-decided');

    // officer1 announces the decision to the person and their party organisation.
    await visit(officer, `/cases/${caseId}`, officer.locator(`[data-case-id="${caseId}"] h3 [data-stage="DECIDED"]`));
    form = await openAction(officer, 'announceDecision');
    // Not before the decision (made moments ago): now.
    await fillTime(form, '宣布时间', shanghaiTime(0));
    await form.getByLabel('宣布范围（本人及所在党组织）', { exact: true }).fill('本人及所在党支部');
    await form.getByRole('button', { name: '宣布处分决定' }).click();
    await confirmDialog(officer);
    const done = officer.getByTestId('person-decisions').locator('[data-announcement="DONE"]');
    await done.waitFor();
    expect(await done.textContent()).toContain('本人及所在党支部');
    await screenshot(officer, 'trial-03-announced');

    // 影响期台账: the warned official may not be promoted for twelve months (the worker registers it shortly after).
    await eventually(async () => {
      const items = ((await get(h, 'officer1', '/api/effects?active=true')).body as OfficialEffectList).items;
      return items.find((e) => e.caseId === caseId) ? true : undefined;
    }, 20_000, 'the case’s effects in the register');
    await officer.locator('nav[aria-label="main"]').getByRole('link', { name: '影响期台账' }).click();
    await officer.getByRole('heading', { name: '影响期台账' }).waitFor();
    // The filters live in the address.
    const activeOnly = officer.getByRole('checkbox', { name: '只看影响期内的' });
    await activeOnly.click();
    await officer.waitForURL(/[?&]active=true/);
    // The box shows the address's filter once the page has read it back (a render after the address changed).
    await officer.getByRole('checkbox', { name: '只看影响期内的', checked: true }).waitFor();
    await chooseOption(officer, officer.getByLabel('单位', { exact: true }), DEMO_ORG_UNITS.districtA.name);
    await officer.waitForURL(new RegExp(`[?&]orgUnit=${DEMO_ORG_UNITS.districtA.id}`));
    const effect = officer.locator(`[data-effect-row="${number}/P1/NO_PROMOTION"]`);
    await effect.waitFor();
    expect(await effect.getAttribute('data-active')).toBe('true');
    const line = await effect.textContent();
    for (const text of ['某', '科长', DEMO_ORG_UNITS.districtA.name, '不得提拔或者重用', '纪律处分：警告', number]) expect(line).toContain(text);
    await screenshot(officer, 'trial-04-effects');
    const [download] = await Promise.all([officer.waitForEvent('download'), officer.getByRole('button', { name: '导出 Excel' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^dandang-official-effects-.*\.xlsx$/);
    await effect.getByRole('link', { name: number, exact: true }).click();
    await officer.locator(`[data-case-id="${caseId}"] h3 [data-stage="DECIDED"]`).waitFor();

    const view = (await get(h, 'officer1', `/api/cases/${caseId}`)).body;
    expect(view).toMatchObject({
      stage: 'DECIDED',
      procedure: 'DISCIPLINE',
      trial: { reviewerId: DEMO_USERS.reviewer1.id, opinion: { opinion: 'AGREE' } },
      personDecisions: [{ personId: 'P1', forms: [{ form: 'DISCIPLINARY_SANCTION', subtype: 'WARNING' }] }],
      collectiveDecisions: [
        {
          body: 'COMMISSION_STANDING_COMMITTEE',
          carried: true,
          memberCount: 5,
          votes: members.map(() => expect.objectContaining({ vote: 'FOR' })),
        },
      ],
      announcement: { announcedAt: expect.any(String), to: '本人及所在党支部' },
    });
  });
});
