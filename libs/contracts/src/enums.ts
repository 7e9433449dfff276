import type { Label } from './labels';

/** A closed set of identifiers with bilingual labels, in display order. */
export type LabelledEnum<T extends string> = Readonly<Record<T, Label>>;

export function enumValues<T extends string>(e: LabelledEnum<T>): T[] {
  return Object.keys(e) as T[];
}

/** The eight supervision channels (docs/domain.md stage 1). */
export const SUPERVISION_CHANNELS = {
  PARTY_INTERNAL: { zh: '党内监督', en: 'Party-internal supervision' },
  PEOPLES_CONGRESS: { zh: '人大监督', en: "People's congress supervision" },
  DEMOCRATIC: { zh: '民主监督', en: 'Democratic supervision' },
  ADMINISTRATIVE: { zh: '行政监督', en: 'Administrative supervision' },
  JUDICIAL: { zh: '司法监督', en: 'Judicial supervision' },
  AUDIT: { zh: '审计监督', en: 'Audit supervision' },
  PUBLIC: { zh: '社会监督', en: 'Public supervision' },
  MEDIA: { zh: '舆论监督', en: 'Media supervision' },
} as const satisfies LabelledEnum<string>;
export type SupervisionChannel = keyof typeof SUPERVISION_CHANNELS;

export const INTAKE_METHODS = {
  LETTER: { zh: '来信', en: 'Letter' },
  VISIT: { zh: '来访', en: 'Visit' },
  PHONE: { zh: '电话', en: 'Phone' },
  ONLINE: { zh: '网络举报', en: 'Online' },
  HOTLINE_12345: { zh: '12345热线', en: '12345 hotline' },
  INSPECTION_TOUR: { zh: '巡视巡察移交', en: 'Inspection tour' },
  AUDIT_TRANSFER: { zh: '审计移送', en: 'Audit transfer' },
  JUDICIAL_TRANSFER: { zh: '司法机关移送', en: 'Judicial transfer' },
  MEDIA: { zh: '媒体曝光', en: 'Media exposure' },
  SUPERIOR_ASSIGNED: { zh: '上级交办', en: 'Assigned by superior' },
  FOUND_IN_SUPERVISION: { zh: '监督检查发现', en: 'Found in supervision' },
  SELF_SURRENDER: { zh: '主动交代', en: 'Self-surrender' },
} as const satisfies LabelledEnum<string>;
export type IntakeMethod = keyof typeof INTAKE_METHODS;

export const CLUE_DISPOSITIONS = {
  TALK_OR_LETTER_INQUIRY: { zh: '谈话函询', en: 'Talk or letter inquiry' },
  PRELIMINARY_VERIFICATION: { zh: '初步核实', en: 'Preliminary verification' },
  SHELVE_PENDING: { zh: '暂存待查', en: 'Shelve pending' },
  CLOSE: { zh: '予以了结', en: 'Close' },
} as const satisfies LabelledEnum<string>;
export type ClueDisposition = keyof typeof CLUE_DISPOSITIONS;

/**
 * What an inquiry concludes. REPEAT_OR_VERIFY is the one outcome recorded before conclusions were proposed and
 * approved; a conclusion now says which: another round (REPEAT_INQUIRY) or verification (VERIFY).
 */
export const INQUIRY_OUTCOMES = {
  ACCEPT_EXPLANATION_AND_CLOSE: { zh: '采信了结', en: 'Explanation accepted, closed' },
  LIGHT_HANDLING: { zh: '予以谈话提醒等处理', en: 'Light handling' },
  REPEAT_INQUIRY: { zh: '再次谈话函询', en: 'Another inquiry' },
  VERIFY: { zh: '转初步核实', en: 'Preliminary verification' },
  REPEAT_OR_VERIFY: { zh: '再次谈话函询或初步核实', en: 'Repeat inquiry or verify' },
} as const satisfies LabelledEnum<string>;

/** 谈话 (a talk, by a leader of the commission or entrusted) or 函询 (a letter answered in writing). */
export const INQUIRY_MODES = {
  TALK: { zh: '谈话', en: 'Talk' },
  LETTER: { zh: '函询', en: 'Letter' },
} as const satisfies LabelledEnum<string>;
export type InquiryMode = keyof typeof INQUIRY_MODES;
export type InquiryOutcome = keyof typeof INQUIRY_OUTCOMES;

/** The "first form" light measures (监察法 art. 52(1)). */
export const LIGHT_MEASURES = {
  REMINDER_TALK: { zh: '谈话提醒', en: 'Reminder talk' },
  CRITICAL_EDUCATION: { zh: '批评教育', en: 'Critical education' },
  ORDERED_SELF_EXAMINATION: { zh: '责令检查', en: 'Ordered self-examination' },
  ADMONISHMENT: { zh: '诫勉', en: 'Admonishment' },
} as const satisfies LabelledEnum<string>;
export type LightMeasure = keyof typeof LIGHT_MEASURES;

/** What a preliminary verification may conclude (docs/domain.md stage 2b): case filing or one of the ways a clue ends or waits. */
export const VERIFICATION_FINDINGS = {
  PROPOSE_CASE_FILING: { zh: '拟立案审查调查', en: 'Propose case filing (discipline case)' },
  PROPOSE_ACCOUNTABILITY: { zh: '拟启动问责调查', en: 'Propose an accountability inquiry' },
  CLOSE: { zh: '予以了结', en: 'Close' },
  UNTRUE: { zh: '反映不实', en: 'Allegation untrue' },
  REMINDER_TALK: { zh: '谈话提醒', en: 'Reminder talk, then close' },
  SHELVE_PENDING: { zh: '暂存待查', en: 'Shelve pending' },
  REFER_TO_PARTY_ORG: { zh: '移交有关党组织处理', en: 'Refer to the party organisation concerned' },
} as const satisfies LabelledEnum<string>;
export type VerificationFinding = keyof typeof VERIFICATION_FINDINGS;

/** 问责方式 (问责条例 2019 art. 8), in order of severity within each target. */
export const ACCOUNTABILITY_FORMS = {
  INSPECTION: { zh: '检查', en: 'Inspection (organisation)' },
  CIRCULATED_NOTICE: { zh: '通报（组织）', en: 'Circulated notice (organisation)' },
  REORGANIZATION: { zh: '改组', en: 'Reorganisation' },
  CIRCULATED_CRITICISM: { zh: '通报（个人）', en: 'Circulated criticism' },
  ADMONISHMENT: { zh: '诫勉', en: 'Admonishment' },
  ORGANIZATIONAL_MEASURE: { zh: '组织调整或者组织处理', en: 'Organisational measure' },
  DISCIPLINARY_SANCTION: { zh: '纪律处分', en: 'Disciplinary sanction' },
  GOVERNMENT_SANCTION: { zh: '政务处分', en: 'Government sanction' },
} as const satisfies LabelledEnum<string>;
export type AccountabilityForm = keyof typeof ACCOUNTABILITY_FORMS;

export const ORGANIZATIONAL_MEASURES = {
  SUSPENSION_FOR_INSPECTION: { zh: '停职检查', en: 'Suspension for inspection' },
  POSITION_ADJUSTMENT: { zh: '调整职务', en: 'Position adjustment' },
  ORDERED_RESIGNATION: { zh: '责令辞职', en: 'Ordered resignation' },
  REMOVAL: { zh: '免职', en: 'Removal' },
  DEMOTION: { zh: '降职', en: 'Demotion' },
} as const satisfies LabelledEnum<string>;
export type OrganizationalMeasure = keyof typeof ORGANIZATIONAL_MEASURES;

export const PARTY_SANCTIONS = {
  WARNING: { zh: '警告', en: 'Warning' },
  SERIOUS_WARNING: { zh: '严重警告', en: 'Serious warning' },
  REMOVAL_FROM_PARTY_POST: { zh: '撤销党内职务', en: 'Removal from party post' },
  PROBATION_1Y: { zh: '留党察看一年', en: 'Probation, 1 year' },
  PROBATION_2Y: { zh: '留党察看二年', en: 'Probation, 2 years' },
  EXPULSION: { zh: '开除党籍', en: 'Expulsion' },
} as const satisfies LabelledEnum<string>;
export type PartySanction = keyof typeof PARTY_SANCTIONS;

/** 政务处分 (政务处分法 art. 7), for public officials. */
export const GOVERNMENT_SANCTIONS = {
  WARNING: { zh: '警告', en: 'Warning' },
  DEMERIT: { zh: '记过', en: 'Demerit' },
  MAJOR_DEMERIT: { zh: '记大过', en: 'Major demerit' },
  GRADE_DEMOTION: { zh: '降级', en: 'Grade demotion' },
  DISMISSAL_FROM_POST: { zh: '撤职', en: 'Dismissal from post' },
  EXPULSION: { zh: '开除', en: 'Expulsion' },
} as const satisfies LabelledEnum<string>;
export type GovernmentSanction = keyof typeof GOVERNMENT_SANCTIONS;

/** The forms that apply to an organisation (问责条例 art. 8); every other form applies to an individual. */
export const ORGANISATION_FORMS: readonly AccountabilityForm[] = ['INSPECTION', 'CIRCULATED_NOTICE', 'REORGANIZATION'];

/** Forms that need a subtype, and the subtypes each allows. */
export const ACCOUNTABILITY_FORM_SUBTYPES: Partial<Record<AccountabilityForm, LabelledEnum<string>>> = {
  ORGANIZATIONAL_MEASURE: ORGANIZATIONAL_MEASURES,
  DISCIPLINARY_SANCTION: PARTY_SANCTIONS,
  GOVERNMENT_SANCTION: GOVERNMENT_SANCTIONS,
};

export interface AccountabilityFormChoice {
  form: AccountabilityForm;
  subtype?: string;
}

export const RESPONSIBILITY_LEVELS = {
  OVERALL_LEADERSHIP: { zh: '全面领导责任', en: 'Overall leadership responsibility' },
  PRINCIPAL_LEADERSHIP: { zh: '主要领导责任', en: 'Principal leadership responsibility' },
  IMPORTANT_LEADERSHIP: { zh: '重要领导责任', en: 'Important leadership responsibility' },
  DIRECT: { zh: '直接责任', en: 'Direct responsibility' },
} as const satisfies LabelledEnum<string>;
export type ResponsibilityLevel = keyof typeof RESPONSIBILITY_LEVELS;

export const LENIENCY_LEVELS = {
  NORMAL: { zh: '一般', en: 'Normal' },
  LIGHTER: { zh: '从轻', en: 'Lighter' },
  REDUCED: { zh: '减轻', en: 'Reduced' },
  HEAVIER: { zh: '从重', en: 'Heavier' },
  AGGRAVATED: { zh: '加重', en: 'Aggravated' },
  EXEMPTED: { zh: '免予问责', en: 'Exempted' },
} as const satisfies LabelledEnum<string>;
export type LeniencyLevel = keyof typeof LENIENCY_LEVELS;

export const SERVICE_METHODS = {
  IN_PERSON: { zh: '直接送达', en: 'In person' },
  ANNOUNCED_AT_MEETING: { zh: '会议宣布', en: 'Announced at a meeting' },
  BY_POST: { zh: '邮寄送达', en: 'By post' },
  VIA_ORGANIZATION: { zh: '委托所在组织送达', en: 'Via the party organisation' },
} as const satisfies LabelledEnum<string>;
export type ServiceMethod = keyof typeof SERVICE_METHODS;

export const EVIDENCE_KINDS = {
  DOCUMENT: { zh: '书证', en: 'Document' },
  TESTIMONY: { zh: '证人证言', en: 'Testimony' },
  STATEMENT: { zh: '被调查人陈述', en: "Subject's statement" },
  ELECTRONIC_DATA: { zh: '电子数据', en: 'Electronic data' },
  AUDIO_VISUAL: { zh: '视听资料', en: 'Audio-visual material' },
  PHYSICAL: { zh: '物证', en: 'Physical evidence' },
  EXPERT_OPINION: { zh: '鉴定意见', en: 'Expert opinion' },
  INSPECTION_RECORD: { zh: '勘验检查笔录', en: 'Inspection record' },
} as const satisfies LabelledEnum<string>;
export type EvidenceKind = keyof typeof EVIDENCE_KINDS;

/** Why a case ended in CLOSED. */
export const CLOSURE_KINDS = {
  TRANSFERRED: { zh: '已转送', en: 'Transferred' },
  DISPOSITION_CLOSED: { zh: '处置了结', en: 'Closed at disposition' },
  INQUIRY_CLOSED: { zh: '函询了结', en: 'Closed after inquiry' },
  VERIFICATION_CLOSED: { zh: '初核了结', en: 'Closed after verification' },
  UNTRUE: { zh: '反映不实', en: 'Allegation untrue' },
  REMINDED: { zh: '谈话提醒后了结', en: 'Closed after a reminder talk' },
  REFERRED: { zh: '移交有关党组织', en: 'Referred to the party organisation' },
  SHELVED_CLOSED: { zh: '暂存线索了结', en: 'Shelved clue closed' },
  EXEMPTED: { zh: '容错免责', en: 'Exempted (fault tolerance)' },
  CASE_WITHDRAWN: { zh: '撤销案件', en: 'Case withdrawn' },
  NOT_HELD_ACCOUNTABLE: { zh: '不予问责', en: 'Not held accountable' },
  DECISION_FINAL: { zh: '问责决定生效', en: 'Decision final' },
  DECISION_CORRECTED: { zh: '原决定撤销（纠正）', en: 'Decision revoked (corrected)' },
} as const satisfies LabelledEnum<string>;
export type ClosureKind = keyof typeof CLOSURE_KINDS;

/** 暂存待查 review (定期清理): what the periodic review of a shelved clue proposes. */
export const SHELVED_REVIEW_DECISIONS = {
  KEEP: { zh: '继续暂存', en: 'Keep shelved' },
  REOPEN: { zh: '重新处置', en: 'Reopen for disposition' },
  CLOSE: { zh: '予以了结', en: 'Close' },
} as const satisfies LabelledEnum<string>;
export type ShelvedReviewDecision = keyof typeof SHELVED_REVIEW_DECISIONS;

/**
 * How an investigation that holds nobody accountable ends, without a decision to serve or appeal: 撤销案件 when no
 * violation is found (监察法 art. 52), 不予问责 when the grounds of 问责条例 art. 17 apply. 免予问责 is different: the
 * responsibility is found and the decision exempts it (leniency EXEMPTED of an investigation report).
 */
export const NO_ACCOUNTABILITY_OUTCOMES = {
  CASE_WITHDRAWN: { zh: '撤销案件', en: 'Withdraw the case' },
  NOT_HELD_ACCOUNTABLE: { zh: '不予问责', en: 'Not held accountable' },
} as const satisfies LabelledEnum<string>;
export type NoAccountabilityOutcome = keyof typeof NO_ACCOUNTABILITY_OUTCOMES;

/**
 * The grounds of leniency and severity in 问责条例 2019: art. 17 (不予或者免予问责), art. 18 (从轻或者减轻), art. 19
 * (从重或者加重). Each value names its article, so a report's grounds must fit its leniency.
 */
export const LENIENCY_GROUNDS = {
  REFORM_EXPLORATION: { zh: '改革创新、探索试验中因缺乏经验、先行先试出现失误', en: 'Error while piloting reforms or in exploratory trials (art. 17)' },
  OBJECTED_IN_COLLECTIVE_DECISION: { zh: '在集体决策中明确提出不同意见', en: 'Stated a clear objection in the collective decision (art. 17)' },
  FORCE_MAJEURE: { zh: '履职尽责但因不可抗力等难以预见因素造成损失', en: 'Duties fulfilled; loss from force majeure or the unforeseeable (art. 17)' },
  PROPOSED_CORRECTING_SUPERIOR: { zh: '提出纠正上级错误决定的意见未被采纳', en: "Proposed correcting a superior's wrong decision and was overruled (art. 17)" },
  TIMELY_REMEDY: { zh: '及时采取补救措施，挽回损失或者消除不良影响', en: 'Timely remedy that recovered losses or removed the harm (art. 18)' },
  ACTIVE_COOPERATION: { zh: '积极配合问责调查，主动承担责任', en: 'Cooperated actively and took responsibility (art. 18)' },
  OTHER_LIGHTER: { zh: '党内法规规定的其他从轻、减轻情形', en: 'Other lighter grounds in party rules (art. 18)' },
  IGNORED_REPEATED_ORDERS: { zh: '对党中央、上级党组织三令五申的指示要求不执行或者执行不力', en: 'Ignored repeated orders of the Centre or superiors (art. 19)' },
  OBSTRUCTED_INQUIRY: { zh: '在问责调查中对抗组织审查，弄虚作假、推卸责任', en: 'Lied, shirked or obstructed the inquiry (art. 19)' },
  OTHER_HEAVIER: { zh: '党内法规规定的其他从重、加重情形', en: 'Other heavier grounds in party rules (art. 19)' },
} as const satisfies LabelledEnum<string>;
export type LeniencyGround = keyof typeof LENIENCY_GROUNDS;

/** The article of 问责条例 2019 each ground belongs to. */
export const LENIENCY_GROUND_ARTICLE: Readonly<Record<LeniencyGround, 17 | 18 | 19>> = {
  REFORM_EXPLORATION: 17,
  OBJECTED_IN_COLLECTIVE_DECISION: 17,
  FORCE_MAJEURE: 17,
  PROPOSED_CORRECTING_SUPERIOR: 17,
  TIMELY_REMEDY: 18,
  ACTIVE_COOPERATION: 18,
  OTHER_LIGHTER: 18,
  IGNORED_REPEATED_ORDERS: 19,
  OBSTRUCTED_INQUIRY: 19,
  OTHER_HEAVIER: 19,
};
