// The accountability procedure (问责) after verification in the web application, in Debian's Chromium against the whole
// system in-process: a second person concerned is added, the facts are shown to each and their statements recorded, the
// report gives each person's findings (an organisation's form for an individual is refused beside its row first), the
// supervisor approves it, and the collective decision (集体研究决定) is recorded with its votes and a dissent; the
// decision of each person then shows on the page. The case is brought to its investigation through the API. In a second
// case, served, a member in charge appeals in writing and that member's decision alone is revoked on review.
import type { Browser, Page } from 'playwright-core';
import { DEMO_ORG_UNITS, DEMO_USERS } from '@dandang/persistence';
import { startApiHarness, type ApiHarness } from '../support/api-harness';
import { act, get, register } from '../support/actions';
import { aClue } from '../support/clue';
import { aSubject, fileForInvestigation, ok } from '../support/case-drive';
import { BROWSER_TEST_TIMEOUT_MS, chooseOption, confirmDialog, fillTime, formItem, launchBrowser, newOfficerPage, openAction, screenshot, shanghaiTime, signIn, visit } from './support/browser';
import { ensureWebAppBuilt } from './support/web-app';

jest.setTimeout(2 * BROWSER_TEST_TIMEOUT_MS);

/** A clue verified and filed as an accountability inquiry (拟启动问责调查) with evidence, officer1 handling it; returns its id. */
async function anAccountabilityInquiry(h: ApiHarness): Promise<string> {
  const id = (await ok(register(h, 'intake1', aClue({ subject: aSubject() })), 'register')).id as string;
  await ok(act(h, 'intake1', id, 'acceptClue', { assigneeId: DEMO_USERS.officer1.id }), 'accept');
  await fileForInvestigation(h, id, 'PROPOSE_ACCOUNTABILITY');
  await ok(act(h, 'officer1', id, 'addEvidence', { kind: 'DOCUMENT', description: '审批签字材料' }), 'evidence');
  return id;
}

describe('the accountability procedure in the web application', () => {
  let h: ApiHarness;
  let browser: Browser;
  let officer: Page;
  let supervisor: Page;

  beforeAll(async () => {
    ensureWebAppBuilt();
    h = await startApiHarness({ listen: true });
    browser = await launchBrowser();
    officer = (await newOfficerPage(browser, h.baseUrl!)).page;
    supervisor = (await newOfficerPage(browser, h.baseUrl!)).page;
    await signIn(officer, 'officer1');
    await signIn(supervisor, 'supervisor1');
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('two persons are heard, each gets findings, and the collective decision by vote decides for each', async () => {
    const caseId = await anAccountabilityInquiry(h);
    await visit(officer, `/cases/${caseId}`, officer.locator(`[data-case-id="${caseId}"] h3 [data-stage="INVESTIGATION"]`));
    expect(await officer.locator('h3 [data-stage]').textContent()).toBe('问责调查');
    expect(await officer.locator('[data-procedure]').textContent()).toBe('问责');
    expect(await officer.locator('[data-timeline-action="approve"]').last().textContent()).toContain('初步核实 → 问责调查');
    const persons = officer.getByTestId('persons');
    expect(await persons.locator('.ant-card-head-title').textContent()).toBe('被问责人');
    await persons.locator('[data-person="P1"] [data-statement="NOT_SHOWN"]').waitFor();

    // A second person concerned: the deputy who signed the approvals.
    let form = await openAction(officer, 'addPersonConcerned');
    await chooseOption(officer, form.getByLabel('对象类别', { exact: true }), '个人');
    await form.getByLabel('姓名或组织名称', { exact: true }).fill('李四');
    await form.getByLabel('职务', { exact: true }).fill('街道办事处副主任');
    await chooseOption(officer, form.getByLabel('所在单位', { exact: true }), DEMO_ORG_UNITS.districtA.name);
    await formItem(form, '是否公职人员（可给予政务处分）').getByRole('radio', { name: '是', exact: true }).check();
    await form.getByLabel('理由', { exact: true }).fill('分管审批工作，签批了涉事事项');
    await form.getByRole('button', { name: '增加被调查对象' }).click();
    await persons.locator('[data-person="P2"]').waitFor();
    expect(await persons.locator('[data-person="P2"]').textContent()).toContain('李四（街道办事处副主任）');

    // The facts shown to each, and each one's statement: one signed, one refusing to sign.
    const statements = [
      { personId: 'P1', name: '张三（街道办事处主任）', summary: '对事实无异议', signature: '本人签字确认', code: 'SIGNED' },
      { personId: 'P2', name: '李四（街道办事处副主任）', summary: '认为系执行上级决定', signature: '拒绝签字（已注明）', code: 'REFUSED_TO_SIGN' },
    ];
    for (const s of statements) {
      form = await openAction(officer, 'presentFactMaterials');
      await chooseOption(officer, form.getByLabel('对象', { exact: true }), s.name);
      await fillTime(form, '见面时间', shanghaiTime(90));
      await form.getByRole('button', { name: '事实材料与本人见面' }).click();
      await persons.locator(`[data-person="${s.personId}"] [data-statement="AWAITED"]`).waitFor();
    }
    expect(await persons.locator('[data-person="P1"] [data-statement="AWAITED"]').textContent()).toMatch(/应于 \d{4}-\d{2}-\d{2}.* 前陈述申辩/);
    for (const s of statements) {
      form = await openAction(officer, 'recordStatement');
      await chooseOption(officer, form.getByLabel('对象', { exact: true }), s.name);
      await fillTime(form, '陈述申辩时间', shanghaiTime(60));
      await form.getByLabel('陈述申辩内容（无异议的注明）', { exact: true }).fill(s.summary);
      await chooseOption(officer, form.getByLabel('签字情况', { exact: true }), s.signature);
      await form.getByRole('button', { name: '登记陈述申辩' }).click();
      await persons.locator(`[data-person="${s.personId}"] [data-statement="${s.code}"]`).waitFor();
    }
    expect(await persons.locator('[data-person="P2"]').textContent()).toContain('认为系执行上级决定');
    await screenshot(officer, 'procedures-01-statements');

    // The report: a row for each person. 通报（组织） is an organisation's form: refused beside the second row.
    form = await openAction(officer, 'submitInvestigationReport');
    await form.getByLabel('认定事实', { exact: true }).fill('审批中未履行审核职责，造成不良影响');
    const rows = form.locator('[data-finding-row]');
    expect(await rows.count()).toBe(2);
    const findings = [
      { row: rows.nth(0), level: '主要领导责任', form: '诫勉' },
      { row: rows.nth(1), level: '直接责任', form: '通报（组织）' },
    ];
    for (const f of findings) {
      await chooseOption(officer, f.row.getByLabel('责任类型', { exact: true }), f.level);
      await chooseOption(officer, f.row.getByLabel('从轻从重情节', { exact: true }), '一般');
      await chooseOption(officer, f.row.getByLabel('问责方式', { exact: true }), f.form);
    }
    await form.getByRole('button', { name: '提交调查报告' }).click();
    const rowError = rows.nth(1).locator('.ant-form-item-explain-error');
    await rowError.waitFor();
    expect(await rowError.textContent()).toContain('cannot be imposed on an individual');
    expect(await rows.nth(0).locator('.ant-form-item-explain-error').count()).toBe(0);
    expect(await officer.getByTestId('proposal').count()).toBe(0);
    await screenshot(officer, 'procedures-02-finding-refused');

    await chooseOption(officer, rows.nth(1).getByLabel('问责方式', { exact: true }), '通报（个人）');
    await form.getByRole('button', { name: '提交调查报告' }).click();
    const proposal = officer.getByTestId('proposal');
    await proposal.waitFor();
    expect(await proposal.locator('[data-finding-person="P1"]').textContent()).toContain('诫勉');
    expect(await proposal.locator('[data-finding-person="P2"]').textContent()).toContain('李四（街道办事处副主任）');
    expect(await proposal.locator('[data-finding-person="P2"]').textContent()).toContain('通报（个人）');

    // The supervisor approves the report: the case goes on to the collective decision.
    await visit(supervisor, `/cases/${caseId}`, supervisor.locator(`[data-case-id="${caseId}"] h3 [data-stage="INVESTIGATION"]`));
    await supervisor.locator('[data-action="approve"]').click();
    form = supervisor.locator('[data-action-form="approve"]');
    await form.getByLabel('审批意见', { exact: true }).fill('同意调查报告');
    await form.getByRole('button', { name: '批准' }).click();
    await confirmDialog(supervisor);
    await supervisor.locator('h3 [data-stage="DELIBERATION"]').waitFor();
    await supervisor.getByTestId('report-findings').locator('[data-finding-person="P2"]').waitFor();
    expect(await supervisor.locator('[aria-label="stage path"]').textContent()).toContain('集体研究决定');

    // The standing committee meets: five members, four vote, one against with the dissent recorded.
    form = await openAction(supervisor, 'recordCollectiveDecision');
    await chooseOption(supervisor, form.getByLabel('决定机关（会议）', { exact: true }), '纪委常委会会议');
    await fillTime(form, '会议时间', shanghaiTime(10));
    await form.getByLabel('应到会人数', { exact: true }).fill('5');
    const votes = [
      { member: DEMO_USERS.supervisor2.displayName, vote: '同意' },
      { member: DEMO_USERS.supervisor3.displayName, vote: '同意' },
      { member: DEMO_USERS.officer2.displayName, vote: '同意' },
      { member: DEMO_USERS.custodian1.displayName, vote: '不同意', opinion: '李四系执行上级决定，建议从轻' },
    ];
    for (const [i, v] of votes.entries()) {
      if (i > 0) await form.getByRole('button', { name: '添加表决成员' }).click();
      const row = form.locator(`[data-vote-row="${i}"]`);
      await chooseOption(supervisor, row.getByLabel('参会成员', { exact: true }), v.member);
      if (v.vote !== '同意') await chooseOption(supervisor, row.getByLabel('表决', { exact: true }), v.vote);
      if (v.opinion) {
        // A vote against asks for its dissent as soon as it is chosen.
        await row.getByPlaceholder('不同意的，须写明不同意见', { exact: true }).waitFor({ timeout: 3_000 });
        await row.getByLabel('意见（可不填）', { exact: true }).fill(v.opinion);
      }
    }
    await form.getByLabel('会议纪要', { exact: true }).fill('会议研究同意调查报告的处理意见');
    await form.getByRole('button', { name: '登记集体研究决定' }).click();
    await confirmDialog(supervisor);

    await supervisor.locator('h3 [data-stage="DECIDED"]').waitFor();
    expect(await supervisor.locator('h3 [data-stage]').textContent()).toBe('已作出问责决定');
    const meeting = supervisor.getByTestId('collective-decisions').locator('[data-meeting="COMMISSION_STANDING_COMMITTEE"]');
    expect(await meeting.getAttribute('data-carried')).toBe('true');
    expect(await meeting.locator('[data-vote="AGAINST"]').textContent()).toContain('李四系执行上级决定，建议从轻');
    const decided = supervisor.getByTestId('person-decisions');
    expect(await decided.locator('[data-finding-person="P1"]').textContent()).toContain('诫勉');
    expect(await decided.locator('[data-finding-person="P2"]').textContent()).toContain('通报（个人）');
    await screenshot(supervisor, 'procedures-03-decided');

    // In English, the procedure's own words.
    await supervisor.getByText('English', { exact: true }).click();
    await supervisor.locator('h3 [data-stage]', { hasText: 'Accountability decided' }).waitFor();
    expect(await supervisor.getByTestId('persons').locator('.ant-card-head-title').textContent()).toBe('Person held to account');
    expect(await meeting.textContent()).toContain('Standing committee of the commission');
    expect(await meeting.locator('[data-vote="AGAINST"]').textContent()).toContain('Against');
    await supervisor.getByText('中文', { exact: true }).click();
    await supervisor.locator('h3 [data-stage]', { hasText: '已作出问责决定' }).waitFor();

    const view = (await get(h, 'officer1', `/api/cases/${caseId}`)).body;
    expect(view).toMatchObject({
      stage: 'DECIDED',
      procedure: 'ACCOUNTABILITY',
      personDecisions: [
        { personId: 'P1', forms: [{ form: 'ADMONISHMENT' }] },
        { personId: 'P2', forms: [{ form: 'CIRCULATED_CRITICISM' }] },
      ],
      collectiveDecisions: [{ body: 'COMMISSION_STANDING_COMMITTEE', carried: true, memberCount: 5 }],
    });
  });

  it('a member in charge appeals in writing, and a supervisor who took no part revokes that member’s decision alone', async () => {
    // Through the API: two persons heard, each admonished by the standing committee, the decision served.
    const caseId = await anAccountabilityInquiry(h);
    const now = () => new Date().toISOString();
    await ok(act(h, 'officer1', caseId, 'addPersonConcerned', { kind: 'INDIVIDUAL', name: '周副主任', position: '街道办事处副主任（分管）', orgUnitId: DEMO_ORG_UNITS.districtA.id, reason: '分管该项工作' }), 'add P2');
    for (const personId of ['P1', 'P2']) {
      await ok(act(h, 'officer1', caseId, 'presentFactMaterials', { personId, presentedAt: now() }), `show ${personId}`);
      await ok(act(h, 'officer1', caseId, 'recordStatement', { personId, receivedAt: now(), summary: '对事实无异议', signature: 'SIGNED' }), `hear ${personId}`);
    }
    const finding = (personId: string) => ({ personId, responsibilityLevel: 'DIRECT', forms: [{ form: 'ADMONISHMENT' }], leniency: 'NORMAL' });
    await ok(act(h, 'officer1', caseId, 'submitInvestigationReport', { facts: '审批不作为', findings: [finding('P1'), finding('P2')] }), 'report');
    await ok(act(h, 'supervisor1', caseId, 'approve', {}), 'approve report');
    const votes = (['supervisor1', 'supervisor2', 'supervisor3'] as const).map((u) => ({ memberId: DEMO_USERS[u].id, vote: 'FOR' }));
    await ok(act(h, 'supervisor2', caseId, 'recordCollectiveDecision', { body: 'COMMISSION_STANDING_COMMITTEE', meetingAt: now(), memberCount: 5, votes, minutes: '常委会研究' }), 'decide');
    await ok(act(h, 'officer1', caseId, 'serveDecision', { servedAt: now(), method: 'IN_PERSON' }), 'serve');

    // The officer records the member's written appeal, naming them.
    await visit(officer, `/cases/${caseId}`, officer.locator(`[data-case-id="${caseId}"] h3 [data-stage="SERVED"]`));
    let form = await openAction(officer, 'recordPaperAppeal');
    await chooseOption(officer, form.getByLabel('申诉人（被问责对象）', { exact: true }), '周副主任（街道办事处副主任（分管））');
    await form.getByLabel('申诉理由', { exact: true }).fill('本人多次提出意见未被采纳，不应承担同等责任');
    // Received now: the picker keeps whole seconds, so a few seconds ahead (within the clock skew allowed) keeps it from
    // falling before the service of a moment ago.
    await fillTime(form, '收到申诉时间', shanghaiTime(-0.05));
    await form.getByRole('button', { name: '登记书面申诉' }).click();
    await confirmDialog(officer);
    const decisions = officer.getByTestId('person-decisions');
    await decisions.locator('[data-appeal="P2"][data-outcome="PENDING"]').waitFor();
    expect(await decisions.locator('[data-appeal="P1"]').count()).toBe(0);
    await screenshot(officer, 'procedures-04-member-appealed');

    // A supervisor who took no part revokes the member's 诫勉; the head's stands.
    const reviewer = (await newOfficerPage(browser, h.baseUrl!)).page;
    await signIn(reviewer, 'supervisor3');
    await visit(reviewer, `/cases/${caseId}`, reviewer.locator(`[data-case-id="${caseId}"] h3 [data-stage="SERVED"]`));
    form = await openAction(reviewer, 'decideAppeal');
    await chooseOption(reviewer, form.getByLabel('复查结果', { exact: true }), '撤销');
    await chooseOption(reviewer, form.getByLabel('申诉人（被问责对象）', { exact: true }), '周副主任（街道办事处副主任（分管））');
    await form.getByLabel('理由', { exact: true }).fill('分管领导已尽责，撤销对其诫勉');
    await form.getByRole('button', { name: '作出申诉复查决定' }).click();
    await confirmDialog(reviewer);
    const revoked = reviewer.getByTestId('person-decisions');
    await revoked.locator('[data-appeal="P2"][data-outcome="REVOKED"]').waitFor();
    expect(await revoked.locator('[data-appeal="P2"]').textContent()).toContain('撤销');
    expect(await revoked.locator('[data-finding-person="P1"]').textContent()).toContain('诫勉');
    expect(await revoked.locator('[data-finding-person="P2"]').textContent()).not.toContain('诫勉');
    await screenshot(reviewer, 'procedures-05-member-appeal-revoked');
    await reviewer.close();

    expect((await get(h, 'officer1', `/api/cases/${caseId}`)).body).toMatchObject({
      stage: 'SERVED',
      personAppeals: [{ personId: 'P2', filed: { recordedBy: DEMO_USERS.officer1.id }, decision: { outcome: 'REVOKED', by: DEMO_USERS.supervisor3.id } }],
      personDecisions: [{ personId: 'P1', forms: [{ form: 'ADMONISHMENT' }] }, { personId: 'P2', forms: [] }],
    });
  });
});
