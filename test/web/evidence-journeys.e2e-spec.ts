// Evidence files in the web application: the case officer drops two files at once onto the case page's evidence
// panel, each goes as its own upload, both are listed with the SHA-256 of their bytes, and a download gives the same
// bytes back. A file of a refused type is named in the answer (415). Against the whole system in-process, in
// Debian's Chromium.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { ApiHarness } from '../support/api-harness';
import { aCaseUnderInvestigation } from '../support/case-drive';
import { BROWSER_TEST_TIMEOUT_MS, screenshot, signIn, visit } from './support/browser';
import { startSystemWithFiles, type SystemWithFiles } from './support/system-with-files';

jest.setTimeout(BROWSER_TEST_TIMEOUT_MS);

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('evidence files in the web application', () => {
  let system: SystemWithFiles;
  let h: ApiHarness;
  let officer: Page;
  let caseId: string;

  beforeAll(async () => {
    system = await startSystemWithFiles('evidence');
    ({ h, officer } = system);
    caseId = await aCaseUnderInvestigation(h);
  }, 300_000);

  afterAll(() => system?.close());

  it('uploads two files at once, lists both with the SHA-256 of their bytes, and downloads one byte for byte', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(50_000), Buffer.from('\n%%EOF\n')]);
    const text = Buffer.from('询问笔录：2024年3月5日，当事人称……\n', 'utf8');
    await signIn(officer, 'officer1');
    const panel = officer.locator('[data-evidence-panel]');
    await visit(officer, `/cases/${caseId}`, panel.locator('[data-evidence-upload]'));
    await panel.locator('[data-evidence-description]').fill('银行流水与询问笔录');
    await panel.locator('input[type="file"]').setInputFiles([
      { name: '银行流水.pdf', mimeType: 'application/pdf', buffer: pdf },
      { name: '询问笔录.txt', mimeType: 'text/plain', buffer: text },
    ]);
    const rows = panel.locator('tr[data-evidence-file]');
    await rows.nth(1).waitFor();
    expect(await rows.count()).toBe(2);
    const listed = await rows.evaluateAll((trs) =>
      trs.map((tr) => ({
        name: tr.querySelector('[data-evidence-name]')?.textContent,
        sha256: tr.querySelector('[data-evidence-sha256]')?.getAttribute('data-evidence-sha256'),
      })),
    );
    expect(listed).toEqual(
      expect.arrayContaining([
        { name: '银行流水.pdf', sha256: sha256(pdf) },
        { name: '询问笔录.txt', sha256: sha256(text) },
      ]),
    );
    await screenshot(officer, 'evidence-01-uploaded');

    const pdfRow = rows.filter({ hasText: '银行流水.pdf' });
    const [download] = await Promise.all([officer.waitForEvent('download'), pdfRow.locator('[data-download="evidence"]').click()]);
    expect(download.suggestedFilename()).toBe('银行流水.pdf');
    const bytes = readFileSync((await download.path())!);
    expect(bytes.equals(pdf)).toBe(true);
  });

  it('corrects a file by a superseding one; both stay listed', async () => {
    const panel = officer.locator('[data-evidence-panel]');
    const textRow = panel.locator('tr[data-evidence-file]').filter({ hasText: '询问笔录.txt' });
    const corrected = await textRow.getAttribute('data-evidence-file');
    await textRow.locator('[data-action="correctEvidence"]').click();
    await panel.locator(`[data-correcting="${corrected}"]`).waitFor();
    await panel.locator('[data-evidence-description]').fill('更正后的询问笔录');
    await panel.locator('input[type="file"]').setInputFiles([{ name: '询问笔录-更正.txt', mimeType: 'text/plain', buffer: Buffer.from('更正：时间为2024年3月6日\n') }]);
    await panel.locator('tr[data-evidence-file]').nth(2).waitFor();
    await textRow.locator('[data-superseded-by]').waitFor();
    expect(await panel.locator('[data-correcting]').count()).toBe(0);
  });

  it('names the file when its content is of a refused type (415)', async () => {
    await officer.locator('[data-evidence-description]').fill('压缩包');
    await officer.locator('[data-evidence-panel] input[type="file"]').setInputFiles([
      { name: 'archive.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('PK\u0003\u0004'), randomBytes(100)]) },
    ]);
    const refusal = officer.locator('[data-evidence-panel] [role="alert"][data-status="415"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('archive.pdf');
    expect(await refusal.textContent()).toContain('file:');
    expect(await officer.locator('[data-evidence-panel] tr[data-evidence-file]').count()).toBe(3);
  });
});
