import { text, oneOf, SHORT_TEXT, type FieldSpec } from './action-fields';
import {
  CLUE_DISPOSITIONS,
  EVIDENCE_KINDS,
  INQUIRY_OUTCOMES,
  LENIENCY_LEVELS,
  LIGHT_MEASURES,
  RESPONSIBILITY_LEVELS,
  SERVICE_METHODS,
  VERIFICATION_FINDINGS,
  enumValues,
  type AccountabilityFormChoice,
  type ClueDisposition,
  type EvidenceKind,
  type InquiryOutcome,
  type LeniencyLevel,
  type LightMeasure,
  type ResponsibilityLevel,
  type ServiceMethod,
  type VerificationFinding,
} from './enums';
import type { Label } from './labels';

/** Payload of each officer action, by action name. */
export interface ActionPayloads {
  acceptClue: { assigneeId?: string; note?: string };
  transferClue: { toBody: string; reason: string };
  declareConflict: { reason: string };
  proposeDisposition: { disposition: ClueDisposition; reason: string };
  recordInquiryOutcome: { outcome: InquiryOutcome; measure?: LightMeasure; reason: string };
  submitVerificationReport: { finding: VerificationFinding; summary: string };
  addEvidence: { kind: EvidenceKind; description: string; sha256?: string };
  submitInvestigationReport: {
    facts: string;
    responsibilityLevel: ResponsibilityLevel;
    forms: AccountabilityFormChoice[];
    leniency: LeniencyLevel;
  };
  approve: { comment?: string };
  return: { reason: string };
  serveDecision: { servedAt: string; method: ServiceMethod };
  reassign: { toUserId: string; reason: string };
  requestExtension: { amount: number; reason: string };
  requestSuspension: { reason: string };
  resumeClock: { reason: string };
}
export type ActionName = keyof ActionPayloads;

export interface ActionSpec {
  label: Label;
  /** Field specs of the payload; unknown fields are refused. */
  fields: Record<string, FieldSpec>;
  /** Asks the web application for a confirmation first. */
  irreversible: boolean;
}

const reason = (required = true) => text({ zh: '理由', en: 'Reason' }, required);

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
  submitInvestigationReport: {
    label: { zh: '提交审查调查报告', en: 'Submit investigation report' },
    fields: {
      facts: text({ zh: '认定事实', en: 'Facts' }),
      responsibilityLevel: oneOf({ zh: '责任类型', en: 'Responsibility level' }, enumValues(RESPONSIBILITY_LEVELS)),
      forms: { type: 'accountabilityForms', label: { zh: '问责方式', en: 'Accountability forms' }, required: true },
      leniency: oneOf({ zh: '从轻从重情节', en: 'Leniency' }, enumValues(LENIENCY_LEVELS)),
    },
    irreversible: false,
  },
  approve: {
    label: { zh: '批准', en: 'Approve' },
    fields: { comment: text({ zh: '审批意见', en: 'Comment' }, false) },
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
};

export const ACTION_NAMES = Object.keys(ACTION_SPECS) as ActionName[];

export function isActionName(name: string): name is ActionName {
  return Object.prototype.hasOwnProperty.call(ACTION_SPECS, name);
}
