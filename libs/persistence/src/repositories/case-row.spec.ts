import type { CaseDocument, EvidenceItem } from '@dandang/contracts';
import { aCaseState } from '@dandang/testing/factories';
import { attachedSearchText } from './case-row';

const anItem = (description: string): EvidenceItem => ({ seq: 1, kind: 'DOCUMENT', description, addedBy: 'u', addedAt: '2026-03-02T01:00:00.000Z' });
const aDocument = (overrides: Partial<CaseDocument>): CaseDocument => ({
  id: 'd',
  kind: 'ACCOUNTABILITY_DECISION',
  number: '纪问〔2026〕3号',
  sha256: 'ab'.repeat(32),
  templateVersion: 0,
  generatedBy: 'u',
  generatedByName: '李强',
  generatedAt: '2026-03-02T01:00:00.000Z',
  services: [],
  ...overrides,
});

describe('attachedSearchText (the searched text of what is attached to a case)', () => {
  it('holds the evidence descriptions and each document’s title and number (文号)', () => {
    const text = attachedSearchText(aCaseState({ evidence: [anItem('银行流水转账记录')], documents: [aDocument({}), aDocument({ kind: 'CASE_FILING_NOTICE', number: '纪立〔2026〕7号' })] }));
    for (const words of ['银行流水转账记录', '问责决定书', '纪问〔2026〕3号', '立案告知书', '纪立〔2026〕7号']) expect(text).toContain(words);
  });

  it('is empty for a case with nothing attached', () => {
    expect(attachedSearchText(aCaseState({ evidence: [], documents: undefined }))).toBe('');
  });
});
