import type { LabelledEnum } from './enums';

/**
 * The 文书 a case produces (docs/domain.md §b), each from a .docx template an administrator may replace, in the order
 * of the procedure. Those of one person concerned (`DOCUMENT_PERSON_KINDS`) are generated for the person chosen.
 */
export const DOCUMENT_KINDS = {
  CLUE_DISPOSITION_APPROVAL: { zh: '线索处置审批表', en: 'Clue disposition approval form' },
  INQUIRY_LETTER: { zh: '谈话函询通知书', en: 'Talk or letter inquiry notice' },
  VERIFICATION_REPORT: { zh: '初步核实情况报告', en: 'Preliminary verification report' },
  CASE_FILING_DECISION: { zh: '立案决定书', en: 'Case filing decision' },
  CASE_FILING_NOTICE: { zh: '立案告知书', en: 'Case filing notice' },
  STATEMENT_RECORD: { zh: '事实材料见面及陈述申辩笔录', en: 'Record of the facts shown and the statement' },
  INVESTIGATION_REPORT: { zh: '调查报告', en: 'Investigation report' },
  TRIAL_REPORT: { zh: '审理报告', en: 'Trial review report' },
  ACCOUNTABILITY_DECISION: { zh: '问责决定书', en: 'Accountability decision' },
  SANCTION_DECISION: { zh: '处分决定书', en: 'Sanction decision' },
  CASE_WITHDRAWAL_DECISION: { zh: '撤销案件决定书', en: 'Case withdrawal decision' },
  NO_ACCOUNTABILITY_DECISION: { zh: '不予问责决定书', en: 'Decision not to hold accountable' },
  SERVICE_RECEIPT: { zh: '送达回证', en: 'Proof of service' },
  FAULT_TOLERANCE_DETERMINATION: { zh: '容错纠错认定书', en: 'Fault-tolerance determination' },
  NAME_CLEARING: { zh: '澄清正名材料', en: 'Name clearing statement' },
  APPEAL_REVIEW_DECISION: { zh: '申诉复查决定书', en: 'Appeal review decision' },
  REPORTER_NOTICE: { zh: '实名举报告知书', en: 'Notice to a real-name reporter' },
} as const satisfies LabelledEnum<string>;
export type DocumentKind = keyof typeof DOCUMENT_KINDS;

export const isDocumentKind = (value: unknown): value is DocumentKind =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(DOCUMENT_KINDS, value);

/**
 * The kinds written for one person concerned (their statement, their decision): generated for the person the request
 * names (`personId`), or for the first person the step exists for.
 */
export const DOCUMENT_PERSON_KINDS: readonly DocumentKind[] = ['STATEMENT_RECORD', 'ACCOUNTABILITY_DECISION', 'SANCTION_DECISION', 'APPEAL_REVIEW_DECISION'];
export const isDocumentPersonKind = (kind: DocumentKind): boolean => DOCUMENT_PERSON_KINDS.includes(kind);

/** How a document reached its recipient (送达方式), as a 送达回证 names it. */
export const DOCUMENT_SERVICE_METHODS = {
  IN_PERSON: { zh: '直接送达', en: 'In person' },
  LEFT_AT_PREMISES: { zh: '留置送达', en: 'Left at the premises' },
  BY_POST: { zh: '邮寄送达', en: 'By post' },
  VIA_ORGANIZATION: { zh: '委托送达', en: 'Via the organisation' },
  ANNOUNCED_AT_MEETING: { zh: '会议宣布', en: 'Announced at a meeting' },
} as const satisfies LabelledEnum<string>;
export type DocumentServiceMethod = keyof typeof DOCUMENT_SERVICE_METHODS;

/** One service of a document (送达): who received it, when and how. */
export interface DocumentService {
  recipient: string;
  method: DocumentServiceMethod;
  servedAt: string;
  note?: string;
  recordedBy: string;
  recordedByName: string;
  recordedAt: string;
}

/** A generated document as the case keeps it: its number and hash, never its text (that is in the file store). */
export interface CaseDocument {
  /** The stored file's id; the document's id in the API. */
  id: string;
  kind: DocumentKind;
  /** 文号, e.g. 纪立〔2026〕3号. */
  number: string;
  /** SHA-256 of the .docx as generated and stored. */
  sha256: string;
  /** The template's version (0: the built-in one). */
  templateVersion: number;
  /** The person a document of one person (笔录, 决定书) is for; absent for the case's own documents. */
  personId?: string;
  generatedBy: string;
  generatedByName: string;
  generatedAt: string;
  services: DocumentService[];
}

/** Case actions taken only through the documents routes (the API generates and hashes; nobody types a hash). */
export const DOCUMENT_ACTIONS = ['recordDocument', 'recordDocumentService'] as const;
export type DocumentActionName = (typeof DOCUMENT_ACTIONS)[number];
export const isDocumentActionName = (name: string): name is DocumentActionName => (DOCUMENT_ACTIONS as readonly string[]).includes(name);
