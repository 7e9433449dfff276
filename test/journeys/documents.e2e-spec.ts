import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'superagent';
import type { CaseDocumentList, CaseDocumentView } from '@dandang/contracts';
import { DEMO_USERS, DocumentRepository } from '@dandang/persistence';
import { ensureLibreOffice, PDFTOTEXT_PATH } from '../../tools/ensure-libreoffice';
import { docxOfLines } from '../../apps/api/src/documents/docx/builtin-template';
import { docxText } from '../../apps/api/src/documents/docx/render-docx';
import { PdfConverter } from '../../apps/api/src/documents/pdf-converter';
import { startApiHarness, type ApiHarness, type DemoUserName } from '../support/api-harness';
import { act, get } from '../support/actions';
import { aServedCase, aSubject } from '../support/case-drive';
import { aClue } from '../support/clue';

/** A binary answer's bytes (supertest buffers text, not .docx or .pdf, unless told). */
const binary = (res: Response, done: (e: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  const stream = res as unknown as NodeJS.ReadableStream;
  stream.on('data', (chunk: Buffer) => chunks.push(Buffer.from(chunk)));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

function pdfText(pdf: Buffer): string {
  const dir = mkdtempSync(join(tmpdir(), 'dandang-pdf-test-'));
  try {
    writeFileSync(join(dir, 'd.pdf'), pdf);
    return execFileSync(PDFTOTEXT_PATH, ['-enc', 'UTF-8', join(dir, 'd.pdf'), '-']).toString('utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * 文书: a case's documents generated from templates, numbered per kind and year, stored with their SHA-256 in the
 * case's audit trail, downloaded as .docx or PDF (each download a security event), and their service recorded.
 */
describe('documents (文书) generated from a case', () => {
  let h: ApiHarness;
  /** soffice's path where LibreOffice is (or could be installed), else why not: the PDF answers 503 then. */
  let libreOffice: string | Error;
  let fileStoreDir: string;
  const as = async (who: DemoUserName) => ({ Authorization: `Bearer ${await h.token(who)}` });
  const generate = async (who: DemoUserName, id: string, kind: string) => h.http.post(`/api/cases/${id}/documents`).set(await as(who)).send({ kind });
  const download = async (who: DemoUserName, id: string, docId: string, format = 'docx') =>
    h.http.get(`/api/cases/${id}/documents/${docId}?format=${format}`).set(await as(who)).buffer(true).parse(binary);

  beforeAll(async () => {
    try {
      libreOffice = ensureLibreOffice();
    } catch (e) {
      libreOffice = e as Error;
    }
    fileStoreDir = mkdtempSync(join(tmpdir(), 'dandang-documents-'));
    h = await startApiHarness({ env: { FILE_STORE_DIR: fileStoreDir } });
  }, 20 * 60_000);
  afterAll(async () => {
    await h?.close();
    rmSync(fileStoreDir, { recursive: true, force: true });
  });

  let id: string;
  let decision: CaseDocumentView;

  it('generates a decision, lists it, and serves the .docx whose SHA-256 the case recorded', async () => {
    id = await aServedCase(h, aSubject());
    const before = (await get(h, 'officer1', `/api/cases/${id}/documents`)).body as CaseDocumentList;
    expect(before.documents).toEqual([]);
    expect(before.generatable.map((g) => g.kind)).toEqual(expect.arrayContaining(['ACCOUNTABILITY_DECISION', 'CASE_FILING_NOTICE', 'SERVICE_RECEIPT']));

    const created = await generate('officer1', id, 'ACCOUNTABILITY_DECISION');
    expect(created.status).toBe(201);
    decision = created.body;
    expect(decision).toMatchObject({ kind: 'ACCOUNTABILITY_DECISION', kindLabel: { zh: '问责决定书' }, templateVersion: 0, generatedBy: DEMO_USERS.officer1.id, services: [] });
    expect(decision.number).toMatch(/^纪问〔\d{4}〕\d+号$/);
    expect((await get(h, 'supervisor1', `/api/cases/${id}/documents`)).body.documents).toEqual([decision]);

    const docx = await download('officer1', id, decision.id);
    expect(docx.status).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(createHash('sha256').update(docx.body as Buffer).digest('hex')).toBe(decision.sha256);
    const text = docxText(docx.body as Buffer);
    for (const expected of ['问责决定书', decision.number, '张三', '街道办事处主任', '诫勉', '直接责任', '推进改革中审批失误']) expect(text).toContain(expected);

    // In the hash-chained trail (the timeline), with its number and hash; the download in the security-event log.
    const timeline = (await get(h, 'supervisor1', `/api/cases/${id}/timeline`)).body as { action: string; payload: Record<string, unknown> }[];
    expect(timeline).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'recordDocument', payload: expect.objectContaining({ number: decision.number, sha256: decision.sha256 }) })]));
    expect((await get(h, 'auditor1', `/api/audit/verify?caseId=${id}`)).body).toMatchObject({ valid: true });
    const log = (await get(h, 'auditor1', '/api/audit/security-events?kind=DOCUMENT_DOWNLOADED&pageSize=50')).body;
    expect(log.items).toEqual(expect.arrayContaining([expect.objectContaining({ subject: id, actorId: DEMO_USERS.officer1.id, details: expect.objectContaining({ document: decision.id, format: 'docx' }) })]));
  });

  it("finds the case by a document's number (文号) and its kind's title", async () => {
    const search = async (q: string) => ((await get(h, 'officer1', `/api/cases?q=${encodeURIComponent(q)}`)).body.items as { id: string }[]).map((c) => c.id);
    expect(await search(decision.number)).toEqual([id]);
    expect(await search('问责决定书')).toContain(id);
  });

  it('renders the PDF with LibreOffice, its text in Chinese (or answers 503 naming LibreOffice where it cannot be had)', async () => {
    const pdf = await download('officer1', id, decision.id, 'pdf');
    if (libreOffice instanceof Error) {
      expect(pdf.status).toBe(503);
      expect(JSON.parse((pdf.body as Buffer).toString('utf8')).message).toContain('LibreOffice');
      return;
    }
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.body as Buffer).replace(/\s+/g, '');
    for (const expected of ['问责决定书', decision.number, '张三', '诫勉']) expect(text).toContain(expected);
  }, 120_000);

  it('answers 503 naming LibreOffice where the machine has none, and the .docx still downloads', async () => {
    const converter = h.app.get(PdfConverter);
    const candidates = (converter as unknown as { candidates: string[] }).candidates;
    Object.assign(converter, { candidates: ['/nonexistent/soffice'] });
    try {
      const pdf = await download('officer1', id, decision.id, 'pdf');
      expect(pdf.status).toBe(503);
      expect(JSON.parse((pdf.body as Buffer).toString('utf8'))).toMatchObject({ reason: 'UNAVAILABLE', message: expect.stringContaining('LibreOffice') });
      expect((await download('officer1', id, decision.id)).status).toBe(200);
    } finally {
      Object.assign(converter, { candidates });
    }
  });

  it('records who received a document, when and how, and the 送达回证 shows it', async () => {
    const servedAt = new Date().toISOString();
    const served = await h.http
      .post(`/api/cases/${id}/documents/${decision.id}/service`)
      .set(await as('officer1'))
      .send({ recipient: '张三', method: 'LEFT_AT_PREMISES', servedAt, note: '本人拒绝签收，留置于其办公室' });
    expect(served.status).toBe(201);
    expect(served.body.services).toEqual([expect.objectContaining({ recipient: '张三', method: 'LEFT_AT_PREMISES', recordedBy: DEMO_USERS.officer1.id })]);
    const bad = await h.http.post(`/api/cases/${id}/documents/${decision.id}/service`).set(await as('officer1')).send({ recipient: '张三', method: 'BY_PIGEON', servedAt });
    expect(bad.status).toBe(400);

    const receipt = await generate('officer1', id, 'SERVICE_RECEIPT');
    expect(receipt.status).toBe(201);
    const text = docxText((await download('officer1', id, receipt.body.id)).body as Buffer);
    expect(text).toContain(`送达文书：问责决定书（${decision.number}）；受送达人：张三；送达方式：留置送达`);
    expect(text).toContain('本人拒绝签收，留置于其办公室');
  });

  it('gives each document of a kind its own number, however many are asked for at once', async () => {
    const requests = await Promise.all(Array.from({ length: 6 }, () => generate('officer1', id, 'CASE_FILING_NOTICE')));
    expect(requests.map((r) => r.status)).toEqual(Array(6).fill(201));
    const numbers = requests.map((r) => Number(/〕(\d+)号$/.exec(r.body.number as string)![1])).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 6 }, (_, i) => numbers[0] + i));

    // The sequence itself, straight: 40 draws at once on a kind and year, no number twice, none skipped.
    const repository = h.app.get(DocumentRepository, { strict: false });
    const drawn = await Promise.all(Array.from({ length: 40 }, () => repository.nextNumber('CASE_FILING_DECISION', 2099)));
    expect([...drawn].sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it('refuses whoever may not: a recused officer (404), the official concerned and others (403), a step not taken (409)', async () => {
    expect((await act(h, 'officer2', id, 'declareConflict', { reason: '与被反映人系亲属' })).status).toBe(200);
    expect((await get(h, 'officer2', `/api/cases/${id}/documents`)).status).toBe(404);
    expect((await download('officer2', id, decision.id)).status).toBe(404);
    expect((await generate('officer2', id, 'ACCOUNTABILITY_DECISION')).status).toBe(404);
    for (const who of ['subject1', 'auditor1'] as const) expect((await get(h, who, `/api/cases/${id}/documents`)).status).toBe(403);
    expect((await get(h, 'admin1', `/api/cases/${id}/documents`)).status).toBe(403);
    // An intake officer sees the list but generates nothing; nobody types a hash in through the generic action route.
    expect((await get(h, 'intake1', `/api/cases/${id}/documents`)).body.generatable).toEqual([]);
    expect((await generate('intake1', id, 'ACCOUNTABILITY_DECISION')).status).toBe(403);
    expect((await act(h, 'officer1', id, 'recordDocument', { kind: 'ACCOUNTABILITY_DECISION', number: 'x', sha256: '0'.repeat(64), fileId: decision.id, templateVersion: 0 })).status).toBe(404);
    expect((await download('officer1', id, '00000000-0000-4000-8000-00000000dead')).status).toBe(404);

    const early = (await h.http.post('/api/cases').set(await as('intake1')).send(aClue({ subject: aSubject() }))).body.id as string;
    expect((await generate('supervisor1', early, 'ACCOUNTABILITY_DECISION')).body).toMatchObject({ reason: 'DOCUMENT_NOT_APPLICABLE' });
  });

  it("lets an administrator replace a kind's template, refusing one whose tag the kind does not carry, naming it", async () => {
    const upload = async (who: DemoUserName, lines: string[], numberPrefix?: string) => {
      const req = h.http
        .post('/api/admin/document-templates/CASE_FILING_NOTICE')
        .set(await as(who))
        .attach('file', docxOfLines(lines.map((text) => ({ text, style: 'body' as const }))), 'notice.docx');
      return numberPrefix ? req.field('numberPrefix', numberPrefix) : req;
    };
    const bad = await upload('admin1', ['{subjectName}同志：', '举报人：{reporterName}']);
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toEqual([expect.objectContaining({ field: 'file', message: expect.stringContaining('{reporterName}') })]);
    const broken = await upload('admin1', ['{subjectName 同志：']);
    expect(broken.status).toBe(400);
    expect(broken.body.fields[0].message).toContain('subjectName');
    expect((await upload('officer1', ['{subjectName}'])).status).toBe(403);

    const replaced = await upload('admin1', ['东城区立案告知书', '{documentNumber}', '{subjectName}同志：本机关决定对你立案审查调查。', '{issuedOn}'], '东纪告');
    expect(replaced.status).toBe(201);
    expect(replaced.body).toMatchObject({ kind: 'CASE_FILING_NOTICE', version: 1, numberPrefix: '东纪告', tags: expect.arrayContaining(['subjectName', 'issuedOn']) });
    const listed = (await get(h, 'admin1', '/api/admin/document-templates')).body as { kind: string; version: number }[];
    expect(listed.find((t) => t.kind === 'CASE_FILING_NOTICE')).toMatchObject({ version: 1 });
    expect(listed.find((t) => t.kind === 'ACCOUNTABILITY_DECISION')).toMatchObject({ version: 0 });

    const notice = await generate('officer1', id, 'CASE_FILING_NOTICE');
    // The new prefix, on the kind's sequence of the year (which the notices above already drew from).
    expect(notice.body).toMatchObject({ templateVersion: 1, number: expect.stringMatching(/^东纪告〔\d{4}〕\d+号$/) });
    expect(docxText((await download('officer1', id, notice.body.id)).body as Buffer)).toContain('东城区立案告知书');
  });
});
