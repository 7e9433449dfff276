import { DOCUMENT_KINDS, enumValues, type DocumentKind } from '@dandang/contracts';
import { aCaseAt, aPayload, andThen, refusalOf, withStatementsHeard, type DrivenCase } from '@dandang/testing/factories';
import { documentData, type DocumentContext } from './document-data';
import { chineseDate, DEFAULT_DOCUMENT_NUMBER_PREFIXES, documentKindsFor, documentYear, formatDocumentNumber } from './document-kinds';
import { sampleDocumentCase } from './sample-case';
import { templateTags } from './template-texts';

const ctx = (overrides: Partial<DocumentContext> = {}): DocumentContext => ({
  number: '纪立〔2026〕3号',
  issuedAt: new Date('2026-12-04T17:30:00Z'),
  issuingBody: '中共某县纪律检查委员会',
  subjectUnit: '某县自然资源局',
  preparedBy: '李承办',
  ...overrides,
});

describe('document kinds a case supports', () => {
  it('offers a document only once the step it records exists', () => {
    expect(documentKindsFor(aCaseAt('INTAKE').state)).toEqual([]);
    expect(documentKindsFor(aCaseAt('DISPOSITION', { pendingProposal: true }).state)).toEqual(['CLUE_DISPOSITION_APPROVAL']);
    expect(documentKindsFor(aCaseAt('INQUIRY').state)).toEqual(['CLUE_DISPOSITION_APPROVAL', 'INQUIRY_LETTER']);
    expect(documentKindsFor(aCaseAt('INVESTIGATION').state)).toEqual([
      'CLUE_DISPOSITION_APPROVAL',
      'VERIFICATION_REPORT',
      'CASE_FILING_DECISION',
      'CASE_FILING_NOTICE',
    ]);
    expect(documentKindsFor(aCaseAt('SERVED').state)).toEqual(expect.arrayContaining(['ACCOUNTABILITY_DECISION', 'SERVICE_RECEIPT']));
  });

  it('follows a discipline case: the statement once recorded, the trial report once 审理 concluded, then a 处分决定书', () => {
    const trial = aCaseAt('TRIAL');
    expect(documentKindsFor(trial.state)).toEqual(expect.arrayContaining(['STATEMENT_RECORD', 'INVESTIGATION_REPORT']));
    expect(documentKindsFor(trial.state)).not.toContain('TRIAL_REPORT');
    const decided = aDecidedDisciplineCase(trial);
    expect(documentKindsFor(decided.state)).toEqual(expect.arrayContaining(['STATEMENT_RECORD', 'INVESTIGATION_REPORT', 'TRIAL_REPORT', 'SANCTION_DECISION']));
    expect(documentKindsFor(decided.state)).not.toContain('ACCOUNTABILITY_DECISION');
    // An accountability inquiry decides by a 问责决定书.
    expect(documentKindsFor(aCaseAt('DECIDED').state)).toContain('ACCOUNTABILITY_DECISION');
    expect(documentKindsFor(aCaseAt('DECIDED').state)).not.toContain('SANCTION_DECISION');
  });

  it('offers a 撤销案件决定书 or a 不予问责决定书 once the investigation so ends', () => {
    const withdrawn = endedWithout('CASE_WITHDRAWN');
    expect(documentKindsFor(withdrawn.state)).toContain('CASE_WITHDRAWAL_DECISION');
    expect(documentKindsFor(withdrawn.state)).not.toContain('NO_ACCOUNTABILITY_DECISION');
    const notHeld = endedWithout('NOT_HELD_ACCOUNTABLE');
    expect(documentKindsFor(notHeld.state)).toContain('NO_ACCOUNTABILITY_DECISION');
    expect(documentKindsFor(notHeld.state)).not.toContain('CASE_WITHDRAWAL_DECISION');
  });

  it('offers the notice to a real-name reporter only while one is owed or was given', () => {
    const sample = sampleDocumentCase();
    expect(documentKindsFor(sample)).toContain('REPORTER_NOTICE');
    expect(documentKindsFor({ ...sample, reporterNotices: undefined })).not.toContain('REPORTER_NOTICE');
  });

  it('lets the sample case produce every kind (the decision, or for 撤销案件 and 不予问责 that end instead)', () => {
    for (const kind of enumValues(DOCUMENT_KINDS)) expect(documentKindsFor(sampleDocumentCase(kind))).toContain(kind);
    const noDecisionKinds = ['CASE_WITHDRAWAL_DECISION', 'NO_ACCOUNTABILITY_DECISION'];
    expect(documentKindsFor(sampleDocumentCase())).toEqual(enumValues(DOCUMENT_KINDS).filter((k) => !noDecisionKinds.includes(k)));
  });

  it('numbers each kind with a prefix of its own (a number is unique across kinds)', () => {
    const prefixes = Object.values(DEFAULT_DOCUMENT_NUMBER_PREFIXES);
    expect(new Set(prefixes).size).toBe(prefixes.length);
  });
});

/** A discipline case (a 警告 proposed) whose trial agreed and whose standing committee decided. */
function aDecidedDisciplineCase(trial = aCaseAt('TRIAL')): DrivenCase {
  const opinion = andThen(trial, 'recordTrialOpinion', trial.cast.trialReviewer);
  return andThen(opinion, 'recordCollectiveDecision', opinion.cast.supervisor, aPayload('recordCollectiveDecision', { meetingAt: opinion.at.toISOString() }));
}

/** An accountability inquiry that ended without holding anyone accountable. */
function endedWithout(outcome: 'CASE_WITHDRAWN' | 'NOT_HELD_ACCOUNTABLE'): DrivenCase {
  const c = aCaseAt('INVESTIGATION');
  const payload =
    outcome === 'CASE_WITHDRAWN'
      ? aPayload('proposeNoAccountability')
      : aPayload('proposeNoAccountability', { outcome, grounds: ['REFORM_EXPLORATION'], allegationUntrue: false, reason: '系改革创新中先行先试出现的失误' });
  const proposed = andThen(c, 'proposeNoAccountability', c.cast.caseOfficer, payload);
  return andThen(proposed, 'approve', c.cast.supervisor);
}

/** An accountability inquiry of two persons, each heard, each with their own findings, decided by the committee. */
function aDecidedCaseOfTwo(): DrivenCase {
  const c = aCaseAt('INVESTIGATION');
  const withEvidence = andThen(c, 'addEvidence', c.cast.caseOfficer);
  const added = withStatementsHeard(andThen(withEvidence, 'addPersonConcerned', c.cast.caseOfficer));
  const report = andThen(added, 'submitInvestigationReport', c.cast.caseOfficer, {
    facts: '经审查，宅基地审批积压十四个月未办。',
    findings: [
      { personId: 'P1', responsibilityLevel: 'PRINCIPAL_LEADERSHIP', forms: [{ form: 'ADMONISHMENT' }], leniency: 'NORMAL' },
      { personId: 'P2', responsibilityLevel: 'DIRECT', forms: [{ form: 'CIRCULATED_CRITICISM' }], leniency: 'NORMAL' },
    ],
  });
  const approved = andThen(report, 'approve', c.cast.supervisor);
  return andThen(approved, 'recordCollectiveDecision', c.cast.supervisor, aPayload('recordCollectiveDecision', { meetingAt: approved.at.toISOString() }));
}

describe('document numbers', () => {
  it('writes prefix〔year〕n号 and counts the year in China Standard Time', () => {
    expect(formatDocumentNumber('纪立', 2026, 3)).toBe('纪立〔2026〕3号');
    expect(documentYear(new Date('2026-12-31T16:30:00Z'))).toBe(2027);
    expect(chineseDate('2026-12-04T17:30:00Z')).toBe('2026年12月5日');
  });
});

describe('document data', () => {
  it.each(enumValues(DOCUMENT_KINDS))('gives %s a value for every tag of its built-in template', (kind: DocumentKind) => {
    const data = documentData(kind, sampleDocumentCase(kind), ctx());
    for (const tag of templateTags(kind)) {
      const inList = Object.values(data).some((v) => Array.isArray(v) && v.some((row) => tag in row));
      expect(tag in data || inList).toBe(true);
    }
  });

  it('addresses the filing notice to the official by name, with the number drawn, and no clue text', () => {
    const state = aCaseAt('INVESTIGATION').state;
    const data = documentData('CASE_FILING_NOTICE', state, ctx());
    expect(data).toMatchObject({ subjectName: '张某', documentNumber: '纪立〔2026〕3号', issuedOn: '2026年12月5日', title: '立案告知书' });
    expect(JSON.stringify(data)).not.toContain(state.registration.summary);
  });

  it('carries the decision: facts, forms by name, responsibility and the appeal window of the policy', () => {
    const data = documentData('ACCOUNTABILITY_DECISION', aCaseAt('DECIDED').state, ctx());
    expect(data).toMatchObject({ forms: '诫勉', responsibilityLevel: '直接责任', appealWithin: '1个月', facts: '经审查，宅基地审批积压十四个月未办。' });
  });

  it('says 启动问责调查 or 立案审查调查 by the procedure', () => {
    expect(documentData('CASE_FILING_DECISION', aCaseAt('INVESTIGATION').state, ctx())).toMatchObject({ investigationTerm: '启动问责调查' });
    expect(documentData('CASE_FILING_NOTICE', aCaseAt('TRIAL').state, ctx())).toMatchObject({ investigationTerm: '立案审查调查' });
    expect(documentData('INVESTIGATION_REPORT', aCaseAt('TRIAL').state, ctx())).toMatchObject({ title: '审查调查报告' });
  });

  it("writes a document of one person for the person named, each decision document with that person's forms", () => {
    const c = aDecidedCaseOfTwo();
    expect(documentKindsFor(c.state)).toEqual(expect.arrayContaining(['STATEMENT_RECORD', 'ACCOUNTABILITY_DECISION']));
    expect(documentData('ACCOUNTABILITY_DECISION', c.state, ctx())).toMatchObject({ subjectName: '张某', forms: '诫勉', responsibilityLevel: '主要领导责任' });
    expect(documentData('ACCOUNTABILITY_DECISION', c.state, ctx({ personId: 'P2' }))).toMatchObject({
      subjectName: '李某',
      subjectPosition: '某局分管副局长',
      forms: '通报（个人）',
      responsibilityLevel: '直接责任',
    });
    const report = documentData('INVESTIGATION_REPORT', c.state, ctx());
    expect(report.findings).toEqual([
      expect.objectContaining({ personName: '张某', forms: '诫勉' }),
      expect.objectContaining({ personName: '李某', forms: '通报（个人）' }),
    ]);
    expect(documentData('STATEMENT_RECORD', c.state, ctx({ personId: 'P2' }))).toMatchObject({ subjectName: '李某', personTerm: '被问责人', signature: '本人签字确认' });
  });

  it('refuses a person the case does not concern, and a person named for a document that is nobody’s, naming personId', () => {
    const c = aDecidedCaseOfTwo();
    const refusal = refusalOf(() => documentData('ACCOUNTABILITY_DECISION', c.state, ctx({ personId: 'P9' })));
    expect(refusal.fields).toEqual([{ field: 'personId', message: expect.stringContaining('P1, P2') }]);
    expect(refusalOf(() => documentData('CASE_FILING_NOTICE', c.state, ctx({ personId: 'P1' }))).fields).toEqual([expect.objectContaining({ field: 'personId' })]);
  });

  it('writes the 处分决定书 of a discipline case: the sanction as imposed, after 审理, by the body that decided', () => {
    const data = documentData('SANCTION_DECISION', aDecidedDisciplineCase().state, ctx());
    expect(data).toMatchObject({
      title: '处分决定书',
      subjectName: '张某',
      sanctions: '党内警告处分',
      legalBasis: '《中国共产党纪律处分条例》',
      decidingBodies: '纪委常委会会议',
      trialNote: '经审理，',
    });
    const trial = documentData('TRIAL_REPORT', aDecidedDisciplineCase().state, ctx());
    expect(trial).toMatchObject({ opinion: '同意审查调查部门意见', findings: [expect.objectContaining({ personName: '张某', forms: '纪律处分（警告）' })] });
  });

  it('writes the 撤销案件 and 不予问责 decisions from the conclusion, with its reason and grounds', () => {
    expect(documentData('CASE_WITHDRAWAL_DECISION', endedWithout('CASE_WITHDRAWN').state, ctx())).toMatchObject({
      reason: '经审查，未发现不作为事实，反映失实',
      untrueNote: expect.stringContaining('澄清正名'),
    });
    expect(documentData('NO_ACCOUNTABILITY_DECISION', endedWithout('NOT_HELD_ACCOUNTABLE').state, ctx())).toMatchObject({
      groundsNote: expect.stringContaining('改革创新、探索试验中因缺乏经验、先行先试出现失误'),
      untrueNote: '',
    });
  });

  it('addresses the notice to the reporter as 实名举报人 and tells the result, never who was decided what', () => {
    const data = documentData('REPORTER_NOTICE', sampleDocumentCase(), ctx());
    expect(data).toMatchObject({ addressee: '实名举报人', noticeKind: '处理结果告知', method: '书面告知', notifiedOn: '2026年5月10日' });
    expect(data.noticeText).not.toContain('诫勉');
  });

  it('lists each service of each document in the proof of service', () => {
    const data = documentData('SERVICE_RECEIPT', sampleDocumentCase(), ctx());
    expect(data.services).toEqual([
      expect.objectContaining({ documentTitle: '问责决定', recipient: '示例干部', method: '直接送达' }),
      expect.objectContaining({ documentTitle: '问责决定书', documentNumber: '纪问〔2026〕1号', servedAt: '2026年5月8日' }),
    ]);
  });
});

describe('recording documents on the case', () => {
  const decided = () => aCaseAt('DECIDED');

  it('keeps the number, hash and generator, then each service', () => {
    const c = decided();
    const fileId = '11111111-1111-4111-8111-111111111111';
    const generated = andThen(c, 'recordDocument', c.cast.caseOfficer, aPayload('recordDocument', { kind: 'ACCOUNTABILITY_DECISION', fileId, sha256: 'AB'.repeat(32) }));
    expect(generated.state.documents).toEqual([
      expect.objectContaining({ id: fileId, kind: 'ACCOUNTABILITY_DECISION', sha256: 'ab'.repeat(32), generatedBy: c.cast.caseOfficer.userId, services: [] }),
    ]);
    const served = andThen(generated, 'recordDocumentService', c.cast.caseOfficer, {
      fileId,
      recipient: '张某',
      method: 'LEFT_AT_PREMISES',
      servedAt: generated.at.toISOString(),
    });
    expect(served.state.documents![0].services).toEqual([expect.objectContaining({ recipient: '张某', method: 'LEFT_AT_PREMISES' })]);
    expect(documentKindsFor(served.state)).toContain('SERVICE_RECEIPT');
  });

  it('keeps whom a document of one person is for, and refuses a person it cannot be written for', () => {
    const c = decided();
    const generated = andThen(c, 'recordDocument', c.cast.caseOfficer, aPayload('recordDocument', { kind: 'ACCOUNTABILITY_DECISION', personId: 'P1' }));
    expect(generated.state.documents).toEqual([expect.objectContaining({ kind: 'ACCOUNTABILITY_DECISION', personId: 'P1' })]);
    const unknown = refusalOf(() => andThen(c, 'recordDocument', c.cast.caseOfficer, aPayload('recordDocument', { kind: 'ACCOUNTABILITY_DECISION', personId: 'P7' })));
    expect(unknown.fields).toEqual([expect.objectContaining({ field: 'personId' })]);
    // A document that is not one person's names nobody.
    const notAPersons = refusalOf(() => andThen(c, 'recordDocument', c.cast.caseOfficer, aPayload('recordDocument', { kind: 'INVESTIGATION_REPORT', personId: 'P1' })));
    expect(notAPersons.fields).toEqual([expect.objectContaining({ field: 'personId' })]);
  });

  it('refuses a document for a step the case has not taken', () => {
    const c = aCaseAt('VERIFICATION');
    const refusal = refusalOf(() => andThen(c, 'recordDocument', c.cast.caseOfficer, aPayload('recordDocument', { kind: 'ACCOUNTABILITY_DECISION' })));
    expect(refusal.reason).toBe('DOCUMENT_NOT_APPLICABLE');
  });

  it('refuses the same number twice, and a service of a document the case does not have', () => {
    const c = decided();
    const once = andThen(c, 'recordDocument', c.cast.caseOfficer, aPayload('recordDocument', { kind: 'ACCOUNTABILITY_DECISION' }));
    expect(refusalOf(() => andThen(once, 'recordDocument', c.cast.caseOfficer, aPayload('recordDocument', { kind: 'ACCOUNTABILITY_DECISION' }))).reason).toBe(
      'DOCUMENT_RECORDED',
    );
    expect(refusalOf(() => andThen(once, 'recordDocumentService', c.cast.caseOfficer, aPayload('recordDocumentService'))).code).toBe('INVALID_INPUT');
  });

  it('refuses a case officer who does not handle the case', () => {
    const c = decided();
    const other = { ...c.cast.caseOfficer, userId: '22222222-2222-4222-8222-222222222222' };
    expect(refusalOf(() => andThen(c, 'recordDocument', other, aPayload('recordDocument', { kind: 'ACCOUNTABILITY_DECISION' }))).reason).toBe('NOT_ASSIGNEE');
  });
});
