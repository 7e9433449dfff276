import type { Label } from './labels';
import type { LabelledEnum } from './enums';
import type { AccountabilityFormChoice, LeniencyGround, LeniencyLevel, ResponsibilityLevel } from './enums';
import type { CaseDeadline } from './deadlines';
import { STAGE_LABELS, type Stage } from './stages';

/**
 * The two procedures a verified clue may lead to (docs/domain.md "Two procedures"): an accountability inquiry under
 * 问责条例 2019, or a discipline case under 监督执纪工作规则, whose file goes through 审理 before the decision.
 */
export const CASE_PROCEDURES = {
  ACCOUNTABILITY: { zh: '问责', en: 'Accountability' },
  DISCIPLINE: { zh: '纪律审查', en: 'Discipline case' },
} as const satisfies LabelledEnum<string>;
export type CaseProcedure = keyof typeof CASE_PROCEDURES;

/** Stage names that follow the procedure: an investigation is 问责调查 or 审查调查, its decision 问责决定 or 处分决定. */
export const PROCEDURE_STAGE_LABELS: Readonly<Record<CaseProcedure, Partial<Record<Stage, Label>>>> = {
  ACCOUNTABILITY: {
    INVESTIGATION: { zh: '问责调查', en: 'Accountability inquiry' },
    DECIDED: { zh: '已作出问责决定', en: 'Accountability decided' },
  },
  DISCIPLINE: {
    INVESTIGATION: { zh: '立案审查调查', en: 'Case investigation' },
    DECIDED: { zh: '已作出处分决定', en: 'Sanction decided' },
  },
};

/** A stage as the case's procedure names it (the plain stage label for a case without one). */
export function stageLabelOf(stage: Stage, procedure: CaseProcedure | undefined): Label {
  return (procedure && PROCEDURE_STAGE_LABELS[procedure][stage]) || STAGE_LABELS[stage];
}

/**
 * What the person concerned is called at each point: 被反映人 while the matter is a clue; once it is filed, 被审查调查人 in
 * a discipline case and 被问责人 in an accountability procedure (before a procedure was recorded, 被问责干部).
 */
export function personConcernedTerm(stage: Stage, procedure: CaseProcedure | undefined): Label {
  if (['INTAKE', 'DISPOSITION', 'INQUIRY', 'VERIFICATION', 'SHELVED'].includes(stage)) return { zh: '被反映人', en: 'Person reported' };
  if (procedure === 'DISCIPLINE') return { zh: '被审查调查人', en: 'Person under investigation' };
  if (procedure === 'ACCOUNTABILITY') return { zh: '被问责人', en: 'Person held to account' };
  return { zh: '被问责干部', en: 'Official concerned' };
}

/** An individual (a leading cadre or other official) or an organisation (a party organisation, a leading group). */
export const PERSON_KINDS = {
  INDIVIDUAL: { zh: '个人', en: 'Individual' },
  ORGANISATION: { zh: '党组织', en: 'Organisation' },
} as const satisfies LabelledEnum<string>;
export type PersonKind = keyof typeof PERSON_KINDS;

/** Whether the person signed the record of their statement (陈述申辩), or refused (the refusal is noted). */
export const STATEMENT_SIGNATURES = {
  SIGNED: { zh: '本人签字确认', en: 'Signed' },
  REFUSED_TO_SIGN: { zh: '拒绝签字（已注明）', en: 'Refused to sign (noted)' },
} as const satisfies LabelledEnum<string>;
export type StatementSignature = keyof typeof STATEMENT_SIGNATURES;

/** 审理意见: agree with the investigation's findings, propose other handling, or return it for further investigation. */
export const TRIAL_OPINIONS = {
  AGREE: { zh: '同意审查调查部门意见', en: 'Agree with the investigation' },
  VARY: { zh: '提出不同处理意见', en: 'Propose other handling' },
  RETURN_FOR_INVESTIGATION: { zh: '退回补充调查', en: 'Return for further investigation' },
} as const satisfies LabelledEnum<string>;
export type TrialOpinion = keyof typeof TRIAL_OPINIONS;

/** The collective bodies that decide (集体决定): which one decides which form is policy data (`decisionRules`). */
export const DECISION_BODIES = {
  COMMISSION_STANDING_COMMITTEE: { zh: '纪委常委会会议', en: 'Standing committee of the commission' },
  SUPERVISORY_COMMISSION: { zh: '监委委务会议', en: 'Supervisory commission meeting' },
  PARTY_COMMITTEE: { zh: '党委（党组）会议', en: 'Party committee (group) meeting' },
  ORGANISATION_DEPARTMENT: { zh: '组织部部务会议', en: 'Organisation department meeting' },
} as const satisfies LabelledEnum<string>;
export type DecisionBody = keyof typeof DECISION_BODIES;

export const VOTE_CHOICES = {
  FOR: { zh: '同意', en: 'For' },
  AGAINST: { zh: '不同意', en: 'Against' },
  ABSTAIN: { zh: '弃权', en: 'Abstain' },
} as const satisfies LabelledEnum<string>;
export type VoteChoice = keyof typeof VOTE_CHOICES;

/** Who may not vote in a collective decision on the case (besides the persons concerned, who never do). */
export const VOTE_EXCLUSIONS = {
  RECUSED: { zh: '回避人员', en: 'Recused members' },
  INVESTIGATORS: { zh: '参与调查人员', en: 'Members who investigated the case' },
  TRIAL_REVIEWERS: { zh: '审理人员', en: 'Members who reviewed the case (审理)' },
} as const satisfies LabelledEnum<string>;
export type VoteExclusion = keyof typeof VOTE_EXCLUSIONS;

/** Who decides one form (or a form's subtype), as a locality's policy has it. */
export interface DecisionRule {
  body: DecisionBody;
  /** The form goes through 审理 before it is decided (党纪处分, 政务处分), whatever the procedure. */
  trial: boolean;
  /** The investigating body proposes it to the deciding body (组织处理 to the organisation department). */
  proposed: boolean;
}

/** How a collective body decides: how many members must be present and agree, and who may not vote. */
export interface CollectiveDecisionPolicy {
  /** More than this share of the body's members must be present (过半数到会). */
  presentMoreThan: number;
  /** More than this share of the body's members must vote for (应到会成员过半数同意). */
  agreeMoreThan: number;
  mayNotVote: VoteExclusion[];
}

/** Who decides what (谁决定什么): the rule of each form, keyed by form or `FORM/SUBTYPE` (the subtype's rule first). */
export interface DecisionPolicy {
  rules: Readonly<Record<string, DecisionRule>>;
  collective: CollectiveDecisionPolicy;
}

/** One person or organisation the case concerns; the registration's subject is the first (`P1`). */
export interface PersonConcerned {
  personId: string;
  kind: PersonKind;
  name: string;
  position: string;
  orgUnitId: string;
  /** Their own user account, when they have one (they are recused, and see their case once told). */
  userId?: string;
  /** A public official (公职人员), to whom 政务处分 may apply. */
  publicOfficial?: boolean;
  addedBy: string;
  addedAt: string;
  /** 事实材料见面 and 陈述申辩: when the facts were shown, the clock of the answer, and the answer once recorded. */
  statement?: PersonStatement;
}

export interface PersonStatement {
  presentedAt: string;
  presentedBy: string;
  /** The answer's clock (stepLimits.STATEMENT); absent when the case keeps none, and then the answer is awaited. */
  deadline?: CaseDeadline;
  answer?: {
    receivedAt: string;
    /** What they said; "无异议" when they raised nothing. */
    summary: string;
    signature: StatementSignature;
    adopted?: string;
    recordedBy: string;
  };
}

/** What the report (or the 审理) proposes for one person: their responsibility, forms and leniency. */
export interface PersonFinding {
  personId: string;
  responsibilityLevel: ResponsibilityLevel;
  forms: AccountabilityFormChoice[];
  leniency: LeniencyLevel;
  grounds?: LeniencyGround[];
}

/** 审理: accepted by a trial officer who took no part in the investigation, concluded within its stage clock. */
export interface TrialReview {
  reviewerId?: string;
  acceptedAt?: string;
  opinion?: { opinion: TrialOpinion; findings: PersonFinding[]; reason: string; at: string };
}

export interface CollectiveVote {
  memberId: string;
  vote: VoteChoice;
  /** Required with AGAINST: the dissent is recorded. */
  opinion?: string;
}

/** One meeting of a collective body on the case: who voted how, and what it decided when the vote carried. */
export interface CollectiveDecisionRecord {
  body: DecisionBody;
  meetingAt: string;
  /** 应到会成员: the body's members, present or not. */
  memberCount: number;
  votes: CollectiveVote[];
  carried: boolean;
  /** What the meeting decided for each person when it decided otherwise than proposed (only forms its body decides). */
  findings?: PersonFinding[];
  minutes: string;
  recordedBy: string;
}

/** One person's decision once every body concerned has decided: what the register of effects is built from. */
export interface PersonDecision extends PersonFinding {
  decidedAt: string;
  bodies: DecisionBody[];
}

/** The announcement (宣布) of a discipline decision to the person and their party organisation, on its clock. */
export interface DecisionAnnouncement {
  deadline?: CaseDeadline;
  announcedAt?: string;
  to?: string;
  recordedBy?: string;
}

/** The formalities of an organisational measure or a heavy sanction (职务、待遇调整), on their clock. */
export interface MeasureExecution {
  personId: string;
  deadline?: CaseDeadline;
  completedAt?: string;
  note?: string;
  recordedBy?: string;
}

/** The registered subject's id among the persons concerned (the others are P2, P3, … as they are added). */
export const FIRST_PERSON = 'P1';
