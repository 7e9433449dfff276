import { text, oneOf, SHORT_TEXT, type FieldSpec } from './action-fields';
import {
  CLUE_DISPOSITIONS,
  EVIDENCE_KINDS,
  INQUIRY_OUTCOMES,
  LENIENCY_GROUNDS,
  LENIENCY_LEVELS,
  NO_ACCOUNTABILITY_OUTCOMES,
  SHELVED_REVIEW_DECISIONS,
  LIGHT_MEASURES,
  RESPONSIBILITY_LEVELS,
  SERVICE_METHODS,
  VERIFICATION_FINDINGS,
  enumValues,
  type AccountabilityFormChoice,
  type ClueDisposition,
  type EvidenceKind,
  type InquiryOutcome,
  type LeniencyGround,
  type LeniencyLevel,
  type NoAccountabilityOutcome,
  type ShelvedReviewDecision,
  type LightMeasure,
  type ResponsibilityLevel,
  type ServiceMethod,
  type VerificationFinding,
} from './enums';
import type { Label } from './labels';
import {
  DECISION_BODIES,
  PERSON_KINDS,
  STATEMENT_SIGNATURES,
  TRIAL_OPINIONS,
  type CollectiveVote,
  type DecisionBody,
  type PersonFinding,
  type PersonKind,
  type StatementSignature,
  type TrialOpinion,
} from './procedure';
import {
  APPEAL_OUTCOMES,
  CLARIFICATION_METHODS,
  CORRECTION_GROUNDS,
  DECISION_CORRECTIONS,
  type AppealOutcome,
  type ClarificationMethod,
  type CorrectionGround,
  type DecisionCorrection,
} from './aftercare';
import type { CorrectionSeverity } from './fault-tolerance';
import { REPORTER_NOTICES, REPORTER_NOTICE_METHODS, type ReporterNoticeKind, type ReporterNoticeMethod } from './reporter-identity';
import { DOCUMENT_KINDS, DOCUMENT_SERVICE_METHODS, type DocumentKind, type DocumentServiceMethod } from './documents';

/** One item of a correction plan as an officer enters it. */
export interface CorrectionItemInput {
  /** The user who carries the item out. */
  owner: string;
  action: string;
  severity: CorrectionSeverity;
  /** Defaults to the policy's due days for the severity (30/60/90). */
  dueDate?: string;
}

/** Payload of each officer action, by action name. */
export interface ActionPayloads {
  acceptClue: { assigneeId?: string; note?: string };
  transferClue: { toBody: string; reason: string };
  declareConflict: { reason: string };
  proposeDisposition: { disposition: ClueDisposition; reason: string };
  /** Retired: an inquiry's conclusion is proposed and approved (proposeInquiryConclusion); kept for running cases. */
  recordInquiryOutcome: { outcome: InquiryOutcome; measure?: LightMeasure; reason: string };
  /** 谈话: the talk of this inquiry round was held. */
  recordInquiryTalk: { heldAt: string; note: string };
  /** 函询: the letter of this round went out. */
  sendInquiryLetter: { sentAt: string };
  /** The official received the letter: the written reply is due within the policy's limit (15 WD) of this day. */
  recordInquiryLetterReceipt: { receivedAt: string };
  /** The written reply came in (countersigned by the head of the official's party organisation). */
  recordInquiryReply: { receivedAt: string; summary: string };
  /** The round's conclusion, proposed for approval. */
  proposeInquiryConclusion: { outcome: InquiryOutcome; measure?: LightMeasure; reason: string };
  submitVerificationReport: { finding: VerificationFinding; summary: string };
  addEvidence: { kind: EvidenceKind; description: string; sha256?: string };
  /**
   * A stored evidence file (POST /cases/:id/evidence only: the file's facts are the server's, never typed).
   * `supersedes`: the file id of the evidence it corrects.
   */
  attachEvidence: { fileId: string; kind: EvidenceKind; description: string; name: string; mediaType: string; size: number; sha256: string; supersedes?: string };
  /** Another person or organisation the case concerns (a leading group, its principal leader, members in charge). */
  addPersonConcerned: { kind: PersonKind; name: string; position: string; orgUnitId: string; userId?: string; publicOfficial?: boolean; reason: string };
  /** 事实材料见面: the facts found were shown to the person, whose statement and defence (陈述申辩) is then due. */
  presentFactMaterials: { personId: string; presentedAt: string };
  /** 陈述申辩: what the person said, signed or with their refusal to sign noted, and what of it was adopted. */
  recordStatement: { personId: string; receivedAt: string; summary: string; signature: StatementSignature; adopted?: string };
  /** 审理 accepted by a trial officer (案件审理室) who took no part in the investigation. */
  acceptForTrial: { note?: string };
  /** 审理意见: agree, propose other handling (with each person's findings), or return for further investigation. */
  recordTrialOpinion: { opinion: TrialOpinion; findings?: PersonFinding[]; reason: string };
  /**
   * A collective body's meeting on the case (集体研究决定): its members, the votes and dissent; `findings` when the
   * meeting decided otherwise than proposed.
   */
  recordCollectiveDecision: {
    body: DecisionBody;
    meetingAt: string;
    memberCount: number;
    votes: CollectiveVote[];
    minutes: string;
    findings?: PersonFinding[];
  };
  /** 宣布: the discipline decision announced to the person and their party organisation. */
  announceDecision: { announcedAt: string; to: string };
  /** The formalities of a person's organisational measure or heavy sanction (post, pay) completed. */
  recordMeasureExecution: { personId: string; completedAt: string; note: string };
  /**
   * The investigation report. A case with several persons concerned gives each one's findings; with one, either its
   * finding or the single fields (responsibilityLevel, forms, leniency, grounds), which a case without a procedure
   * always uses.
   */
  submitInvestigationReport: {
    facts: string;
    responsibilityLevel?: ResponsibilityLevel;
    forms?: AccountabilityFormChoice[];
    leniency?: LeniencyLevel;
    /** The grounds of a leniency other than NORMAL (问责条例 arts. 17–19); required of new reports. */
    grounds?: LeniencyGround[];
    findings?: PersonFinding[];
  };
  /**
   * 撤销案件 / 不予问责: the investigation holds nobody accountable. `grounds` (art. 17) for NOT_HELD_ACCOUNTABLE;
   * `allegationUntrue` makes a name clearing (澄清正名) due.
   */
  proposeNoAccountability: { outcome: NoAccountabilityOutcome; grounds?: LeniencyGround[]; allegationUntrue: boolean; reason: string };
  /** 暂存待查 review: keep the clue shelved for another period, reopen it for disposition, or close it. */
  reviewShelvedClue: { decision: ShelvedReviewDecision; reason: string };
  /**
   * `forms`: when a fault-tolerance MITIGATION applies, the lighter forms the supervisor approves instead.
   * `investigationTeam`: approving a case filing, the officers who investigate with the assigned one (at least one).
   */
  approve: { comment?: string; forms?: AccountabilityFormChoice[]; investigationTeam?: string[] };
  return: { reason: string };
  serveDecision: { servedAt: string; method: ServiceMethod };
  reassign: { toUserId: string; reason: string };
  linkSubjectAccount: { userId: string; reason: string };
  requestExtension: { amount: number; reason: string };
  requestSuspension: { reason: string };
  resumeClock: { reason: string };
  applyFaultTolerance: { reasons: string; evidence?: string };
  openCorrectionPlan: { items: CorrectionItemInput[] };
  recordCorrectionProgress: { itemId: string; note: string };
  completeCorrectionItem: { itemId: string; evidence: string };
  verifyCorrectionItem: { itemId: string };
  fileAppeal: { grounds: string };
  /**
   * A written appeal received on paper, recorded by staff for an official who has no account (or wrote instead);
   * `personId` names which person concerned appeals their decision (the registered subject, P1, when absent).
   */
  recordPaperAppeal: { grounds: string; receivedAt: string; personId?: string };
  /** The deciding body's decision on the appeal of `personId` (P1 when absent). */
  decideAppeal: { outcome: AppealOutcome; forms?: AccountabilityFormChoice[]; reason: string; personId?: string };
  /** 问责条例 art. 9: a supervisor of the upper level orders the body to start accountability on a clue it has not. */
  orderAccountabilityStart: { reason: string };
  /** 问责条例 art. 9: the upper level designates another body (a unit of its own) to start accountability on the clue. */
  designateAccountabilityBody: { orgUnitId: string; reason: string };
  /** 问责条例 art. 21: a supervisor of the upper level orders the deciding body to correct improper accountability. */
  orderDecisionCorrection: { grounds: CorrectionGround[]; reason: string };
  /** The deciding body corrects the decision as ordered: lighter forms (VARIED) or none (REVOKED). */
  correctDecision: { outcome: DecisionCorrection; forms?: AccountabilityFormChoice[]; reason: string };
  recordNameClearing: { harmed: boolean; methods: ClarificationMethod[]; completedAt: string; note: string };
  recordFollowUpVisit: { visitId: string; findings: string };
  /** 免责通报: the exemption made known, when and to whom (the scope the body chose). */
  recordExemptionNotice: { notifiedAt: string; scope: string; note: string };
  /**
   * The intake officer told the real-name reporter of the acceptance or the result (how, when; never who), with the
   * reporter's objection to the result when they raised one.
   */
  recordReporterNotice: { notice: ReporterNoticeKind; method: ReporterNoticeMethod; notifiedAt: string; note: string; objection?: string };
  /** 申请查看举报人信息: an intake officer asks a custodian to see a real-name reporter's identity. */
  requestReporterIdentity: { reason: string };
  /** `seq`: the request decided (`ReporterRevealRequest.seq`). */
  approveReporterIdentity: { seq: number; reason: string };
  refuseReporterIdentity: { seq: number; reason: string };
  /** 文书: a document generated by the API (documents routes only): its number, the stored file and its hash. */
  /** `personId`: the person a document of one person (笔录, 决定书) is for. */
  recordDocument: { kind: DocumentKind; number: string; sha256: string; fileId: string; templateVersion: number; personId?: string };
  /** 送达: who received a generated document, when and how (documents routes only). */
  recordDocumentService: { fileId: string; recipient: string; method: DocumentServiceMethod; servedAt: string; note?: string };
}
export type ActionName = keyof ActionPayloads;

export interface ActionSpec {
  label: Label;
  /** Field specs of the payload; unknown fields are refused. */
  fields: Record<string, FieldSpec>;
  /** Asks the web application for a confirmation first. */
  irreversible: boolean;
  /**
   * Fields the payload may carry only in some situations, refused in the others by the domain (approve's `forms`
   * when a fault-tolerance mitigation applies). Kept apart from `fields`, which every form shows.
   */
  conditionalFields?: Record<string, FieldSpec>;
}

const itemId = () => text({ zh: '整改事项编号', en: 'Item' }, true, SHORT_TEXT);
const reason = (required = true) => text({ zh: '理由', en: 'Reason' }, required);
const person = (): FieldSpec => ({ type: 'person', label: { zh: '对象', en: 'Person concerned' }, required: true });
const findings = (required: boolean, label: Label = { zh: '对各对象的处理意见', en: 'Findings for each person' }): FieldSpec => ({
  type: 'personFindings',
  label,
  required,
});
const revealSeq = (): FieldSpec => ({ type: 'integer', label: { zh: '申请序号', en: 'Request no.' }, required: true, min: 1, max: 10_000 });

export const ACTION_SPECS: Record<ActionName, ActionSpec> = {
  acceptClue: {
    label: { zh: '受理线索', en: 'Accept clue' },
    fields: {
      assigneeId: { type: 'uuid', label: { zh: '承办人', en: 'Assignee' }, required: false },
      note: text({ zh: '备注', en: 'Note' }, false),
    },
    irreversible: false,
  },
  transferClue: {
    label: { zh: '转送线索', en: 'Transfer clue' },
    fields: { toBody: text({ zh: '转送机关', en: 'Receiving body' }, true, SHORT_TEXT), reason: reason() },
    irreversible: true,
  },
  declareConflict: {
    label: { zh: '申请回避', en: 'Declare a conflict of interest' },
    fields: { reason: reason() },
    irreversible: true,
  },
  proposeDisposition: {
    label: { zh: '提出处置意见', en: 'Propose disposition' },
    fields: {
      disposition: oneOf({ zh: '处置方式', en: 'Disposition' }, enumValues(CLUE_DISPOSITIONS)),
      reason: reason(),
    },
    irreversible: false,
  },
  recordInquiryOutcome: {
    label: { zh: '登记函询结果', en: 'Record inquiry outcome' },
    fields: {
      outcome: oneOf({ zh: '函询结果', en: 'Outcome' }, enumValues(INQUIRY_OUTCOMES)),
      measure: oneOf({ zh: '处理措施', en: 'Measure' }, enumValues(LIGHT_MEASURES), false),
      reason: reason(),
    },
    irreversible: true,
  },
  recordInquiryTalk: {
    label: { zh: '登记谈话情况', en: 'Record the inquiry talk' },
    fields: {
      heldAt: { type: 'datetime', label: { zh: '谈话时间', en: 'Held at' }, required: true },
      note: text({ zh: '谈话情况（谈话人、地点、本人说明）', en: "Note (who talked, where, the official's explanation)" }),
    },
    irreversible: false,
  },
  sendInquiryLetter: {
    label: { zh: '发出函询函', en: 'Send the inquiry letter' },
    fields: { sentAt: { type: 'datetime', label: { zh: '发函时间', en: 'Sent at' }, required: true } },
    irreversible: false,
  },
  recordInquiryLetterReceipt: {
    label: { zh: '登记函询函送达', en: 'Record the letter received' },
    fields: { receivedAt: { type: 'datetime', label: { zh: '本人收函时间', en: 'Received by the official at' }, required: true } },
    irreversible: false,
  },
  recordInquiryReply: {
    label: { zh: '登记书面回复', en: 'Record the written reply' },
    fields: {
      receivedAt: { type: 'datetime', label: { zh: '收到回复时间', en: 'Reply received at' }, required: true },
      summary: text({ zh: '回复内容摘要', en: 'Summary of the reply' }),
    },
    irreversible: false,
  },
  proposeInquiryConclusion: {
    label: { zh: '提出谈话函询了结意见', en: 'Propose the inquiry conclusion' },
    fields: {
      outcome: oneOf({ zh: '了结意见', en: 'Outcome' }, enumValues(INQUIRY_OUTCOMES).filter((o) => o !== 'REPEAT_OR_VERIFY')),
      measure: oneOf({ zh: '处理措施', en: 'Measure' }, enumValues(LIGHT_MEASURES), false),
      reason: reason(),
    },
    irreversible: false,
  },
  submitVerificationReport: {
    label: { zh: '提交初核报告', en: 'Submit verification report' },
    fields: {
      finding: oneOf({ zh: '初核结论', en: 'Finding' }, enumValues(VERIFICATION_FINDINGS)),
      summary: text({ zh: '报告摘要', en: 'Summary' }),
    },
    irreversible: false,
  },
  addEvidence: {
    label: { zh: '添加证据', en: 'Add evidence' },
    fields: {
      kind: oneOf({ zh: '证据种类', en: 'Kind' }, enumValues(EVIDENCE_KINDS)),
      description: text({ zh: '证据说明', en: 'Description' }),
      sha256: { type: 'sha256', label: { zh: '文件摘要', en: 'SHA-256' }, required: false },
    },
    irreversible: false,
  },
  attachEvidence: {
    label: { zh: '上传证据文件', en: 'Upload evidence files' },
    fields: {
      fileId: { type: 'uuid', label: { zh: '文件', en: 'File' }, required: true },
      kind: oneOf({ zh: '证据种类', en: 'Kind' }, enumValues(EVIDENCE_KINDS)),
      description: text({ zh: '证据说明', en: 'Description' }),
      name: text({ zh: '文件名', en: 'File name' }, true, SHORT_TEXT),
      mediaType: text({ zh: '文件类型', en: 'Type' }, true, SHORT_TEXT),
      size: { type: 'integer', label: { zh: '大小（字节）', en: 'Size (bytes)' }, required: true, min: 1, max: Number.MAX_SAFE_INTEGER },
      sha256: { type: 'sha256', label: { zh: '文件摘要', en: 'SHA-256' }, required: true },
      supersedes: { type: 'uuid', label: { zh: '更正的证据', en: 'Corrects' }, required: false },
    },
    irreversible: false,
  },
  submitInvestigationReport: {
    label: { zh: '提交调查报告', en: 'Submit investigation report' },
    fields: {
      facts: text({ zh: '认定事实', en: 'Facts' }),
      // Required of a case without a procedure, or with one person and no findings (the domain says which).
      responsibilityLevel: oneOf({ zh: '责任类型', en: 'Responsibility level' }, enumValues(RESPONSIBILITY_LEVELS), false),
      forms: { type: 'accountabilityForms', label: { zh: '处理方式', en: 'Forms' }, required: false },
      leniency: oneOf({ zh: '从轻从重情节', en: 'Leniency' }, enumValues(LENIENCY_LEVELS), false),
      grounds: { type: 'enumList', label: { zh: '从轻从重或免予问责的依据', en: 'Grounds of the leniency' }, required: false, values: enumValues(LENIENCY_GROUNDS) },
      findings: findings(false),
    },
    irreversible: false,
  },
  addPersonConcerned: {
    label: { zh: '增加被调查对象', en: 'Add a person or organisation concerned' },
    fields: {
      kind: oneOf({ zh: '对象类别', en: 'Kind' }, enumValues(PERSON_KINDS)),
      name: text({ zh: '姓名或组织名称', en: 'Name' }, true, SHORT_TEXT),
      position: text({ zh: '职务', en: 'Position' }, true, SHORT_TEXT),
      orgUnitId: { type: 'uuid', label: { zh: '所在单位', en: 'Unit' }, required: true },
      userId: { type: 'uuid', label: { zh: '本人账号', en: 'Their user account' }, required: false },
      publicOfficial: { type: 'boolean', label: { zh: '是否公职人员（可给予政务处分）', en: 'A public official (government sanctions apply)' }, required: false },
      reason: reason(),
    },
    irreversible: false,
  },
  presentFactMaterials: {
    label: { zh: '事实材料与本人见面', en: 'Show the facts to the person' },
    fields: {
      personId: person(),
      presentedAt: { type: 'datetime', label: { zh: '见面时间', en: 'Shown at' }, required: true },
    },
    irreversible: false,
  },
  recordStatement: {
    label: { zh: '登记陈述申辩', en: 'Record the statement and defence' },
    fields: {
      personId: person(),
      receivedAt: { type: 'datetime', label: { zh: '陈述申辩时间', en: 'Received at' }, required: true },
      summary: text({ zh: '陈述申辩内容（无异议的注明）', en: 'What they said (or "no objection")' }),
      signature: oneOf({ zh: '签字情况', en: 'Signature' }, enumValues(STATEMENT_SIGNATURES)),
      adopted: text({ zh: '采纳情况', en: 'What was adopted' }, false),
    },
    irreversible: false,
  },
  acceptForTrial: {
    label: { zh: '受理审理', en: 'Accept the case for trial review' },
    fields: { note: text({ zh: '备注', en: 'Note' }, false) },
    irreversible: false,
  },
  recordTrialOpinion: {
    label: { zh: '提出审理意见', en: 'Record the trial opinion' },
    fields: {
      opinion: oneOf({ zh: '审理意见', en: 'Opinion' }, enumValues(TRIAL_OPINIONS)),
      findings: findings(false),
      reason: reason(),
    },
    irreversible: true,
  },
  recordCollectiveDecision: {
    label: { zh: '登记集体研究决定', en: 'Record the collective decision' },
    fields: {
      body: oneOf({ zh: '决定机关（会议）', en: 'Deciding body' }, enumValues(DECISION_BODIES)),
      meetingAt: { type: 'datetime', label: { zh: '会议时间', en: 'Meeting held at' }, required: true },
      memberCount: { type: 'integer', label: { zh: '应到会人数', en: 'Members of the body' }, required: true, min: 1, max: 200 },
      votes: { type: 'collectiveVotes', label: { zh: '表决情况', en: 'Votes' }, required: true },
      minutes: text({ zh: '会议纪要', en: 'Minutes' }),
      findings: findings(false, { zh: '会议决定的处理（与拟处理意见不同时填写）', en: 'What the meeting decided (when other than proposed)' }),
    },
    irreversible: true,
  },
  announceDecision: {
    label: { zh: '宣布处分决定', en: 'Announce the decision' },
    fields: {
      announcedAt: { type: 'datetime', label: { zh: '宣布时间', en: 'Announced at' }, required: true },
      to: text({ zh: '宣布范围（本人及所在党组织）', en: 'To whom (the person and their party organisation)' }, true, SHORT_TEXT),
    },
    irreversible: true,
  },
  recordMeasureExecution: {
    label: { zh: '登记组织处理手续办结', en: 'Record the measures carried out' },
    fields: {
      personId: person(),
      completedAt: { type: 'datetime', label: { zh: '办结时间', en: 'Completed at' }, required: true },
      note: text({ zh: '办理情况（职务、职级、工资等调整）', en: 'What was done (post, grade, pay)' }),
    },
    irreversible: true,
  },
  proposeNoAccountability: {
    label: { zh: '提出撤销案件或不予问责意见', en: 'Propose withdrawing the case or no accountability' },
    fields: {
      outcome: oneOf({ zh: '处理意见', en: 'Outcome' }, enumValues(NO_ACCOUNTABILITY_OUTCOMES)),
      grounds: { type: 'enumList', label: { zh: '不予问责的依据', en: 'Grounds (art. 17)' }, required: false, values: enumValues(LENIENCY_GROUNDS) },
      allegationUntrue: { type: 'boolean', label: { zh: '反映问题失实（需澄清正名）', en: 'The allegation proved untrue (name clearing)' }, required: true },
      reason: reason(),
    },
    irreversible: false,
  },
  reviewShelvedClue: {
    label: { zh: '暂存线索定期清理', en: 'Review the shelved clue' },
    fields: {
      decision: oneOf({ zh: '清理意见', en: 'Proposal' }, enumValues(SHELVED_REVIEW_DECISIONS)),
      reason: reason(),
    },
    irreversible: false,
  },
  approve: {
    label: { zh: '批准', en: 'Approve' },
    fields: { comment: text({ zh: '审批意见', en: 'Comment' }, false) },
    conditionalFields: {
      forms: { type: 'accountabilityForms', label: { zh: '减责后的问责方式', en: 'Forms after mitigation' }, required: false },
      investigationTeam: { type: 'userList', label: { zh: '调查组成员（承办人之外）', en: 'Inquiry team (besides the assigned officer)' }, required: false },
    },
    irreversible: true,
  },
  return: {
    label: { zh: '退回', en: 'Return' },
    fields: { reason: reason() },
    irreversible: false,
  },
  serveDecision: {
    label: { zh: '送达决定', en: 'Serve decision' },
    fields: {
      servedAt: { type: 'datetime', label: { zh: '送达时间', en: 'Served at' }, required: true },
      method: oneOf({ zh: '送达方式', en: 'Method' }, enumValues(SERVICE_METHODS)),
    },
    irreversible: true,
  },
  linkSubjectAccount: {
    label: { zh: '关联被反映人账号', en: "Link the official's account" },
    fields: { userId: { type: 'uuid', label: { zh: '被反映人账号', en: "Official's user account" }, required: true }, reason: reason() },
    irreversible: true,
  },
  reassign: {
    label: { zh: '改派承办人', en: 'Reassign' },
    fields: { toUserId: { type: 'uuid', label: { zh: '新承办人', en: 'New assignee' }, required: true }, reason: reason() },
    irreversible: false,
  },
  requestExtension: {
    label: { zh: '申请延期', en: 'Request an extension' },
    fields: {
      amount: { type: 'integer', label: { zh: '延长期限（按本阶段时限单位）', en: "Extension (in the stage limit's unit)" }, required: true, min: 1, max: 365 },
      reason: reason(),
    },
    irreversible: false,
  },
  requestSuspension: {
    label: { zh: '申请中止计时', en: 'Request suspension of the clock' },
    fields: { reason: reason() },
    irreversible: false,
  },
  resumeClock: {
    label: { zh: '恢复计时', en: 'Resume the clock' },
    fields: { reason: reason() },
    irreversible: false,
  },
  applyFaultTolerance: {
    label: { zh: '申请容错', en: 'Apply for fault tolerance' },
    fields: { reasons: text({ zh: '申请理由', en: 'Reasons' }), evidence: text({ zh: '证明材料', en: 'Evidence' }, false) },
    irreversible: true,
  },
  openCorrectionPlan: {
    label: { zh: '制定纠错整改方案', en: 'Open a correction plan' },
    fields: { items: { type: 'correctionItems', label: { zh: '整改事项', en: 'Items' }, required: true } },
    irreversible: true,
  },
  recordCorrectionProgress: {
    label: { zh: '登记整改进展', en: 'Record correction progress' },
    fields: { itemId: itemId(), note: text({ zh: '进展情况', en: 'Progress' }) },
    irreversible: false,
  },
  completeCorrectionItem: {
    label: { zh: '报告整改完成', en: 'Report an item completed' },
    fields: { itemId: itemId(), evidence: text({ zh: '整改材料', en: 'Evidence' }) },
    irreversible: false,
  },
  verifyCorrectionItem: {
    label: { zh: '验收整改事项', en: 'Verify an item completed' },
    fields: { itemId: itemId() },
    irreversible: true,
  },
  fileAppeal: {
    label: { zh: '提出申诉', en: 'File an appeal' },
    fields: { grounds: text({ zh: '申诉理由', en: 'Grounds' }) },
    irreversible: true,
  },
  recordPaperAppeal: {
    label: { zh: '登记书面申诉', en: 'Record a written appeal' },
    fields: {
      grounds: text({ zh: '申诉理由', en: 'Grounds' }),
      receivedAt: { type: 'datetime', label: { zh: '收到申诉时间', en: 'Received at' }, required: true },
      personId: { type: 'person', label: { zh: '申诉人（被问责对象）', en: 'Appellant (person concerned)' }, required: false },
    },
    irreversible: true,
  },
  decideAppeal: {
    label: { zh: '作出申诉复查决定', en: 'Decide the appeal' },
    fields: {
      outcome: oneOf({ zh: '复查结果', en: 'Outcome' }, enumValues(APPEAL_OUTCOMES)),
      forms: { type: 'accountabilityForms', label: { zh: '变更后的问责方式', en: 'Varied forms' }, required: false },
      reason: reason(),
      personId: { type: 'person', label: { zh: '申诉人（被问责对象）', en: 'Appellant (person concerned)' }, required: false },
    },
    irreversible: true,
  },
  orderAccountabilityStart: {
    label: { zh: '责令启动问责', en: 'Order accountability started' },
    fields: { reason: text({ zh: '责令理由（问责条例第九条）', en: 'Why (art. 9)' }) },
    irreversible: true,
  },
  designateAccountabilityBody: {
    label: { zh: '指定其他机关启动问责', en: 'Designate another body to start accountability' },
    fields: {
      orgUnitId: { type: 'uuid', label: { zh: '被指定的机关', en: 'Designated body' }, required: true },
      reason: text({ zh: '指定理由（问责条例第九条）', en: 'Why (art. 9)' }),
    },
    irreversible: true,
  },
  orderDecisionCorrection: {
    label: { zh: '责令纠正问责决定', en: 'Order the decision corrected' },
    fields: {
      grounds: { type: 'enumList', label: { zh: '纠正理由（问责条例第二十一条）', en: 'Grounds (art. 21)' }, required: true, values: enumValues(CORRECTION_GROUNDS) },
      reason: reason(),
    },
    irreversible: true,
  },
  correctDecision: {
    label: { zh: '纠正问责决定', en: 'Correct the decision' },
    fields: {
      outcome: oneOf({ zh: '纠正方式', en: 'Correction' }, enumValues(DECISION_CORRECTIONS)),
      forms: { type: 'accountabilityForms', label: { zh: '变更后的问责方式', en: 'Varied forms' }, required: false },
      reason: reason(),
    },
    irreversible: true,
  },
  recordNameClearing: {
    label: { zh: '登记澄清正名', en: 'Record name clearing' },
    fields: {
      harmed: { type: 'boolean', label: { zh: '失实举报是否造成不良影响', en: 'Did the untrue report harm the official?' }, required: true },
      methods: { type: 'enumList', label: { zh: '澄清方式', en: 'Methods' }, required: true, values: enumValues(CLARIFICATION_METHODS) },
      completedAt: { type: 'datetime', label: { zh: '完成时间', en: 'Completed at' }, required: true },
      note: text({ zh: '澄清情况', en: 'Note' }),
    },
    irreversible: true,
  },
  recordFollowUpVisit: {
    label: { zh: '登记回访', en: 'Record a follow-up visit' },
    fields: { visitId: text({ zh: '回访编号', en: 'Visit' }, true, SHORT_TEXT), findings: text({ zh: '回访情况', en: 'Findings' }) },
    irreversible: false,
  },
  recordExemptionNotice: {
    label: { zh: '登记免责通报', en: 'Record the exemption made known' },
    fields: {
      notifiedAt: { type: 'datetime', label: { zh: '通报时间', en: 'Made known at' }, required: true },
      scope: text({ zh: '通报范围', en: 'To whom' }, true, SHORT_TEXT),
      note: text({ zh: '通报情况', en: 'Note' }),
    },
    irreversible: true,
  },
  recordReporterNotice: {
    label: { zh: '登记实名举报告知', en: 'Record a notice to the reporter' },
    fields: {
      notice: oneOf({ zh: '告知事项', en: 'Notice' }, enumValues(REPORTER_NOTICES)),
      method: oneOf({ zh: '告知方式', en: 'Method' }, enumValues(REPORTER_NOTICE_METHODS)),
      notifiedAt: { type: 'datetime', label: { zh: '告知时间', en: 'Told at' }, required: true },
      note: text({ zh: '告知情况', en: 'Note' }),
      objection: text({ zh: '举报人对处理结果的异议', en: "The reporter's objection to the result" }, false),
    },
    irreversible: false,
  },
  requestReporterIdentity: {
    label: { zh: '申请查看举报人信息', en: "Request to see the reporter's identity" },
    fields: { reason: reason() },
    irreversible: false,
  },
  approveReporterIdentity: {
    label: { zh: '批准查看举报人信息', en: "Approve seeing the reporter's identity" },
    fields: { seq: revealSeq(), reason: reason() },
    irreversible: true,
  },
  refuseReporterIdentity: {
    label: { zh: '不同意查看举报人信息', en: "Refuse seeing the reporter's identity" },
    fields: { seq: revealSeq(), reason: reason() },
    irreversible: false,
  },
  recordDocument: {
    label: { zh: '生成文书', en: 'Generate a document' },
    fields: {
      kind: oneOf({ zh: '文书种类', en: 'Kind' }, enumValues(DOCUMENT_KINDS)),
      number: text({ zh: '文号', en: 'Number' }, true, SHORT_TEXT),
      sha256: { type: 'sha256', label: { zh: '文件摘要', en: 'SHA-256' }, required: true },
      fileId: { type: 'uuid', label: { zh: '文件', en: 'File' }, required: true },
      templateVersion: { type: 'integer', label: { zh: '模板版本', en: 'Template version' }, required: true, min: 0, max: 1_000_000 },
      personId: { ...person(), required: false },
    },
    irreversible: true,
  },
  recordDocumentService: {
    label: { zh: '登记送达', en: 'Record service' },
    fields: {
      fileId: { type: 'uuid', label: { zh: '文书', en: 'Document' }, required: true },
      recipient: text({ zh: '受送达人', en: 'Recipient' }, true, SHORT_TEXT),
      method: oneOf({ zh: '送达方式', en: 'Method' }, enumValues(DOCUMENT_SERVICE_METHODS)),
      servedAt: { type: 'datetime', label: { zh: '送达时间', en: 'Served at' }, required: true },
      note: text({ zh: '备注', en: 'Note' }, false),
    },
    irreversible: true,
  },
};

export const ACTION_NAMES = Object.keys(ACTION_SPECS) as ActionName[];

/**
 * Actions taken through their own upload route (POST /cases/:id/evidence), never the generic action route: what they
 * record of a file (its hash, size, type) is what the server measured.
 */
export const UPLOAD_ACTIONS: readonly ActionName[] = ['attachEvidence'];

export function isActionName(name: string): name is ActionName {
  return Object.prototype.hasOwnProperty.call(ACTION_SPECS, name);
}
