import { DOCUMENT_KINDS, enumValues, type DocumentKind } from '@dandang/contracts';
import { aCaseAt, aPayload, andThen, refusalOf } from '@dandang/testing/factories';
import { documentData, type DocumentContext } from './document-data';
import { chineseDate, documentKindsFor, documentYear, formatDocumentNumber } from './document-kinds';
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

  it('lets the sample case produce every kind', () => {
    expect(documentKindsFor(sampleDocumentCase())).toEqual(enumValues(DOCUMENT_KINDS));
  });
});

describe('document numbers', () => {
  it('writes prefix〔year〕n号 and counts the year in China Standard Time', () => {
    expect(formatDocumentNumber('纪立', 2026, 3)).toBe('纪立〔2026〕3号');
    expect(documentYear(new Date('2026-12-31T16:30:00Z'))).toBe(2027);
    expect(chineseDate('2026-12-04T17:30:00Z')).toBe('2026年12月5日');
  });
});

describe('document data', () => {
  it.each(enumValues(DOCUMENT_KINDS))('gives %s a value for every tag of its built-in template', (kind: DocumentKind) => {
    const data = documentData(kind, sampleDocumentCase(), ctx());
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
