import type { Role } from './roles';

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
