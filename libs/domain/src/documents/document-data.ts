import {
  ACCOUNTABILITY_FORMS,
  ACCOUNTABILITY_FORM_SUBTYPES,
  APPEAL_OUTCOMES,
  APPLICANT_KINDS,
  CLARIFICATION_METHODS,
  CLOSURE_KINDS,
  CLUE_DISPOSITIONS,
  DECISION_BODIES,
  DOCUMENT_KINDS,
  DOCUMENT_SERVICE_METHODS,
  EVIDENCE_KINDS,
  FAULT_TOLERANCE_OUTCOMES,
  GOVERNMENT_SANCTIONS,
  LENIENCY_GROUNDS,
  LENIENCY_LEVELS,
  MITIGATION_KINDS,
  PARTY_SANCTIONS,
  REPORTER_NOTICES,
  REPORTER_NOTICE_METHODS,
  RESPONSIBILITY_LEVELS,
  SERVICE_METHODS,
  STATEMENT_SIGNATURES,
  SUPERVISION_CHANNELS,
  TRIAL_OPINIONS,
  VERIFICATION_FINDINGS,
  personConcernedTerm,
  type AccountabilityFormChoice,
  type CaseProcedure,
  type CaseState,
  type DocumentKind,
  type LeniencyGround,
  type PersonConcerned,
  type PersonFinding,
  type PolicyDuration,
} from '@dandang/contracts';
import { faultTolerancePolicyOf } from '../aftercare/policy-of';
import { appealOf } from '../aftercare/person-appeals';
import { personsOf } from '../case/persons';
import { chineseDate, documentDecisionsOf, documentPerson, documentProcedureOf, SANCTION_FORMS } from './document-kinds';

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
  /**
   * The person a document of one person (DOCUMENT_PERSON_KINDS) is written for; absent, the first it can be. The
   * caller gives `subjectUnit` as that person's unit.
   */
  personId?: string;
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

/** 党内警告处分、政务记过处分、开除公职处分: a sanction as a 处分决定书 imposes it; any other form by its name. */
export function sanctionsText(forms: readonly AccountabilityFormChoice[]): string {
  return forms
    .map((f) => {
      if (f.form === 'DISCIPLINARY_SANCTION' && f.subtype && f.subtype in PARTY_SANCTIONS) {
        const name = PARTY_SANCTIONS[f.subtype as keyof typeof PARTY_SANCTIONS].zh;
        return ['WARNING', 'SERIOUS_WARNING'].includes(f.subtype) ? `党内${name}处分` : `${name}处分`;
      }
      if (f.form === 'GOVERNMENT_SANCTION' && f.subtype && f.subtype in GOVERNMENT_SANCTIONS) {
        return f.subtype === 'EXPULSION' ? '开除公职处分' : `政务${GOVERNMENT_SANCTIONS[f.subtype as keyof typeof GOVERNMENT_SANCTIONS].zh}处分`;
      }
      return formsText([f]);
    })
    .join('、');
}

const groundsText = (grounds: readonly LeniencyGround[] | undefined): string => (grounds ?? []).map((g) => LENIENCY_GROUNDS[g].zh).join('；');

/** 立案审查调查 (a discipline case) or 启动问责调查 (an accountability inquiry), with the rules each is filed under. */
const INVESTIGATION_TERMS: Record<CaseProcedure, { term: string; basis: string; report: string; decision: string }> = {
  DISCIPLINE: { term: '立案审查调查', basis: '《中国共产党纪律检查机关监督执纪工作规则》《中国共产党纪律处分条例》', report: '审查调查报告', decision: '处分决定' },
  ACCOUNTABILITY: { term: '启动问责调查', basis: '《中国共产党问责条例》《中国共产党纪律检查机关监督执纪工作规则》', report: '问责调查报告', decision: '问责决定' },
};
const termsOf = (s: CaseState) => INVESTIGATION_TERMS[documentProcedureOf(s)];

/** The name of a person concerned, or the id where the case no longer lists them. */
const personName = (s: CaseState, personId: string): string => personsOf(s).find((p) => p.personId === personId)?.name ?? personId;

/** One row per person of a report's or a trial's findings. */
const findingRows = (s: CaseState, findings: readonly PersonFinding[]) =>
  findings.map((f) => ({
    personName: personName(s, f.personId),
    responsibilityLevel: RESPONSIBILITY_LEVELS[f.responsibilityLevel].zh,
    leniency: LENIENCY_LEVELS[f.leniency].zh,
    forms: formsText(f.forms) || LENIENCY_LEVELS.EXEMPTED.zh,
  }));

/** The decision of the person a decision document is written for (the first's, for a case of one decision). */
function decisionOf(s: CaseState, person: PersonConcerned | undefined) {
  const decisions = documentDecisionsOf(s);
  return decisions.find((d) => d.personId === person?.personId) ?? decisions[0];
}

/** The note of a 撤销案件 / 不予问责 whose allegation proved untrue: the name is then cleared. */
const untrueNote = (s: CaseState): string => (s.noAccountability?.allegationUntrue ? '经查，反映的问题不实，将依规予以澄清正名。' : '');

/** What a real-name reporter is told of the result: the outcome, never who was decided what. */
function resultText(s: CaseState): string {
  const terms = termsOf(s);
  if (s.noAccountability) {
    const untrue = s.noAccountability.allegationUntrue ? '反映的问题不实，' : '';
    return `经调查，${untrue}本机关已依规作出${s.noAccountability.outcome === 'CASE_WITHDRAWN' ? '撤销案件' : '不予问责'}的决定。`;
  }
  if (s.decision || s.personDecisions?.length) return `经调查核实，本机关已依规依纪依法对有关人员作出${terms.decision}。`;
  if (s.closure) return `经核查，${CLOSURE_KINDS[s.closure.kind].zh}。`;
  return '本机关已依规依纪依法办理。';
}

/** The parts of each kind beyond the heading: only what that document carries. */
type Parts = (s: CaseState, ctx: DocumentContext, person: PersonConcerned | undefined) => DocumentData;
const PARTS: Readonly<Record<DocumentKind, Parts>> = {
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
  CASE_FILING_DECISION: (s) => ({ clueTitle: s.registration.title, investigationTerm: termsOf(s).term, filingBasis: termsOf(s).basis }),
  CASE_FILING_NOTICE: (s) => ({ clueTitle: s.registration.title, investigationTerm: termsOf(s).term }),
  STATEMENT_RECORD: (s, _ctx, person) => {
    const statement = person?.statement;
    const answer = statement?.answer;
    return {
      personTerm: personConcernedTerm(s.stage, s.procedure).zh,
      clueTitle: s.registration.title,
      presentedOn: statement ? chineseDate(statement.presentedAt) : '',
      answeredOn: answer ? chineseDate(answer.receivedAt) : '',
      statement: answer?.summary ?? '',
      signature: answer ? STATEMENT_SIGNATURES[answer.signature].zh : '',
      adopted: answer?.adopted || '未予采纳',
    };
  },
  INVESTIGATION_REPORT: (s) => {
    const pending = s.pendingApproval?.kind === 'INVESTIGATION_REPORT' ? s.pendingApproval : undefined;
    const report = s.report ?? s.decision ?? pending;
    // Each person's findings: the report's, or its single fields as the first person's (a case of one decision).
    const findings: PersonFinding[] =
      (s.report ?? pending)?.findings ??
      (report && 'responsibilityLevel' in report ? [{ personId: personsOf(s)[0].personId, ...report }] : []);
    const first = findings[0];
    return {
      title: termsOf(s).report,
      facts: report?.facts ?? '',
      evidenceCount: String(s.evidence.length),
      evidence: s.evidence.map((e) => ({ seq: String(e.seq), kind: EVIDENCE_KINDS[e.kind].zh, description: e.description })),
      findings: findingRows(s, findings),
      responsibilityLevel: first ? RESPONSIBILITY_LEVELS[first.responsibilityLevel].zh : '',
      leniency: first ? LENIENCY_LEVELS[first.leniency].zh : '',
      forms: first ? formsText(first.forms) || LENIENCY_LEVELS.EXEMPTED.zh : '',
      approvalStatus: approvalStatus(Boolean(s.report || s.decision)),
    };
  },
  TRIAL_REPORT: (s) => {
    const trial = s.trial!;
    const opinion = trial.opinion!;
    return {
      personNames: personsOf(s).map((p) => p.name).join('、'),
      facts: s.report?.facts ?? s.decision?.facts ?? '',
      acceptedOn: trial.acceptedAt ? chineseDate(trial.acceptedAt) : '',
      concludedOn: chineseDate(opinion.at),
      opinion: TRIAL_OPINIONS[opinion.opinion].zh,
      reason: opinion.reason,
      findings: findingRows(s, opinion.findings),
    };
  },
  ACCOUNTABILITY_DECISION: (s, _ctx, person) => {
    const d = decisionOf(s, person);
    // A fault-tolerance mitigation (减责) is the registered subject's.
    const mitigated = s.tolerance?.outcome === 'MITIGATION' && d.personId === personsOf(s)[0].personId;
    return {
      facts: s.report?.facts ?? s.decision!.facts,
      responsibilityLevel: RESPONSIBILITY_LEVELS[d.responsibilityLevel].zh,
      leniency: LENIENCY_LEVELS[d.leniency].zh,
      forms: formsText(d.forms) || LENIENCY_LEVELS.EXEMPTED.zh,
      toleranceNote: mitigated ? `经容错纠错认定，予以${MITIGATION_KINDS[s.tolerance!.mitigation ?? 'LIGHTER'].zh}处理。` : '',
      appealWithin: duration(faultTolerancePolicyOf(s).appealWindow, '1个月'),
      decidedOn: chineseDate(d.decidedAt),
    };
  },
  SANCTION_DECISION: (s, _ctx, person) => {
    const d = decisionOf(s, person);
    // In an accountability inquiry the 处分决定书 imposes the sanctions only (the 问责决定书 states the rest).
    const forms = s.procedure === 'DISCIPLINE' || !d.forms.some((f) => SANCTION_FORMS.includes(f.form)) ? d.forms : d.forms.filter((f) => SANCTION_FORMS.includes(f.form));
    const basis = [
      ...(forms.some((f) => f.form === 'DISCIPLINARY_SANCTION') ? ['《中国共产党纪律处分条例》'] : []),
      ...(forms.some((f) => f.form === 'GOVERNMENT_SANCTION') ? ['《中华人民共和国公职人员政务处分法》'] : []),
    ];
    return {
      facts: s.report?.facts ?? s.decision!.facts,
      responsibilityLevel: RESPONSIBILITY_LEVELS[d.responsibilityLevel].zh,
      leniency: LENIENCY_LEVELS[d.leniency].zh,
      sanctions: sanctionsText(forms) || LENIENCY_LEVELS.EXEMPTED.zh,
      legalBasis: basis.join('') || '《中国共产党纪律检查机关监督执纪工作规则》',
      decidingBodies: d.bodies.map((b) => DECISION_BODIES[b].zh).join('、') || '集体',
      trialNote: s.trial?.opinion ? '经审理，' : '',
      appealWithin: duration(faultTolerancePolicyOf(s).appealWindow, '1个月'),
      decidedOn: chineseDate(d.decidedAt),
    };
  },
  CASE_WITHDRAWAL_DECISION: (s) => {
    const n = s.noAccountability!;
    return {
      clueTitle: s.registration.title,
      investigationTerm: termsOf(s).term,
      reason: n.reason,
      untrueNote: untrueNote(s),
      decidedOn: chineseDate(n.approvedAt),
    };
  },
  NO_ACCOUNTABILITY_DECISION: (s) => {
    const n = s.noAccountability!;
    const grounds = groundsText(n.grounds);
    return {
      clueTitle: s.registration.title,
      reason: n.reason,
      grounds,
      groundsNote: grounds ? `鉴于${s.registration.subject.name}具有${grounds}的情形，` : '',
      untrueNote: untrueNote(s),
      decidedOn: chineseDate(n.approvedAt),
    };
  },
  SERVICE_RECEIPT: (s) => {
    const decisionKind = s.procedure === 'DISCIPLINE' ? 'SANCTION_DECISION' : 'ACCOUNTABILITY_DECISION';
    const decision = s.service
      ? [
          {
            documentTitle: decisionKind === 'SANCTION_DECISION' ? '处分决定' : '问责决定',
            documentNumber: s.documents?.find((d) => d.kind === decisionKind)?.number ?? '',
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
  APPEAL_REVIEW_DECISION: (s, _ctx, person) => {
    const a = appealOf(s, person!.personId)!;
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
  REPORTER_NOTICE: (s, ctx) => {
    const notices = s.reporterNotices ?? [];
    // The result once it is owed or told, else the acceptance.
    const notice = notices.find((n) => n.kind === 'RESULT') ?? notices.find((n) => n.kind === 'ACCEPTANCE')!;
    return {
      addressee: '实名举报人',
      receivedOn: chineseDate(s.registration.receivedAt),
      clueTitle: s.registration.title,
      noticeKind: REPORTER_NOTICES[notice.kind].zh,
      noticeText: notice.kind === 'RESULT' ? resultText(s) : '本机关已依规受理，将依规依纪依法处置。',
      objectionNote: notice.kind === 'RESULT' ? '如对处理结果有异议，可以向本机关提出。' : '',
      method: notice.record ? REPORTER_NOTICE_METHODS[notice.record.method].zh : REPORTER_NOTICE_METHODS.WRITTEN.zh,
      notifiedOn: chineseDate(notice.record?.notifiedAt ?? ctx.issuedAt),
    };
  },
};

/**
 * The data of a document of `kind` from the case: the heading every document has, and what that kind carries. Never
 * the reporter (the case holds no identity; a notice to them is addressed 实名举报人); the official concerned by name,
 * as the documents are about or to them: for a document of one person, the person it is written for (`ctx.personId`).
 */
export function documentData(kind: DocumentKind, state: CaseState, ctx: DocumentContext): DocumentData {
  const person = documentPerson(kind, state, ctx.personId);
  const subject = person ?? state.registration.subject;
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
    ...PARTS[kind](state, ctx, person),
  };
}
