import type { PolicyDuration, TimeLimit } from './deadlines';
import type { LabelledEnum } from './enums';
import type { Label } from './labels';
import type { Stage } from './stages';

/** 容错认定结果 (docs/domain.md §c `FaultToleranceOutcome`). */
export const FAULT_TOLERANCE_OUTCOMES = {
  EXEMPTION: { zh: '免责', en: 'Exemption' },
  MITIGATION: { zh: '减责', en: 'Mitigation' },
  REJECTION: { zh: '不予容错', en: 'Rejection' },
} as const satisfies LabelledEnum<string>;
export type FaultToleranceOutcome = keyof typeof FAULT_TOLERANCE_OUTCOMES;

/** How far a MITIGATION goes (问责条例 art. 18): 从轻 within the usual range, 减轻 below it. */
export const MITIGATION_KINDS = {
  LIGHTER: { zh: '从轻', en: 'Lighter' },
  REDUCED: { zh: '减轻', en: 'Reduced' },
} as const satisfies LabelledEnum<string>;
export type MitigationKind = keyof typeof MITIGATION_KINDS;

/**
 * The three distinctions (三个区分开来, docs/domain.md §d), each a yes/no test answered by the assessor.
 * `true` means the conduct falls on the side that is never tolerated.
 */
export const THREE_DISTINCTIONS = {
  wasDeliberate: {
    zh: '是否明知故犯',
    en: 'Was it a knowing, deliberate violation?',
    tolerable: { zh: '因缺乏经验、先行先试出现的失误', en: 'A mistake from lack of experience while piloting reform' },
    intolerable: { zh: '明知故犯', en: 'A knowing, deliberate violation' },
  },
  wasExplicitlyProhibited: {
    zh: '是否在上级明令禁止后我行我素',
    en: 'Did the official carry on after an explicit ban?',
    tolerable: { zh: '尚无明确限制的探索性试验中的失误', en: 'A mistake in a trial the superior had not restricted' },
    intolerable: { zh: '明令禁止后我行我素', en: 'Carrying on after an explicit ban' },
  },
  soughtPersonalGain: {
    zh: '是否为谋取私利',
    en: 'Was it done to seek private gain?',
    tolerable: { zh: '为推动发展的无意过失', en: 'An unintentional error made to promote development' },
    intolerable: { zh: '为谋取私利的违纪违法行为', en: 'A violation to seek private gain' },
  },
} as const satisfies Record<string, Label & { tolerable: Label; intolerable: Label }>;
export type Distinction = keyof typeof THREE_DISTINCTIONS;
export type DistinctionAnswers = Record<Distinction, boolean>;

/**
 * What each checklist criterion does in the recommendation:
 * ESSENTIAL — no tolerance at all without it; CONDITION — missing it limits tolerance to mitigation;
 * MITIGATING — decides LIGHTER or REDUCED; ALTERNATIVE — a ground for exemption on its own.
 */
export type CriterionRole = 'ESSENTIAL' | 'CONDITION' | 'MITIGATING' | 'ALTERNATIVE';

/** The consolidated checklist of docs/domain.md §d; `true` means the criterion is met. */
export const FAULT_TOLERANCE_CRITERIA = {
  forPublicInterest: { zh: '出于公心，未谋取私利', en: 'Acted for the public interest, not for private gain', role: 'ESSENTIAL' },
  noProhibitionViolated: { zh: '未违反明令禁止性规定', en: 'No explicit prohibition violated', role: 'ESSENTIAL' },
  notDeliberate: { zh: '非主观故意，勤勉尽责', en: 'Not deliberate; duties diligently fulfilled', role: 'ESSENTIAL' },
  followedDecisionProcedure: {
    zh: '决策程序正当（集体决策或紧急处置后及时报告）',
    en: 'Decision procedure followed (collective, or emergency decision reported afterwards)',
    role: 'CONDITION',
  },
  inReformOrExploration: { zh: '属于改革创新、先行先试', en: 'In reform, piloting or exploration', role: 'CONDITION' },
  unclearPolicyBoundary: { zh: '政策界限不明确', en: 'In an area without clear rules', role: 'CONDITION' },
  remedialMeasuresTaken: {
    zh: '积极采取补救措施，挽回损失或消除影响',
    en: 'Remedial measures taken: damage limited, losses recovered',
    role: 'MITIGATING',
  },
  cooperatedWithInquiry: {
    zh: '如实说明情况，积极配合调查，主动承担责任',
    en: 'Truthful and cooperative with the inquiry; accepted responsibility',
    role: 'MITIGATING',
  },
  dissentRecorded: {
    zh: '在集体决策中明确提出反对或保留意见',
    en: 'Objection or reservation to the decision on record',
    role: 'ALTERNATIVE',
  },
  forceMajeureOrUnforeseeable: {
    zh: '已履职但因不可抗力或难以预见的因素造成损失',
    en: 'Duties fulfilled; loss caused by force majeure or the unforeseeable',
    role: 'ALTERNATIVE',
  },
} as const satisfies Record<string, Label & { role: CriterionRole }>;
export type FaultToleranceCriterion = keyof typeof FAULT_TOLERANCE_CRITERIA;
export type ChecklistAnswers = Record<FaultToleranceCriterion, boolean>;

/** The six elements to weigh (激励意见 2018): free-text notes for the record, never scored. */
export const SIX_ELEMENTS = {
  MOTIVE_ATTITUDE: { zh: '动机态度', en: 'Motive and attitude' },
  OBJECTIVE_CONDITIONS: { zh: '客观条件', en: 'Objective conditions' },
  PROCEDURE_METHOD: { zh: '程序方法', en: 'Procedure and method' },
  NATURE_DEGREE: { zh: '性质程度', en: 'Nature and degree' },
  CONSEQUENCES: { zh: '后果影响', en: 'Consequences and impact' },
  LOSS_RECOVERY: { zh: '挽回损失', en: 'Loss recovery' },
} as const satisfies LabelledEnum<string>;
export type SixElement = keyof typeof SIX_ELEMENTS;

/** The substitution test (NHS just-culture guide, docs/domain.md §d "Parallels abroad"). */
export interface SubstitutionTest {
  /** Would a comparable official, in the same situation, have acted the same way? */
  comparableOfficialWouldHaveActedSame: boolean;
  /** A system or organisational cause found (training, supervision, rules), to act on beside the person. */
  systemCause?: string;
}

/** One entry of the negative list (容错负面清单): conduct that is never tolerated. Policy data. */
export interface ExclusionEntry {
  id: string;
  label: Label;
  /** Where the entry comes from (docs/domain.md §d markers). */
  source: string;
  /** The entry is quoted locally but not confirmed against a source text (⚠ in docs/domain.md). */
  unconfirmed?: boolean;
}

/** What the assessor (核实) records. Structured: every test and criterion is answered explicitly. */
export interface FaultToleranceAssessmentAnswers {
  distinctions: DistinctionAnswers;
  checklist: ChecklistAnswers;
  /** The error caused a loss or bad effect, even if later remedied. */
  harmCaused: boolean;
  /** Ids of the policy's negative-list entries that apply to the conduct. */
  exclusionIds: string[];
  substitution: SubstitutionTest;
  elementNotes: Partial<Record<SixElement, string>>;
}

/**
 * The subject's record, computed from their earlier cases by the system, never typed in
 * (初犯 vs 累犯, docs/domain.md §d).
 */
export interface ErrorHistory {
  /** Earlier errors of this official that were tolerated (exempted or mitigated). */
  priorToleratedErrors: number;
  /** Earlier cases in which this official was held accountable. */
  priorAccountabilityCases: number;
}

/** The input of the recommendation: the assessor's answers and the computed history. */
export interface FaultToleranceAssessment extends FaultToleranceAssessmentAnswers {
  history: ErrorHistory;
}

/** Why the recommendation came out as it did; each code has a fixed bilingual label. */
export const RECOMMENDATION_REASONS = {
  DELIBERATE_VIOLATION: { zh: '明知故犯，不予容错', en: 'Knowing, deliberate violation: not tolerated' },
  DEFIED_EXPLICIT_BAN: { zh: '明令禁止后我行我素，不予容错', en: 'Carried on after an explicit ban: not tolerated' },
  SOUGHT_PERSONAL_GAIN: { zh: '谋取私利，不予容错', en: 'Sought private gain: not tolerated' },
  ON_NEGATIVE_LIST: { zh: '属于负面清单情形', en: 'On the negative list' },
  CONDITION_NOT_MET: { zh: '未满足容错条件', en: 'Tolerance condition not met' },
  DISSENT_RECORDED: { zh: '曾明确提出反对或保留意见', en: 'Objection or reservation on record' },
  FORCE_MAJEURE_OR_UNFORESEEABLE: { zh: '不可抗力或难以预见', en: 'Force majeure or the unforeseeable' },
  ALL_CONDITIONS_MET: { zh: '容错条件全部满足', en: 'All tolerance conditions met' },
  NO_HARM: { zh: '未造成损失或不良影响', en: 'No loss or bad effect caused' },
  HARM_CAUSED: { zh: '造成了损失或不良影响', en: 'A loss or bad effect was caused' },
  FIRST_ERROR: { zh: '初次失误', en: 'First error' },
  REPEATED_ERROR: { zh: '非初次失误，不予免责', en: 'Repeated error: no exemption' },
  SUBSTITUTION_TEST_PASSED: {
    zh: '同等情况下的干部也会如此处理',
    en: 'A comparable official would have acted the same',
  },
  SUBSTITUTION_TEST_FAILED: {
    zh: '同等情况下的干部不会如此处理，不予免责',
    en: 'A comparable official would not have acted the same: no exemption',
  },
  REMEDIED_AND_COOPERATED: {
    zh: '积极补救并配合调查，减轻处理',
    en: 'Remedied and cooperated: reduced',
  },
  NOT_REMEDIED_AND_COOPERATED: {
    zh: '未同时积极补救并配合调查，从轻处理',
    en: 'Not both remedied and cooperated: lighter only',
  },
} as const satisfies LabelledEnum<string>;
export type RecommendationReasonCode = keyof typeof RECOMMENDATION_REASONS;

export interface RecommendationReason {
  code: RecommendationReasonCode;
  /** For display; for `ON_NEGATIVE_LIST` and `CONDITION_NOT_MET` it names the entry or criterion. */
  label: Label;
  /** The negative-list entry id or checklist criterion the reason is about, when there is one. */
  ref?: string;
}

/** The recommended outcome, with every reason that produced it, in the order the rules applied. */
export interface FaultToleranceRecommendation {
  outcome: FaultToleranceOutcome;
  /** Present exactly when `outcome` is MITIGATION. */
  mitigation?: MitigationKind;
  reasons: RecommendationReason[];
}

/** A determining supervisor's vote (认定). */
export interface DeterminationVote {
  voterId: string;
  outcome: FaultToleranceOutcome;
  /** Required with MITIGATION, absent otherwise. */
  mitigation?: MitigationKind;
  /** Required (written) when the vote departs from the recommendation. */
  reason?: string;
}

/** Severity of a correction item (纠错整改), which sets its default due date. */
export const CORRECTION_SEVERITIES = {
  LOW: { zh: '一般', en: 'Low' },
  MEDIUM: { zh: '较重', en: 'Medium' },
  HIGH: { zh: '严重', en: 'High' },
} as const satisfies LabelledEnum<string>;
export type CorrectionSeverity = keyof typeof CORRECTION_SEVERITIES;

/** The steps of a review that run against a clock (docs/domain.md §e rows 22–25): 受理, 核实, 认定, 反馈. */
export const REVIEW_CLOCK_STEPS = {
  ACCEPT: { zh: '受理容错申请', en: 'Accepting the application' },
  VERIFY: { zh: '核实容错申请', en: 'Verifying the application' },
  DETERMINE: { zh: '容错认定', en: 'Determining tolerance' },
  NOTIFY: { zh: '反馈认定结果', en: 'Notifying the applicant' },
} as const satisfies LabelledEnum<string>;
export type ReviewClockStep = keyof typeof REVIEW_CLOCK_STEPS;

/** Fault-tolerance policy data (docs/domain.md §e rows 17, 21–26, 29); a review pins the version it started with. */
export interface FaultTolerancePolicy {
  version: string;
  /** Agreeing supervisor votes needed to determine an outcome. */
  determinationQuorum: number;
  /** The negative list. */
  exclusions: readonly ExclusionEntry[];
  /** Default due date of a correction item, in calendar days from the plan's opening. */
  correctionDueDays: Readonly<Record<CorrectionSeverity, number>>;
  /** How long after service the subject may appeal. */
  appealWindow: PolicyDuration;
  /** Follow-up visits, in months after the decision or clearing (plus the impact period's end). */
  followUpVisitMonths: readonly number[];
  applicationWindow: {
    /** Stages in which an application is accepted: from the start of accountability to the decision. */
    openStages: readonly Stage[];
    /** An optional extra limit counted from the subject being notified of the inquiry. */
    withinOfNotice: TimeLimit | null;
  };
  /**
   * The time limit of each review step (§e rows 22–25), counted on the case's calendar: ACCEPT from the application,
   * VERIFY from its acceptance, DETERMINE from the assessment (the verification report), NOTIFY from the
   * determination. A step without a limit (or a policy pinned before review clocks) runs no clock.
   */
  stepLimits?: Partial<Record<ReviewClockStep, PolicyDuration>>;
  /**
   * How far a supervisor's approval may extend the running verification clock, once (§e row 23: 20 WD, +10 WD on
   * approval), in the unit of `stepLimits.VERIFY`. Without it (a policy pinned before the extension) none is granted.
   */
  verifyExtension?: PolicyDuration;
}
