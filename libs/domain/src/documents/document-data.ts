import {
  ACCOUNTABILITY_FORMS,
  ACCOUNTABILITY_FORM_SUBTYPES,
  APPEAL_OUTCOMES,
  APPLICANT_KINDS,
  CLARIFICATION_METHODS,
  CLUE_DISPOSITIONS,
  DOCUMENT_KINDS,
  DOCUMENT_SERVICE_METHODS,
  EVIDENCE_KINDS,
  FAULT_TOLERANCE_OUTCOMES,
  LENIENCY_LEVELS,
  MITIGATION_KINDS,
  RESPONSIBILITY_LEVELS,
  SERVICE_METHODS,
  SUPERVISION_CHANNELS,
  VERIFICATION_FINDINGS,
  type AccountabilityFormChoice,
  type CaseState,
  type DocumentKind,
  type PolicyDuration,
} from '@dandang/contracts';
import { faultTolerancePolicyOf } from '../aftercare/policy-of';
import { chineseDate } from './document-kinds';

/** What the API knows beside the case: the number drawn, when, who prepares it, and the units' names. */
export interface DocumentContext {
  number: string;
  issuedAt: Date;
  /** The body that issues it: the name of the case's unit (its commission). */
  issuingBody: string;
  /** The name of the official's unit. */
  subjectUnit: string;
  /** Who generates the document (承办人 / 送达人). */
  preparedBy: string;
}

export type DocumentListItem = Record<string, string>;
/** The data a template renders: strings, and lists of rows for the repeated paragraphs. */
export type DocumentData = Record<string, string | DocumentListItem[]>;

const UNIT_NAMES: Record<PolicyDuration['unit'], string> = { WORKING_DAY: '个工作日', CALENDAR_DAY: '日', MONTH: '个月', SECOND: '秒' };
const duration = (d: PolicyDuration | undefined, fallback: string): string => (d ? `${d.amount}${UNIT_NAMES[d.unit]}` : fallback);

/** 警告、诫勉: forms by their Chinese names, with the subtype where the form has one. */
export function formsText(forms: readonly AccountabilityFormChoice[]): string {
  return forms
    .map((f) => {
      const subtype = f.subtype ? ACCOUNTABILITY_FORM_SUBTYPES[f.form]?.[f.subtype]?.zh : undefined;
      return subtype ? `${ACCOUNTABILITY_FORMS[f.form].zh}（${subtype}）` : ACCOUNTABILITY_FORMS[f.form].zh;
    })
    .join('、');
}

const approvalStatus = (approved: boolean): string => (approved ? '已批准' : '待审批');

/** The parts of each kind beyond the heading: only what that document carries. */
const PARTS: Readonly<Record<DocumentKind, (s: CaseState, ctx: DocumentContext) => DocumentData>> = {
  CLUE_DISPOSITION_APPROVAL: (s) => {
    const proposal = s.pendingApproval?.kind === 'DISPOSITION' ? s.pendingApproval : undefined;
    const chosen = s.disposition ?? proposal;
    return {
      channel: SUPERVISION_CHANNELS[s.registration.channel].zh,
      receivedOn: chineseDate(s.registration.receivedAt),
      clueTitle: s.registration.title,
      clueSummary: s.registration.summary,
      disposition: chosen ? CLUE_DISPOSITIONS[chosen.disposition].zh : '',
      dispositionReason: chosen?.reason ?? '',
      approvalStatus: approvalStatus(Boolean(s.disposition)),
    };
  },
  INQUIRY_LETTER: (s) => ({ clueTitle: s.registration.title, replyWithin: duration(s.policy.stageLimits.INQUIRY, '15个工作日') }),
  VERIFICATION_REPORT: (s) => {
    const report = s.verification ?? (s.pendingApproval?.kind === 'VERIFICATION_REPORT' ? s.pendingApproval : undefined);
    return {
      clueTitle: s.registration.title,
      clueSummary: s.registration.summary,
      verificationSummary: report?.summary ?? '',
      finding: report ? VERIFICATION_FINDINGS[report.finding].zh : '',
      approvalStatus: approvalStatus(Boolean(s.verification)),
    };
  },
  CASE_FILING_DECISION: (s) => ({ clueTitle: s.registration.title }),
  CASE_FILING_NOTICE: (s) => ({ clueTitle: s.registration.title }),
  INVESTIGATION_REPORT: (s) => {
    const report = s.decision ?? (s.pendingApproval?.kind === 'INVESTIGATION_REPORT' ? s.pendingApproval : undefined);
    return {
      facts: report?.facts ?? '',
      evidenceCount: String(s.evidence.length),
      evidence: s.evidence.map((e) => ({ seq: String(e.seq), kind: EVIDENCE_KINDS[e.kind].zh, description: e.description })),
      responsibilityLevel: report ? RESPONSIBILITY_LEVELS[report.responsibilityLevel].zh : '',
      leniency: report ? LENIENCY_LEVELS[report.leniency].zh : '',
      forms: report ? formsText(report.forms) || LENIENCY_LEVELS.EXEMPTED.zh : '',
      approvalStatus: approvalStatus(Boolean(s.decision)),
    };
  },
  ACCOUNTABILITY_DECISION: (s) => {
    const d = s.decision!;
    const mitigated = s.tolerance?.outcome === 'MITIGATION';
    return {
      facts: d.facts,
      responsibilityLevel: RESPONSIBILITY_LEVELS[d.responsibilityLevel].zh,
      leniency: LENIENCY_LEVELS[d.leniency].zh,
      forms: formsText(d.forms) || LENIENCY_LEVELS.EXEMPTED.zh,
      toleranceNote: mitigated ? `经容错纠错认定，予以${MITIGATION_KINDS[s.tolerance!.mitigation ?? 'LIGHTER'].zh}处理。` : '',
      appealWithin: duration(faultTolerancePolicyOf(s).appealWindow, '1个月'),
      decidedOn: chineseDate(d.approvedAt),
    };
  },
  SERVICE_RECEIPT: (s) => {
    const decision = s.service
      ? [
          {
            documentTitle: '问责决定',
            documentNumber: s.documents?.find((d) => d.kind === 'ACCOUNTABILITY_DECISION')?.number ?? '',
            recipient: s.registration.subject.name,
            method: SERVICE_METHODS[s.service.method].zh,
            servedAt: chineseDate(s.service.servedAt),
            note: '',
          },
        ]
      : [];
    const documents = (s.documents ?? []).flatMap((doc) =>
      doc.services.map((sv) => ({
        documentTitle: DOCUMENT_KINDS[doc.kind].zh,
        documentNumber: doc.number,
        recipient: sv.recipient,
        method: DOCUMENT_SERVICE_METHODS[sv.method].zh,
        servedAt: chineseDate(sv.servedAt),
        note: sv.note ?? '',
      })),
    );
    return { services: [...decision, ...documents] };
  },
  FAULT_TOLERANCE_DETERMINATION: (s) => {
    const t = s.tolerance!;
    const review = s.reviews?.find((r) => r.reviewId === t.reviewId);
    return {
      applicant: review ? APPLICANT_KINDS[review.applicantKind].zh : '',
      appliedOn: review ? chineseDate(review.appliedAt) : '',
      outcome: FAULT_TOLERANCE_OUTCOMES[t.outcome].zh,
      mitigation: t.outcome === 'MITIGATION' && t.mitigation ? `（${MITIGATION_KINDS[t.mitigation].zh}）` : '',
      determinedOn: chineseDate(t.determinedAt),
    };
  },
  NAME_CLEARING: (s) => {
    const r = s.nameClearing!.record!;
    return {
      clueTitle: s.registration.title,
      verificationSummary: s.verification?.summary ?? '',
      methods: r.methods.map((m) => CLARIFICATION_METHODS[m].zh).join('、'),
      harmedNote: r.harmed ? '不实反映对其造成了不良影响，将适时回访。' : '',
      clearingNote: r.note,
      completedOn: chineseDate(r.completedAt),
    };
  },
  APPEAL_REVIEW_DECISION: (s) => {
    const a = s.appeal!;
    const d = a.decision!;
    return {
      filedOn: a.filed ? chineseDate(a.filed.filedAt) : '',
      grounds: a.filed?.grounds ?? '',
      appealReason: d.reason,
      outcome: `${APPEAL_OUTCOMES[d.outcome].zh}原问责决定`,
      variedForms: d.outcome === 'VARIED' && d.forms ? `变更为：${formsText(d.forms)}。` : '',
      decidedOn: chineseDate(d.at),
    };
  },
};

/**
 * The data of a document of `kind` from the case: the heading every document has, and what that kind carries. Never
 * the reporter (the case holds no identity); the official concerned by name, as the documents are about or to them.
 */
export function documentData(kind: DocumentKind, state: CaseState, ctx: DocumentContext): DocumentData {
  const subject = state.registration.subject;
  return {
    issuingBody: ctx.issuingBody,
    title: DOCUMENT_KINDS[kind].zh,
    documentNumber: ctx.number,
    caseNumber: state.number,
    issuedOn: chineseDate(ctx.issuedAt),
    preparedBy: ctx.preparedBy,
    subjectName: subject.name,
    subjectPosition: subject.position,
    subjectUnit: ctx.subjectUnit,
    ...PARTS[kind](state, ctx),
  };
}
