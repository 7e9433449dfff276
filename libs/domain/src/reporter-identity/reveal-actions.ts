import type { Actor, CaseState, ReporterIdentityActionName, ReporterRevealRequest } from '@dandang/contracts';
import type { Evolutions, PayloadChecks, Preconditions } from '../case/action-handlers';
import { conflict, forbidden, invalidInput } from '../errors';
import { hasCustodian, isCustodian, reporterIdentityPolicyOf } from './policy';
import { revealGrant } from './reveal-grant';

/** A refusal that depends on who acts (not on a payload): checked also when listing the actions a user could take. */
export type ActorCheck = (state: CaseState, actor: Actor, now: Date) => void;
export type ActorChecks = { readonly [A in ReporterIdentityActionName]?: ActorCheck };

const pending = (state: CaseState): ReporterRevealRequest[] => (state.reporterReveals ?? []).filter((r) => r.status === 'PENDING');

const noPendingRequest = (state: CaseState) =>
  pending(state).length === 0 ? () => conflict('NO_PENDING_REVEAL', '没有待审批的查看申请 (no request to see the reporter is waiting)') : undefined;

/** What the case alone refuses: nothing to reveal of an anonymous report, nobody to approve, nothing to decide. */
export const REPORTER_IDENTITY_PRECONDITIONS: Preconditions = {
  requestReporterIdentity: (state) => {
    if (state.registration.anonymousReport) return () => conflict('ANONYMOUS_REPORT', '匿名举报，无举报人信息 (an anonymous report has no reporter to reveal)');
    if (!hasCustodian(reporterIdentityPolicyOf(state))) {
      return () => conflict('NO_CUSTODIAN', '本案适用的规则未指定保密责任人 (the policy of this case names no custodian of reporter identities)');
    }
    return undefined;
  },
  approveReporterIdentity: noPendingRequest,
  refuseReporterIdentity: noPendingRequest,
};

/** A custodian decides on someone else's request (four eyes): never on their own. */
const custodianOfAnother: ActorCheck = (state, actor) => {
  if (!isCustodian(reporterIdentityPolicyOf(state), actor)) {
    throw forbidden('NOT_CUSTODIAN', '只有保密责任人可以审批查看举报人信息 (only a custodian of reporter identities may decide)');
  }
  if (pending(state).every((r) => r.requestedBy === actor.userId)) {
    throw forbidden('FOUR_EYES', '不能审批自己的查看申请 (you cannot decide on your own request)');
  }
};

export const REPORTER_IDENTITY_ACTOR_CHECKS: ActorChecks = {
  requestReporterIdentity: (state, actor, now) => {
    const own = (state.reporterReveals ?? []).filter((r) => r.requestedBy === actor.userId);
    if (own.some((r) => r.status === 'PENDING')) throw conflict('REVEAL_PENDING', '您的查看申请正在等待审批 (your request is waiting for a decision)');
    if (revealGrant(state, actor.userId, now)) throw conflict('REVEAL_GRANTED', '您已获准查看举报人信息 (you may already see the reporter)');
  },
  approveReporterIdentity: custodianOfAnother,
  refuseReporterIdentity: custodianOfAnother,
};

function decided(state: CaseState, seq: number, actor: Actor): void {
  const request = (state.reporterReveals ?? []).find((r) => r.seq === seq);
  if (!request) throw invalidInput([{ field: 'seq', message: 'must name a request to see the reporter on this case' }]);
  if (request.status !== 'PENDING') throw conflict('REVEAL_DECIDED', `查看申请 ${seq} 已审批 (request ${seq} was decided already)`);
  if (request.requestedBy === actor.userId) throw forbidden('FOUR_EYES', '不能审批自己的查看申请 (you cannot decide on your own request)');
}

export const REPORTER_IDENTITY_PAYLOAD_CHECKS: PayloadChecks = {
  approveReporterIdentity: (state, p, { actor }) => decided(state, p.seq, actor),
  refuseReporterIdentity: (state, p, { actor }) => decided(state, p.seq, actor),
};

/** The request, and its decision: the case keeps who asked, why, who decided and until when; never the identity. */
export const REPORTER_IDENTITY_EVOLUTIONS: Evolutions<ReporterIdentityActionName> = {
  requestReporterIdentity: (s, p, { actor, at }) => {
    const requests = (s.reporterReveals ??= []);
    requests.push({
      seq: requests.length + 1,
      requestedBy: actor.userId,
      requestedByName: actor.displayName,
      requestedAt: at,
      reason: p.reason,
      status: 'PENDING',
    });
    return p.reason;
  },
  approveReporterIdentity: (s, p, { actor, at }) => {
    const seconds = reporterIdentityPolicyOf(s).revealSeconds;
    decide(s, p.seq, actor, at, p.reason, 'APPROVED', new Date(Date.parse(at) + seconds * 1000).toISOString());
    return p.reason;
  },
  refuseReporterIdentity: (s, p, { actor, at }) => {
    decide(s, p.seq, actor, at, p.reason, 'REFUSED');
    return p.reason;
  },
};

function decide(s: CaseState, seq: number, actor: Actor, at: string, reason: string, status: 'APPROVED' | 'REFUSED', expiresAt?: string): void {
  const request = s.reporterReveals!.find((r) => r.seq === seq)!;
  Object.assign(request, { status, decidedBy: actor.userId, decidedByName: actor.displayName, decidedAt: at, decisionReason: reason });
  if (expiresAt) request.expiresAt = expiresAt;
}
