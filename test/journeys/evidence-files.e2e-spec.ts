import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startApiHarness, type ApiHarness, type DemoUserName } from '../support/api-harness';
import { act, register } from '../support/actions';
import { aCaseUnderInvestigation } from '../support/case-drive';
import { DEFAULT_POLICY } from '@dandang/domain';
import { aClue } from '../support/clue';

const LIMIT = 100_000;
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** A PDF whose text is a marker that must never be on disk in the clear. */
const aPdf = (marker: string) => Buffer.concat([Buffer.from(`%PDF-1.7\n% ${marker}\n`), randomBytes(20_000), Buffer.from(`\n${marker}\n%%EOF\n`)]);

describe('evidence as files: upload, sealed storage, download, correction, search', () => {
  let h: ApiHarness;
  let dir: string;
  let caseId: string;
  const bearer = async (user: DemoUserName) => ({ Authorization: `Bearer ${await h.token(user)}` });
  const upload = async (user: DemoUserName, id: string, file: Buffer, name: string, fields: Record<string, string> = {}) => {
    let req = h.http.post(`/api/cases/${id}/evidence`).set(await bearer(user));
    for (const [k, v] of Object.entries({ kind: 'DOCUMENT', description: '银行流水转账记录', ...fields })) req = req.field(k, v);
    return req.attach('file', file, name);
  };
  const download = async (user: DemoUserName, id: string, fileId: string) =>
    h.http
      .get(`/api/cases/${id}/evidence/${fileId}/content`)
      .set(await bearer(user))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
  const storedFiles = async () => (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  const rowCount = async () => Number((await h.workers.database.asOwner<{ n: string }>('SELECT count(*) AS n FROM evidence_files'))[0].n);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dandang-evidence-'));
    h = await startApiHarness({ env: { FILE_STORE_DIR: dir } });
    const policy = { ...DEFAULT_POLICY, version: 'evidence-small-files', evidenceMaxBytes: LIMIT };
    const published = await h.http.post('/api/admin/policies').set(await bearer('admin1')).send(policy);
    expect(published.body).toMatchObject({ version: 'evidence-small-files' });
    caseId = await aCaseUnderInvestigation(h);
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('stores an uploaded file sealed, records the SHA-256 of its bytes in the case, and gives the bytes back', async () => {
    const pdf = aPdf('MARKER-BANK-STATEMENT');
    const res = await upload('officer1', caseId, pdf, '银行流水.pdf');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: '银行流水.pdf', mediaType: 'application/pdf', size: pdf.length, sha256: sha256(pdf), uploadedBy: expect.any(String), supersededBy: null });
    const onDisk = await Promise.all((await storedFiles()).map((f) => readFile(f)));
    expect(onDisk).toHaveLength(1);
    expect(onDisk[0].includes(Buffer.from('MARKER-BANK-STATEMENT'))).toBe(false);
    expect(onDisk[0].includes(pdf.subarray(100, 200))).toBe(false);

    const detail = await h.http.get(`/api/cases/${caseId}`).set(await bearer('officer1')).expect(200);
    expect(detail.body.evidence).toContainEqual(expect.objectContaining({ sha256: sha256(pdf), file: expect.objectContaining({ fileId: res.body.id }) }));
    const timeline = await h.http.get(`/api/cases/${caseId}/timeline`).set(await bearer('officer1')).expect(200);
    expect(timeline.body.map((e: { action: string }) => e.action)).toContain('attachEvidence');

    const got = await download('officer1', caseId, res.body.id);
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(sha256(got.body as Buffer)).toBe(sha256(pdf));
    const events = await h.workers.database.asOwner<{ kind: string; subject: string; actor_id: string }>(
      `SELECT kind, subject, actor_id FROM security_events WHERE kind = 'EVIDENCE_DOWNLOADED'`,
    );
    expect(events).toEqual([expect.objectContaining({ subject: caseId })]);
  });

  it('lets no auditor, official concerned or recused officer download, and has no case for an unknown file', async () => {
    const { body: file } = await upload('officer1', caseId, aPdf('x'), 'a.pdf');
    expect((await download('auditor1', caseId, file.id)).status).toBe(403);
    expect((await h.http.get(`/api/cases/${caseId}/evidence`).set(await bearer('auditor1'))).status).toBe(403);
    expect((await download('subject1', caseId, file.id)).status).toBe(403);
    expect((await act(h, 'officer2', caseId, 'declareConflict', { reason: '与被反映人系亲属关系' })).status).toBe(200);
    expect((await download('officer2', caseId, file.id)).status).toBe(404);
    expect((await download('officer1', caseId, '00000000-0000-4000-8000-00000000dead')).status).toBe(404);
  });

  it('refuses a file over the policy limit with 413 naming the limit, storing nothing', async () => {
    const [files, rows] = [(await storedFiles()).length, await rowCount()];
    const res = await upload('officer1', caseId, Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(LIMIT)]), 'big.pdf');
    expect(res.status).toBe(413);
    expect(res.body.message).toContain(String(LIMIT));
    expect((await storedFiles()).length).toBe(files);
    expect(await rowCount()).toBe(rows);
  });

  it('refuses content that is not an allowed type, whatever its name, with 415 naming the file', async () => {
    const rows = await rowCount();
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.from([0x90, 0, 3, 0, 0, 0, 4, 0]), randomBytes(2000)]);
    const res = await upload('officer1', caseId, exe, '证据.pdf');
    expect(res.status).toBe(415);
    expect(res.body.message).toMatch(/^file: /);
    expect(await rowCount()).toBe(rows);
    const badKind = await upload('officer1', caseId, aPdf('y'), 'y.pdf', { kind: 'NOT_A_KIND' });
    expect(badKind.status).toBe(400);
    expect(badKind.body.fields).toEqual([expect.objectContaining({ field: 'kind' })]);
  });

  it('corrects evidence by a superseding file, once; nothing deletes evidence', async () => {
    const { body: first } = await upload('officer1', caseId, aPdf('first'), 'scan.pdf');
    const fix = await upload('officer1', caseId, Buffer.from('更正：转账金额为 5 万元\n'), 'fix.txt', { supersedes: first.id, description: '更正后的说明' });
    expect(fix.status).toBe(201);
    expect(fix.body).toMatchObject({ mediaType: 'text/plain', supersedes: first.id });
    const list = await h.http.get(`/api/cases/${caseId}/evidence`).set(await bearer('officer1')).expect(200);
    expect(list.body.find((f: { id: string }) => f.id === first.id)).toMatchObject({ supersededBy: fix.body.id });
    expect((await upload('officer1', caseId, aPdf('again'), 'again.pdf', { supersedes: first.id })).status).toBe(409);

    expect((await h.http.delete(`/api/cases/${caseId}/evidence/${first.id}`).set(await bearer('officer1'))).status).toBe(404);
    // Typed file facts are refused: attachEvidence comes with its upload only.
    const typed = await act(h, 'officer1', caseId, 'attachEvidence', { fileId: first.id, kind: 'DOCUMENT', description: 'x', name: 'x', mediaType: 'application/pdf', size: 1, sha256: 'ab'.repeat(32) });
    expect(typed.status).toBe(404);
    const app = new pg.Client({ connectionString: h.workers.database.url });
    await app.connect();
    try {
      await expect(app.query('DELETE FROM evidence_files WHERE id = $1', [first.id])).rejects.toThrow(/permission denied/);
      await expect(app.query(`UPDATE evidence_files SET sha256 = $2 WHERE id = $1`, [first.id, 'ab'.repeat(32)])).rejects.toThrow(/permission denied/);
    } finally {
      await app.end();
    }
    await expect(h.workers.database.asOwner('DELETE FROM evidence_files')).rejects.toThrow(/never deleted/);
  });

  it('finds the case by the description of its evidence', async () => {
    const other = (await register(h, 'intake1', aClue())).body.id as string;
    const found = await h.http.get('/api/cases').query({ q: '银行流水转账' }).set(await bearer('officer1')).expect(200);
    const ids = found.body.items.map((c: { id: string }) => c.id);
    expect(ids).toContain(caseId);
    expect(ids).not.toContain(other);
  });
});
