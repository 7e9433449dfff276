import type { DocumentKind } from '@dandang/contracts';

/** How a line of a built-in template is set: the heading lines, body paragraphs, the signature at the right. */
export type TemplateLineStyle = 'issuer' | 'title' | 'number' | 'body' | 'signature';

export interface TemplateLine {
  text: string;
  style: TemplateLineStyle;
}

const body = (text: string): TemplateLine => ({ text, style: 'body' });
const signature = (text: string): TemplateLine => ({ text, style: 'signature' });
const HEADING: TemplateLine[] = [
  { text: '{issuingBody}', style: 'issuer' },
  { text: '{title}', style: 'title' },
  { text: '{documentNumber}', style: 'number' },
];
const SIGNED: TemplateLine[] = [signature('{issuingBody}'), signature('{issuedOn}')];
const FILED = body('案件编号：{caseNumber}　　承办人：{preparedBy}');

/**
 * The built-in templates' text, with docxtemplater placeholders ({tag}; the paragraphs between {#list} and {/list} repeat per row): the
 * defaults a locality replaces with its own .docx (tools/make-templates.ts writes them out). Every tag is a key of
 * the data `documentData` builds for the kind, so a template using another tag is refused.
 */
export const DOCUMENT_TEMPLATE_TEXTS: Readonly<Record<DocumentKind, TemplateLine[]>> = {
  CLUE_DISPOSITION_APPROVAL: [
    ...HEADING,
    body('线索来源：{channel}　　收到日期：{receivedOn}'),
    body('被反映人：{subjectName}（{subjectUnit}{subjectPosition}）'),
    body('反映问题：{clueTitle}'),
    body('主要内容：{clueSummary}'),
    body('拟处置方式：{disposition}'),
    body('处置理由：{dispositionReason}'),
    body('审批情况：{approvalStatus}'),
    FILED,
  ],
  INQUIRY_LETTER: [
    ...HEADING,
    body('{subjectName}同志：'),
    body(
      '根据《中国共产党纪律检查机关监督执纪工作规则》的有关规定，现就反映你的“{clueTitle}”问题进行函询。请你本着对组织忠诚老实的态度，在收到本函之日起{replyWithin}内，对所反映的问题作出书面说明，由所在单位党组织主要负责人签署意见后报送本机关。',
    ),
    ...SIGNED,
  ],
  VERIFICATION_REPORT: [
    ...HEADING,
    body('关于{subjectUnit}{subjectPosition}{subjectName}同志有关问题的初步核实情况'),
    body('一、反映的问题：{clueTitle}。{clueSummary}'),
    body('二、核实情况：{verificationSummary}'),
    body('三、初核结论：{finding}'),
    body('审批情况：{approvalStatus}'),
    FILED,
  ],
  CASE_FILING_DECISION: [
    ...HEADING,
    body(
      '经初步核实，{subjectUnit}{subjectPosition}{subjectName}涉嫌“{clueTitle}”的问题，需要追究责任。根据{filingBasis}等有关规定，经研究，决定对{subjectName}{investigationTerm}。',
    ),
    ...SIGNED,
  ],
  CASE_FILING_NOTICE: [
    ...HEADING,
    body('{subjectName}同志：'),
    body(
      '经研究，本机关决定对你涉嫌“{clueTitle}”的问题{investigationTerm}。调查期间，你应当如实说明情况、配合调查，不得干扰、阻碍调查工作；你享有陈述和申辩的权利。',
    ),
    body('特此告知。'),
    ...SIGNED,
  ],
  STATEMENT_RECORD: [
    ...HEADING,
    body('{personTerm}：{subjectName}，{subjectUnit}{subjectPosition}。'),
    body('{presentedOn}，本机关将就“{clueTitle}”问题认定的事实材料与{subjectName}见面，告知其享有陈述和申辩的权利。'),
    body('陈述申辩时间：{answeredOn}'),
    body('陈述申辩内容：{statement}'),
    body('采纳情况：{adopted}'),
    body('签字情况：{signature}'),
    FILED,
  ],
  INVESTIGATION_REPORT: [
    ...HEADING,
    body('一、基本情况：{subjectName}，{subjectUnit}{subjectPosition}。'),
    body('二、认定的事实：{facts}'),
    body('三、主要证据（共{evidenceCount}项）：'),
    body('{#evidence}'),
    body('{seq}．{kind}：{description}'),
    body('{/evidence}'),
    body('四、责任认定及处理意见：'),
    body('{#findings}'),
    body('{personName}：{responsibilityLevel}；情节：{leniency}；处理意见：{forms}。'),
    body('{/findings}'),
    body('审批情况：{approvalStatus}'),
    FILED,
  ],
  TRIAL_REPORT: [
    ...HEADING,
    body('审理对象：{personNames}。'),
    body('受理审理日期：{acceptedOn}　　审理意见日期：{concludedOn}'),
    body('一、调查认定的事实：{facts}'),
    body('二、审理意见：{opinion}。{reason}'),
    body('三、对各被审查调查人的处理意见：'),
    body('{#findings}'),
    body('{personName}：{responsibilityLevel}；情节：{leniency}；处理意见：{forms}。'),
    body('{/findings}'),
    FILED,
  ],
  ACCOUNTABILITY_DECISION: [
    ...HEADING,
    body('{subjectName}，{subjectUnit}{subjectPosition}。'),
    body('经查，{facts}'),
    body(
      '{subjectName}对上述问题负有{responsibilityLevel}。{toleranceNote}根据《中国共产党问责条例》第八条等有关规定，经集体研究，决定给予{subjectName}{forms}。',
    ),
    body('如对本决定不服，可以自收到本决定书之日起{appealWithin}内向本机关提出书面申诉。申诉期间，不停止本决定的执行。'),
    signature('{issuingBody}'),
    signature('{decidedOn}'),
  ],
  SANCTION_DECISION: [
    ...HEADING,
    body('{subjectName}，{subjectUnit}{subjectPosition}。'),
    body('经查，{facts}'),
    body('{trialNote}{subjectName}对上述问题负有{responsibilityLevel}，情节：{leniency}。依据{legalBasis}等有关规定，经{decidingBodies}研究决定，给予{subjectName}{sanctions}。'),
    body('如对本决定不服，可以自收到本决定书之日起{appealWithin}内向本机关提出书面申诉（申请复审、复核）。申诉期间，不停止本决定的执行。'),
    signature('{issuingBody}'),
    signature('{decidedOn}'),
  ],
  CASE_WITHDRAWAL_DECISION: [
    ...HEADING,
    body('{subjectName}，{subjectUnit}{subjectPosition}。'),
    body('本机关对{subjectName}涉嫌“{clueTitle}”的问题{investigationTerm}。经调查，{reason}'),
    body('根据《中国共产党纪律检查机关监督执纪工作规则》等有关规定，经研究，决定撤销该案。{untrueNote}'),
    signature('{issuingBody}'),
    signature('{decidedOn}'),
  ],
  NO_ACCOUNTABILITY_DECISION: [
    ...HEADING,
    body('{subjectName}，{subjectUnit}{subjectPosition}。'),
    body('本机关对{subjectName}“{clueTitle}”的问题进行了问责调查。经调查，{reason}'),
    body('{groundsNote}根据《中国共产党问责条例》第十七条等有关规定，经研究，决定对{subjectName}不予问责。{untrueNote}'),
    signature('{issuingBody}'),
    signature('{decidedOn}'),
  ],
  SERVICE_RECEIPT: [
    ...HEADING,
    body('{#services}'),
    body('送达文书：{documentTitle}（{documentNumber}）；受送达人：{recipient}；送达方式：{method}；送达时间：{servedAt}；备注：{note}'),
    body('{/services}'),
    body('受送达人签收：　　　　　　　　送达人：{preparedBy}'),
    ...SIGNED,
  ],
  FAULT_TOLERANCE_DETERMINATION: [
    ...HEADING,
    body('{subjectName}，{subjectUnit}{subjectPosition}。'),
    body('{applicant}于{appliedOn}就{subjectName}在工作中出现的失误错误提出容错申请。'),
    body('本机关按照“三个区分开来”的要求，经核实、集体认定，认定结果为：{outcome}{mitigation}。认定日期：{determinedOn}。'),
    body('容错不等于免于纠错，应当按照纠错整改要求认真整改。'),
    ...SIGNED,
  ],
  NAME_CLEARING: [
    ...HEADING,
    body('经初步核实，反映{subjectUnit}{subjectPosition}{subjectName}同志“{clueTitle}”的问题，属于反映不实。{verificationSummary}'),
    body('为保护干部干事创业的积极性，经研究，予以澄清正名。澄清方式：{methods}。{harmedNote}'),
    body('澄清情况：{clearingNote}　　完成时间：{completedOn}'),
    ...SIGNED,
  ],
  APPEAL_REVIEW_DECISION: [
    ...HEADING,
    body('申诉人：{subjectName}，{subjectUnit}{subjectPosition}。'),
    body('申诉人对本机关作出的问责决定不服，于{filedOn}提出申诉。申诉理由：{grounds}'),
    body('经复查，{appealReason}'),
    body('复查决定：{outcome}。{variedForms}'),
    body('本复查决定自送达之日起生效。'),
    signature('{issuingBody}'),
    signature('{decidedOn}'),
  ],
  // Addressed to 实名举报人, never by name: the case holds no reporter identity, and a document never carries it.
  REPORTER_NOTICE: [
    ...HEADING,
    body('{addressee}：'),
    body('你于{receivedOn}反映的“{clueTitle}”问题，{noticeText}{objectionNote}'),
    body('告知事项：{noticeKind}　　告知方式：{method}　　告知日期：{notifiedOn}'),
    body('特此告知。'),
    ...SIGNED,
  ],
};

const TAG = /\{[#/]?([A-Za-z][A-Za-z0-9]*)\}/g;

/** The placeholders a built-in template uses (list names and the fields inside a list alike). */
export function templateTags(kind: DocumentKind): string[] {
  const tags = new Set<string>();
  for (const line of DOCUMENT_TEMPLATE_TEXTS[kind]) for (const m of line.text.matchAll(TAG)) tags.add(m[1]);
  return [...tags];
}
