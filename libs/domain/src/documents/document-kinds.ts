import { CHINA_STANDARD_TIME_OFFSET_MINUTES } from '../calendar/calendar-day';
import { isDocumentPersonKind, type CaseProcedure, type CaseState, type DocumentKind, type PersonConcerned, type PersonDecision } from '@dandang/contracts';
import { invalidInput } from '../errors';
import { personsOf } from '../case/persons';
import { filedAppeals } from '../aftercare/person-appeals';

/** 党纪处分 and 政务处分: the forms a 处分决定书 imposes. */
export const SANCTION_FORMS: readonly string[] = ['DISCIPLINARY_SANCTION', 'GOVERNMENT_SANCTION'];

/**
 * The case's procedure as its documents name it: the one recorded, or for a case filed before the two procedures the
 * verification's finding (拟启动问责调查 an accountability inquiry, 拟立案审查调查 a discipline case).
 */
export function documentProcedureOf(s: CaseState): CaseProcedure {
  return s.procedure ?? (s.verification?.finding === 'PROPOSE_ACCOUNTABILITY' ? 'ACCOUNTABILITY' : 'DISCIPLINE');
}

/** Each person's decision: the persons' own once decided, or a single decision (a case without a procedure) as the first's. */
export function documentDecisionsOf(s: CaseState): PersonDecision[] {
  if (s.personDecisions?.length) return s.personDecisions;
  if (!s.decision) return [];
  const { forms, responsibilityLevel, leniency, grounds, approvedAt } = s.decision;
  return [{ personId: personsOf(s)[0].personId, forms, responsibilityLevel, leniency, ...(grounds ? { grounds } : {}), decidedAt: approvedAt, bodies: [] }];
}

/**
 * Who a document of a person's kind can be written for now: whose statement was recorded (笔录), whose decision it
 * states (问责决定书: an accountability inquiry's, or a case's without a procedure; 处分决定书: a discipline case's, or
 * one imposing 党纪处分 / 政务处分 in an accountability inquiry). Empty for the kinds that are not a person's.
 */
export function documentPersons(kind: DocumentKind, s: CaseState): PersonConcerned[] {
  let ids: string[];
  if (kind === 'STATEMENT_RECORD') ids = (s.persons ?? []).filter((p) => p.statement?.answer).map((p) => p.personId);
  else if (kind === 'ACCOUNTABILITY_DECISION') ids = s.procedure === 'DISCIPLINE' ? [] : documentDecisionsOf(s).map((d) => d.personId);
  else if (kind === 'SANCTION_DECISION') {
    ids = documentDecisionsOf(s)
      .filter((d) => s.procedure === 'DISCIPLINE' || d.forms.some((f) => SANCTION_FORMS.includes(f.form)))
      .map((d) => d.personId);
  } else if (kind === 'APPEAL_REVIEW_DECISION') ids = filedAppeals(s).filter((a) => a.decision).map((a) => a.personId);
  else ids = [];
  return personsOf(s).filter((p) => ids.includes(p.personId));
}

/**
 * The person a document of `kind` is written for: the one `personId` names, or the first it can be written for; none
 * for the kinds that are not a person's. Refuses (naming `personId`) a person the case does not concern, one the
 * document cannot be written for yet, and a person named for a kind that is not a person's.
 */
export function documentPerson(kind: DocumentKind, s: CaseState, personId?: string): PersonConcerned | undefined {
  if (!isDocumentPersonKind(kind)) {
    if (personId !== undefined) throw invalidInput([{ field: 'personId', message: `is given only for a document of one person (not ${kind})` }]);
    return undefined;
  }
  const eligible = documentPersons(kind, s);
  if (personId === undefined) return eligible[0];
  const person = personsOf(s).find((p) => p.personId === personId);
  if (!person) {
    throw invalidInput([{ field: 'personId', message: `is not a person concerned by this case (${personsOf(s).map((p) => p.personId).join(', ')})` }]);
  }
  if (!eligible.includes(person)) {
    const step = kind === 'STATEMENT_RECORD' ? 'no statement recorded' : kind === 'APPEAL_REVIEW_DECISION' ? 'no appeal decided' : 'no decision this document states';
    throw invalidInput([{ field: 'personId', message: `${person.personId} ${person.name} has ${step}` }]);
  }
  return person;
}

/**
 * Which documents the case's state supports now: a document records a step, so it exists once the step (or the
 * proposal it goes with) does. In the order of the procedure.
 */
const KIND_EXISTS: Readonly<Record<DocumentKind, (s: CaseState) => boolean>> = {
  CLUE_DISPOSITION_APPROVAL: (s) => Boolean(s.disposition) || s.pendingApproval?.kind === 'DISPOSITION',
  INQUIRY_LETTER: (s) => s.disposition?.disposition === 'TALK_OR_LETTER_INQUIRY',
  VERIFICATION_REPORT: (s) => Boolean(s.verification) || s.pendingApproval?.kind === 'VERIFICATION_REPORT',
  CASE_FILING_DECISION: (s) => isFiled(s),
  CASE_FILING_NOTICE: (s) => isFiled(s),
  STATEMENT_RECORD: (s) => documentPersons('STATEMENT_RECORD', s).length > 0,
  INVESTIGATION_REPORT: (s) => Boolean(s.decision || s.report) || s.pendingApproval?.kind === 'INVESTIGATION_REPORT',
  TRIAL_REPORT: (s) => Boolean(s.trial?.opinion),
  ACCOUNTABILITY_DECISION: (s) => documentPersons('ACCOUNTABILITY_DECISION', s).length > 0,
  SANCTION_DECISION: (s) => documentPersons('SANCTION_DECISION', s).length > 0,
  CASE_WITHDRAWAL_DECISION: (s) => s.noAccountability?.outcome === 'CASE_WITHDRAWN',
  NO_ACCOUNTABILITY_DECISION: (s) => s.noAccountability?.outcome === 'NOT_HELD_ACCOUNTABLE',
  // A proof of service lists the services recorded: of the decision, or of any document generated.
  SERVICE_RECEIPT: (s) => Boolean(s.service) || (s.documents ?? []).some((d) => d.services.length > 0),
  FAULT_TOLERANCE_DETERMINATION: (s) => Boolean(s.tolerance),
  NAME_CLEARING: (s) => s.nameClearing?.status === 'RECORDED',
  APPEAL_REVIEW_DECISION: (s) => filedAppeals(s).some((a) => a.decision),
  // Owed to a real-name reporter (受理告知, then 处理结果反馈): the written notice is how it may be given.
  REPORTER_NOTICE: (s) => (s.reporterNotices ?? []).length > 0,
};

/** Filed as a discipline case (立案) or started as an accountability inquiry (启动问责). */
function isFiled(s: CaseState): boolean {
  return s.verification?.finding === 'PROPOSE_CASE_FILING' || s.verification?.finding === 'PROPOSE_ACCOUNTABILITY';
}

export const DOCUMENT_KIND_ORDER = Object.keys(KIND_EXISTS) as DocumentKind[];

/** The kinds of document the case can produce now. */
export function documentKindsFor(state: CaseState): DocumentKind[] {
  return DOCUMENT_KIND_ORDER.filter((kind) => KIND_EXISTS[kind](state));
}

/**
 * The 文号 prefix of each kind when the locality's template names none [SUGGESTED]: 纪 for the commission, then the
 * step (处 disposition, 询 inquiry, 核 verification, 立 filing, 告 notice, 见 statement, 查 inquiry report, 审 trial, 问
 * accountability decision, 处分 sanction, 撤 withdrawal, 不问 no accountability, 送 service, 容 tolerance, 澄 clearing,
 * 申 appeal, 举 reporter). Each differs from the others: a number is unique across kinds.
 */
export const DEFAULT_DOCUMENT_NUMBER_PREFIXES: Readonly<Record<DocumentKind, string>> = {
  CLUE_DISPOSITION_APPROVAL: '纪处',
  INQUIRY_LETTER: '纪询',
  VERIFICATION_REPORT: '纪核',
  CASE_FILING_DECISION: '纪立',
  CASE_FILING_NOTICE: '纪告',
  STATEMENT_RECORD: '纪见',
  INVESTIGATION_REPORT: '纪查',
  TRIAL_REPORT: '纪审',
  ACCOUNTABILITY_DECISION: '纪问',
  SANCTION_DECISION: '纪处分',
  CASE_WITHDRAWAL_DECISION: '纪撤',
  NO_ACCOUNTABILITY_DECISION: '纪不问',
  SERVICE_RECEIPT: '纪送',
  FAULT_TOLERANCE_DETERMINATION: '纪容',
  NAME_CLEARING: '纪澄',
  APPEAL_REVIEW_DECISION: '纪申',
  REPORTER_NOTICE: '纪举',
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
