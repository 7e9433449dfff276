import { CHINA_STANDARD_TIME_OFFSET_MINUTES } from '../calendar/calendar-day';
import type { CaseState, DocumentKind } from '@dandang/contracts';

/**
 * Which documents the case's state supports now: a document records a step, so it exists once the step (or the
 * proposal it goes with) does. In the order of the procedure.
 */
const KIND_EXISTS: Readonly<Record<DocumentKind, (s: CaseState) => boolean>> = {
  CLUE_DISPOSITION_APPROVAL: (s) => Boolean(s.disposition) || s.pendingApproval?.kind === 'DISPOSITION',
  INQUIRY_LETTER: (s) => s.disposition?.disposition === 'TALK_OR_LETTER_INQUIRY',
  VERIFICATION_REPORT: (s) => Boolean(s.verification) || s.pendingApproval?.kind === 'VERIFICATION_REPORT',
  CASE_FILING_DECISION: (s) => s.verification?.finding === 'PROPOSE_CASE_FILING',
  CASE_FILING_NOTICE: (s) => s.verification?.finding === 'PROPOSE_CASE_FILING',
  INVESTIGATION_REPORT: (s) => Boolean(s.decision) || s.pendingApproval?.kind === 'INVESTIGATION_REPORT',
  ACCOUNTABILITY_DECISION: (s) => Boolean(s.decision),
  // A proof of service lists the services recorded: of the decision, or of any document generated.
  SERVICE_RECEIPT: (s) => Boolean(s.service) || (s.documents ?? []).some((d) => d.services.length > 0),
  FAULT_TOLERANCE_DETERMINATION: (s) => Boolean(s.tolerance),
  NAME_CLEARING: (s) => s.nameClearing?.status === 'RECORDED',
  APPEAL_REVIEW_DECISION: (s) => Boolean(s.appeal?.decision),
};

export const DOCUMENT_KIND_ORDER = Object.keys(KIND_EXISTS) as DocumentKind[];

/** The kinds of document the case can produce now. */
export function documentKindsFor(state: CaseState): DocumentKind[] {
  return DOCUMENT_KIND_ORDER.filter((kind) => KIND_EXISTS[kind](state));
}

/**
 * The 文号 prefix of each kind when the locality's template names none [SUGGESTED]: 纪 for the commission, then the
 * step (处 disposition, 询 inquiry, 核 verification, 立 filing, 告 notice, 查 inquiry report, 问 decision, 送
 * service, 容 tolerance, 澄 clearing, 申 appeal).
 */
export const DEFAULT_DOCUMENT_NUMBER_PREFIXES: Readonly<Record<DocumentKind, string>> = {
  CLUE_DISPOSITION_APPROVAL: '纪处',
  INQUIRY_LETTER: '纪询',
  VERIFICATION_REPORT: '纪核',
  CASE_FILING_DECISION: '纪立',
  CASE_FILING_NOTICE: '纪告',
  INVESTIGATION_REPORT: '纪查',
  ACCOUNTABILITY_DECISION: '纪问',
  SERVICE_RECEIPT: '纪送',
  FAULT_TOLERANCE_DETERMINATION: '纪容',
  NAME_CLEARING: '纪澄',
  APPEAL_REVIEW_DECISION: '纪申',
};

/** 文号 as official documents write it: prefix〔year〕n号 (GB/T 9704: hexagonal brackets, no leading zeros). */
export function formatDocumentNumber(prefix: string, year: number, seq: number): string {
  return `${prefix}〔${year}〕${seq}号`;
}

/** The year of `at` in China Standard Time: documents are numbered per calendar year there. */
export function documentYear(at: Date): number {
  return new Date(at.getTime() + CHINA_STANDARD_TIME_OFFSET_MINUTES * 60_000).getUTCFullYear();
}

/** "2026年12月5日": a date as a document writes it, in China Standard Time. */
export function chineseDate(at: string | Date): string {
  const local = new Date(new Date(at).getTime() + CHINA_STANDARD_TIME_OFFSET_MINUTES * 60_000);
  return `${local.getUTCFullYear()}年${local.getUTCMonth() + 1}月${local.getUTCDate()}日`;
}
