import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOCUMENT_KINDS, enumValues, type DocumentKind } from '@dandang/contracts';
import { DomainError, documentData, sampleDocumentCase, type DocumentContext } from '@dandang/domain';
import { builtinTemplate, docxOfLines } from './builtin-template';
import { docxText, renderDocx } from './render-docx';

const ctx: DocumentContext = {
  number: '纪立〔2026〕7号',
  issuedAt: new Date('2026-12-04T03:00:00Z'),
  issuingBody: '中共某县纪律检查委员会',
  subjectUnit: '某县自然资源局',
  preparedBy: '李承办',
};

/** What the text of each kind must say of the sample case, beyond the heading every document has. */
const EXPECTED: Record<DocumentKind, string[]> = {
  CLUE_DISPOSITION_APPROVAL: ['线索来源：社会监督', '反映问题：示例：宅基地审批长期搁置', '拟处置方式：谈话函询', '审批情况：已批准'],
  INQUIRY_LETTER: ['示例干部同志：', '在收到本函之日起15个工作日内'],
  VERIFICATION_REPORT: ['核实情况：示例：初核查明存在不作为问题', '初核结论：拟启动问责调查'],
  CASE_FILING_DECISION: ['根据《中国共产党问责条例》', '决定对示例干部启动问责调查'],
  CASE_FILING_NOTICE: ['示例干部同志：', '本机关决定对你涉嫌“示例：宅基地审批长期搁置”的问题启动问责调查'],
  STATEMENT_RECORD: ['被问责人：示例干部', '2026年4月2日，本机关将就“示例：宅基地审批长期搁置”问题认定的事实材料与示例干部见面', '陈述申辩内容：示例：对事实无异议', '采纳情况：示例：主动说明情况，予以采纳', '签字情况：本人签字确认'],
  INVESTIGATION_REPORT: [
    '问责调查报告',
    '认定的事实：示例：宅基地审批积压十四个月未办。',
    '1．书证：示例：审批台账',
    '示例干部：直接责任；情节：从轻；处理意见：诫勉。',
    '示例副局长：重要领导责任；情节：一般；处理意见：纪律处分（警告）。',
  ],
  TRIAL_REPORT: ['审理对象：示例干部、示例副局长。', '审理意见：同意审查调查部门意见。示例：事实清楚', '示例副局长：重要领导责任；情节：一般；处理意见：纪律处分（警告）。'],
  ACCOUNTABILITY_DECISION: ['负有直接责任', '经容错纠错认定，予以从轻处理。', '决定给予示例干部诫勉', '1个月内', '2026年5月6日'],
  SANCTION_DECISION: ['示例副局长，', '经审理，示例副局长对上述问题负有重要领导责任', '依据《中国共产党纪律处分条例》', '经纪委常委会会议研究决定，给予示例副局长党内警告处分。'],
  CASE_WITHDRAWAL_DECISION: ['对示例干部涉嫌“示例：宅基地审批长期搁置”的问题启动问责调查。经调查，示例：现有证据不足以认定其负有责任。', '决定撤销该案。'],
  NO_ACCOUNTABILITY_DECISION: ['鉴于示例干部具有改革创新、探索试验中因缺乏经验、先行先试出现失误的情形', '决定对示例干部不予问责。'],
  SERVICE_RECEIPT: ['送达文书：问责决定（纪问〔2026〕1号）；受送达人：示例干部；送达方式：直接送达；送达时间：2026年5月8日', '送达文书：问责决定书（纪问〔2026〕1号）'],
  FAULT_TOLERANCE_DETERMINATION: ['本人申请于2026年4月10日', '认定结果为：减责（从轻）'],
  NAME_CLEARING: ['属于反映不实', '澄清方式：书面澄清、会议澄清', '完成时间：2026年6月5日'],
  APPEAL_REVIEW_DECISION: ['申诉理由：示例：事实认定有误', '复查决定：维持原问责决定'],
  REPORTER_NOTICE: ['实名举报人：', '你于2026年3月1日反映的“示例：宅基地审批长期搁置”问题，经调查核实，本机关已依规依纪依法对有关人员作出问责决定。', '告知事项：处理结果告知'],
};

describe('document templates', () => {
  it.each(enumValues(DOCUMENT_KINDS))('renders the built-in %s with the case, every placeholder filled', (kind) => {
    const text = docxText(renderDocx(builtinTemplate(kind), documentData(kind, sampleDocumentCase(kind), ctx)));
    expect(text).toContain('中共某县纪律检查委员会');
    expect(text).toContain(DOCUMENT_KINDS[kind].zh);
    expect(text).toContain('纪立〔2026〕7号');
    // The official concerned by name, but never in a notice to the reporter (which names nobody).
    if (kind === 'REPORTER_NOTICE') expect(text).not.toContain('示例干部');
    else expect(text).toContain(kind === 'SANCTION_DECISION' ? '示例副局长' : '示例干部');
    for (const expected of EXPECTED[kind]) expect(text).toContain(expected);
    expect(text).not.toMatch(/[{}]|undefined/);
  });

  it.each(enumValues(DOCUMENT_KINDS))('ships %s as committed (tools/make-templates.ts)', (kind) => {
    const committed = readFileSync(join(__dirname, '../../../assets/document-templates', `${kind}.docx`));
    expect(committed.equals(builtinTemplate(kind))).toBe(true);
  });

  it('refuses a template naming a tag the kind does not carry, naming it', () => {
    const template = docxOfLines([{ text: '{subjectName}，举报人：{reporterName}', style: 'body' }]);
    const refusal = (() => {
      try {
        renderDocx(template, documentData('CASE_FILING_NOTICE', sampleDocumentCase(), ctx));
      } catch (e) {
        return e as DomainError;
      }
      throw new Error('rendered');
    })();
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal.fields).toEqual([{ field: 'file', message: expect.stringContaining('{reporterName}') }]);
  });

  it('refuses a template whose tags do not parse, naming the tag, and a file that is no .docx', () => {
    const data = documentData('CASE_FILING_NOTICE', sampleDocumentCase(), ctx);
    const unclosed = docxOfLines([{ text: '{subjectName 同志', style: 'body' }]);
    expect(() => renderDocx(unclosed, data)).toThrow(expect.objectContaining({ fields: [expect.objectContaining({ message: expect.stringContaining('subjectName') })] }));
    expect(() => renderDocx(Buffer.from('not a zip'), data)).toThrow(expect.objectContaining({ code: 'INVALID_INPUT' }));
  });
});
