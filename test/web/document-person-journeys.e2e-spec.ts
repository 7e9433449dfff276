// 文书 of one person of several in the web application: a case concerning two persons, both heard, offers a choice of
// the person for the record of the facts shown and the statement (陈述申辩笔录); the one chosen is sent (personId) and
// the document generated is theirs. Against the whole system in-process, in Debian's Chromium.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { DEMO_ORG_UNITS } from '@dandang/persistence';
import { docxText } from '../../apps/api/src/documents/docx/render-docx';
import type { ApiHarness } from '../support/api-harness';
import { act } from '../support/actions';
import { aCaseUnderInvestigation, aSubject, hearStatement } from '../support/case-drive';
import { BROWSER_TEST_TIMEOUT_MS, chooseOption, screenshot, signIn, visit } from './support/browser';
import { startSystemWithFiles, type SystemWithFiles } from './support/system-with-files';

jest.setTimeout(BROWSER_TEST_TIMEOUT_MS);

describe('a document of one person of several in the web application', () => {
  let system: SystemWithFiles;
  let h: ApiHarness;
  let officer: Page;
  let caseId: string;

  beforeAll(async () => {
    system = await startSystemWithFiles('document-person');
    ({ h, officer } = system);
    caseId = await aCaseUnderInvestigation(h, aSubject());
    const added = await act(h, 'officer1', caseId, 'addPersonConcerned', {
      kind: 'INDIVIDUAL',
      name: '周副主任',
      position: '街道办事处副主任（分管）',
      orgUnitId: DEMO_ORG_UNITS.districtA.id,
      reason: '分管该项工作',
    });
    if (added.status !== 200) throw new Error(`addPersonConcerned: ${added.status} ${JSON.stringify(added.body)}`);
    await hearStatement(h, caseId, 'P2');
  }, 300_000);

  afterAll(() => system?.close());

  it('the officer chooses the second person for 陈述申辩笔录, and the record generated is theirs', async () => {
    await signIn(officer, 'officer1');
    const panel = officer.locator('[data-documents-panel]');
    await visit(officer, `/cases/${caseId}`, panel.locator('[data-action="generateDocument"]'));
    // No person to choose before a kind of one person is chosen.
    expect(await panel.getByLabel('对象', { exact: true }).count()).toBe(0);
    await chooseOption(officer, panel.locator('.ant-select').first(), '事实材料见面及陈述申辩笔录');
    const person = panel.getByLabel('对象', { exact: true });
    await person.waitFor();
    await chooseOption(officer, person, '周副主任（街道办事处副主任（分管））');
    await screenshot(officer, 'document-person-01-chosen');

    const [request] = await Promise.all([
      officer.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith(`/api/cases/${caseId}/documents`)),
      panel.locator('[data-action="generateDocument"]').click(),
    ]);
    expect(request.postDataJSON()).toEqual({ kind: 'STATEMENT_RECORD', personId: 'P2' });
    const number = panel.locator('[data-document-number]');
    await number.waitFor();
    // The list says whom the record is for (`has` is matched inside each row, so its locator starts from the page).
    expect(await panel.locator('tr', { has: officer.locator('[data-document-number]') }).textContent()).toContain('事实材料见面及陈述申辩笔录（周副主任）');
    // The choice is cleared with the kind.
    expect(await panel.getByLabel('对象', { exact: true }).count()).toBe(0);

    const [download] = await Promise.all([officer.waitForEvent('download'), panel.locator('[data-download="docx"]').first().click()]);
    const text = docxText(readFileSync((await download.path())!));
    expect(text).toContain('周副主任');
  });
});
