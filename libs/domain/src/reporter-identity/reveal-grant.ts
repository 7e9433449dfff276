import type { Actor, CaseState, ReporterRevealRequest, ReporterView, RevealRequestView, Role } from '@dandang/contracts';
import { forbidden } from '../errors';
import { isCustodian, reporterIdentityPolicyOf } from './policy';

const inForce = (r: ReporterRevealRequest, now: Date): boolean => r.status === 'APPROVED' && r.expiresAt !== undefined && now < new Date(r.expiresAt);

/** The approved request under which `userId` may see the reporter now, if any. */
export function revealGrant(state: Pick<CaseState, 'reporterReveals'>, userId: string, now: Date): ReporterRevealRequest | undefined {
  return (state.reporterReveals ?? []).find((r) => r.requestedBy === userId && inForce(r, now));
}

/**
 * Throws unless `viewer` may be shown the reporter's identity now: only under their own approved request, while it
 * is in force. The caller has made sure they may see the case (else 404).
 */
export function assertMayReveal(state: CaseState, viewer: Pick<Actor, 'userId'>, now: Date): ReporterRevealRequest {
  const grant = revealGrant(state, viewer.userId, now);
  if (grant) return grant;
  const approved = (state.reporterReveals ?? []).some((r) => r.requestedBy === viewer.userId && r.status === 'APPROVED');
  throw approved
    ? forbidden('REVEAL_EXPIRED', '查看期限已过，请重新申请 (the time to see the reporter is over; ask again)')
    : forbidden('NO_REVEAL_GRANT', '查看举报人信息须经保密责任人批准 (seeing the reporter needs a custodian\'s approval)');
}

/** A request as an answer shows it: an approval whose time is over reads EXPIRED. */
export const revealRequestView = (r: ReporterRevealRequest, now: Date): RevealRequestView =>
  r.status === 'APPROVED' && !inForce(r, now) ? { ...r, status: 'EXPIRED' } : { ...r };

/** The requests waiting for `actor`'s decision: none unless a custodian, and never their own. */
export function revealsAwaiting(state: CaseState, actor: { userId: string; roles: readonly Role[] }): ReporterRevealRequest[] {
  if (!isCustodian(reporterIdentityPolicyOf(state), actor)) return [];
  return (state.reporterReveals ?? []).filter((r) => r.status === 'PENDING' && r.requestedBy !== actor.userId);
}

/** What a staff case view says of the reporter: a real-name report or not, and the viewer's part in a reveal. */
export function reporterViewFor(state: CaseState, viewer: { userId: string; roles: readonly Role[] }, now: Date): ReporterView {
  const own = (state.reporterReveals ?? []).filter((r) => r.requestedBy === viewer.userId);
  const latest = own[own.length - 1];
  return {
    anonymous: state.registration.anonymousReport,
    myRequest: latest ? revealRequestView(latest, now) : null,
    awaitingMe: revealsAwaiting(state, viewer).map((r) => revealRequestView(r, now)),
  };
}
