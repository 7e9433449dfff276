import type { Role } from './roles';
import type { CaseDeadline } from './deadlines';
import type { LabelledEnum } from './enums';

/**
 * Who may let an intake officer see a real-name reporter's identity (保密责任人), and for how long: part of the
 * policy a case pins. A custodian is named (a user id) or holds one of the roles listed; neither given, nobody.
 */
export interface ReporterIdentityPolicy {
  custodianUserIds: string[];
  custodianRoles: Role[];
  /** How long an approved request lets its officer see the identity, from the approval. */
  revealSeconds: number;
}

export type RevealRequestStatus = 'PENDING' | 'APPROVED' | 'REFUSED';

/** An intake officer's request to see the reporter's identity (申请查看举报人信息), as the case keeps it. */
export interface ReporterRevealRequest {
  /** 1, 2, … in the order requested on the case. */
  seq: number;
  requestedBy: string;
  requestedByName: string;
  requestedAt: string;
  reason: string;
  status: RevealRequestStatus;
  decidedBy?: string;
  decidedByName?: string;
  decidedAt?: string;
  decisionReason?: string;
  /** Set on approval: the identity may be shown to the requester until then. */
  expiresAt?: string;
}

/** The actions of a reveal, as case actions: asked by an intake officer, decided by a custodian. */
export const REPORTER_IDENTITY_ACTIONS = ['requestReporterIdentity', 'approveReporterIdentity', 'refuseReporterIdentity'] as const;
export type ReporterIdentityActionName = (typeof REPORTER_IDENTITY_ACTIONS)[number];

/** What a real-name reporter is told, each within 15 working days (检举控告工作规则): of the receipt, of the conclusion. */
export const REPORTER_NOTICES = {
  ACCEPTANCE: { zh: '受理情况告知', en: 'Acceptance notice' },
  RESULT: { zh: '处理结果告知', en: 'Result notice' },
} as const satisfies LabelledEnum<string>;
export type ReporterNoticeKind = keyof typeof REPORTER_NOTICES;

export const REPORTER_NOTICE_METHODS = {
  PHONE: { zh: '电话告知', en: 'By phone' },
  WRITTEN: { zh: '书面告知', en: 'In writing' },
  IN_PERSON: { zh: '当面告知', en: 'In person' },
  ONLINE: { zh: '网络平台告知', en: 'On the reporting platform' },
} as const satisfies LabelledEnum<string>;
export type ReporterNoticeMethod = keyof typeof REPORTER_NOTICE_METHODS;

/** A notice owed to a real-name reporter: its clock while it is owed, then how it was given (never who the reporter is). */
export interface ReporterNotice {
  kind: ReporterNoticeKind;
  deadline: CaseDeadline;
  /** `objection`: the reporter's objection to the result (对处理结果有异议), when they raised one on being told. */
  record?: { method: ReporterNoticeMethod; notifiedAt: string; note: string; objection?: string; by: string };
}
