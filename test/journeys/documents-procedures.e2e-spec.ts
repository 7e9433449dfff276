import { mkdtempSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Response } from 'superagent';
import type { CaseDocumentList } from '@dandang/contracts';
import { DEMO_USERS } from '@dandang/persistence';
import { docxText } from '../../apps/api/src/documents/docx/render-docx';
import { startApiHarness, type ApiHarness, type DemoUserName } from '../support/api-harness';
import { act, get, register } from '../support/actions';
import { aSubject } from '../support/case-drive';
import { aClue } from '../support/clue';

/** A binary answer's bytes (supertest buffers text, not .docx, unless told). */
const binary = (res: Response, done: (e: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  const stream = res as unknown as NodeJS.ReadableStream;
  stream.on('data', (chunk: Buffer) => chunks.push(Buffer.from(chunk)));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

async function ok(response: Promise<{ status: number; body: unknown }>, what: string): Promise<Record<string, unknown>> {
  const r = await response;
  if (r.status !== 200 && r.status !== 201) throw new Error(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as Record<string, unknown>;
}

const minutesAgo = (n: number): string => new Date(Date.now() - n * 60_000).toISOString();

/**
 * 文书 of the two procedures after verification, through the API: a discipline case (立案审查调查) heard, reviewed in
 * 审理 by the case review department and decided by the standing committee yields its 审理报告 and 处分决定书 (for
 * the person named; an unknown person is refused naming personId); an investigation withdrawn yields its 撤销案件决定书.
 */
describe('documents (文书) of a discipline case and of a withdrawn case', () => {
  let h: ApiHarness;
  let fileStoreDir: string;
  const bearer = async (who: DemoUserName) => `Bearer ${await h.token(who)}`;
  const generate = async (id: string, body: Record<string, unknown>) => h.http.post(`/api/cases/${id}/documents`).set('Authorization', await bearer('officer1')).send(body);
  const textOf = async (id: string, docId: string) =>
    docxText((await h.http.get(`/api/cases/${id}/documents/${docId}`).set('Authorization', await bearer('officer1')).buffer(true).parse(binary)).body as Buffer);

  beforeAll(async () => {
    fileStoreDir = mkdtempSync(join(tmpdir(), 'dandang-documents-procedures-'));
    h = await startApiHarness({ env: { FILE_STORE_DIR: fileStoreDir } });
  }, 20 * 60_000);
  afterAll(async () => {
    await h?.close();
    rmSync(fileStoreDir, { recursive: true, force: true });
  });

  /** A clue verified with the given finding, officer1 handling it; returns its id. */
  async function aVerifiedCase(finding: 'PROPOSE_CASE_FILING' | 'PROPOSE_ACCOUNTABILITY'): Promise<string> {
    const id = (await ok(register(h, 'intake1', aClue({ subject: aSubject() })), 'register')).id as string;
    await ok(act(h, 'intake1', id, 'acceptClue', { assigneeId: DEMO_USERS.officer1.id }), 'accept');
    await ok(act(h, 'officer1', id, 'proposeDisposition', { disposition: 'PRELIMINARY_VERIFICATION', reason: '需初核' }), 'dispose');
    await ok(act(h, 'supervisor1', id, 'approve', {}), 'approve disposition');
    await ok(act(h, 'officer1', id, 'submitVerificationReport', { finding, summary: '初核查明存在违纪问题' }), 'verify');
    await ok(act(h, 'supervisor2', id, 'approve', { investigationTeam: [DEMO_USERS.officer2.id] }), 'approve filing');
    return id;
  }

  it('generates the 处分决定书 of a decided discipline case, for the person named, after its 审理报告', async () => {
    const id = await aVerifiedCase('PROPOSE_CASE_FILING');
    await ok(act(h, 'officer1', id, 'addEvidence', { kind: 'DOCUMENT', description: '会议纪要' }), 'evidence');
    await ok(act(h, 'officer1', id, 'presentFactMaterials', { personId: 'P1', presentedAt: minutesAgo(60) }), 'facts shown');
    await ok(act(h, 'officer1', id, 'recordStatement', { personId: 'P1', receivedAt: minutesAgo(30), summary: '对认定事实无异议', signature: 'SIGNED' }), 'statement');
    await ok(
      act(h, 'officer1', id, 'submitInvestigationReport', {
        facts: '违规插手工程项目审批',
        responsibilityLevel: 'DIRECT',
        forms: [{ form: 'DISCIPLINARY_SANCTION', subtype: 'WARNING' }],
        leniency: 'NORMAL',
      }),
      'report',
    );
    await ok(act(h, 'supervisor1', id, 'approve', {}), 'approve report');
    // 审理 by the case review department (reviewer1, a trial officer who took no part).
    await ok(act(h, 'reviewer1', id, 'acceptForTrial', { note: '案卷齐全' }), 'accept for trial');
    await ok(act(h, 'reviewer1', id, 'recordTrialOpinion', { opinion: 'AGREE', reason: '事实清楚，证据确凿，定性准确，处理恰当' }), 'trial opinion');
    await ok(
      act(h, 'supervisor1', id, 'recordCollectiveDecision', {
        body: 'COMMISSION_STANDING_COMMITTEE',
        meetingAt: minutesAgo(1),
        memberCount: 5,
        votes: [randomUUID(), randomUUID(), randomUUID()].map((memberId) => ({ memberId, vote: 'FOR' })),
        minutes: '常委会会议研究，同意给予党内警告处分',
      }),
      'collective decision',
    );

    const list = (await get(h, 'officer1', `/api/cases/${id}/documents`)).body as CaseDocumentList;
    const kinds = list.generatable.map((g) => g.kind);
    expect(kinds).toEqual(expect.arrayContaining(['STATEMENT_RECORD', 'INVESTIGATION_REPORT', 'TRIAL_REPORT', 'SANCTION_DECISION']));
    expect(kinds).not.toContain('ACCOUNTABILITY_DECISION');

    const trial = await generate(id, { kind: 'TRIAL_REPORT' });
    expect(trial.status).toBe(201);
    expect(await textOf(id, trial.body.id)).toContain('审理意见：同意审查调查部门意见。事实清楚，证据确凿，定性准确，处理恰当');

    // A person the case does not concern: refused naming the field, before a number is drawn.
    const unknown = await generate(id, { kind: 'SANCTION_DECISION', personId: 'P9' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields).toEqual([expect.objectContaining({ field: 'personId', message: expect.stringContaining('P1') })]);

    const created = await generate(id, { kind: 'SANCTION_DECISION', personId: 'P1' });
    expect(created.status).toBe(201);
    // The case records whom the document is for, as the documents list shows it.
    expect(created.body).toMatchObject({ kind: 'SANCTION_DECISION', kindLabel: { zh: '处分决定书' }, number: expect.stringMatching(/^纪处分〔\d{4}〕\d+号$/), personId: 'P1', personName: '张三' });
    const recorded = (await get(h, 'officer1', `/api/cases/${id}/documents`)).body as CaseDocumentList;
    expect(recorded.documents.find((d) => d.id === created.body.id)).toMatchObject({ personId: 'P1', personName: '张三' });
    expect(recorded.documents.find((d) => d.id === trial.body.id)).not.toHaveProperty('personId');
    const text = await textOf(id, created.body.id);
    for (const expected of ['处分决定书', created.body.number, '张三', '街道办事处主任', '违规插手工程项目审批', '经审理', '《中国共产党纪律处分条例》', '经纪委常委会会议研究决定，给予张三党内警告处分']) {
      expect(text).toContain(expected);
    }
  });

  it('generates the 撤销案件决定书 of an investigation withdrawn', async () => {
    const id = await aVerifiedCase('PROPOSE_ACCOUNTABILITY');
    await ok(act(h, 'officer1', id, 'proposeNoAccountability', { outcome: 'CASE_WITHDRAWN', allegationUntrue: false, reason: '现有证据不足以认定其负有责任' }), 'propose');
    await ok(act(h, 'supervisor1', id, 'approve', {}), 'approve withdrawal');
    const kinds = ((await get(h, 'officer1', `/api/cases/${id}/documents`)).body as CaseDocumentList).generatable.map((g) => g.kind);
    expect(kinds).toContain('CASE_WITHDRAWAL_DECISION');
    expect(kinds).not.toContain('NO_ACCOUNTABILITY_DECISION');

    const created = await generate(id, { kind: 'CASE_WITHDRAWAL_DECISION' });
    expect(created.status).toBe(201);
    expect(created.body.number).toMatch(/^纪撤〔\d{4}〕\d+号$/);
    const text = await textOf(id, created.body.id);
    for (const expected of ['撤销案件决定书', '张三', '启动问责调查。经调查，现有证据不足以认定其负有责任', '决定撤销该案。']) expect(text).toContain(expected);
    // A person is named only for a document of one person.
    expect((await generate(id, { kind: 'CASE_WITHDRAWAL_DECISION', personId: 'P1' })).body.fields).toEqual([expect.objectContaining({ field: 'personId' })]);
  });
});
