import type { ActionName, Actor, ReporterIdentityPolicy } from '@dandang/contracts';
import {
  aCaseAt,
  aCaseOfficer,
  aCaseRegistration,
  aPayload,
  aRequest,
  aSupervisor,
  anAuditor,
  anIntakeOfficer,
  andThen,
  minutesAfter,
  refusalOf,
  type DrivenCase,
} from '@dandang/testing/factories';
import { availableActions, taskActions } from '../case/available-actions';
import { checkAction } from '../case/check-action';
import { DomainErrorCode } from '../errors';
import { DEFAULT_POLICY } from '../policy/default-policy';
import { policyProblems } from '../policy/policy-validation';
import { assertMayReveal, reporterViewFor, revealGrant, revealsAwaiting } from './reveal-grant';

const custodian = aSupervisor({ displayName: '保密责任人' });
const requester = anIntakeOfficer({ displayName: '受理员甲' });
const HOUR = 3600;

/** A named report in DISPOSITION whose policy names `custodian`, reveals lasting `seconds`. */
function aNamedCase(identity: Partial<ReporterIdentityPolicy> = {}, anonymousReport = false): DrivenCase {
  const reporterIdentity: ReporterIdentityPolicy = { custodianUserIds: [custodian.userId], custodianRoles: [], revealSeconds: 24 * HOUR, ...identity };
  return aCaseAt('DISPOSITION', {
    cast: { intakeOfficer: requester },
    initial: { policy: { ...DEFAULT_POLICY, reporterIdentity }, registration: aCaseRegistration({ anonymousReport }) },
  });
}

const requested = (c: DrivenCase, by: Actor = requester) => andThen(c, 'requestReporterIdentity', by);
const check = (c: DrivenCase, action: ActionName, actor: Actor, payload: object = aPayload(action)) =>
  checkAction(c.state, action, aRequest(actor, payload as never), minutesAfter(c.at, 1));

describe('who may ask to see the reporter', () => {
  it('lets an intake officer ask, with a reason, on a named report', () => {
    const c = requested(aNamedCase());
    expect(c.state.reporterReveals).toEqual([
      expect.objectContaining({ seq: 1, requestedBy: requester.userId, reason: aPayload('requestReporterIdentity').reason, status: 'PENDING' }),
    ]);
    expect(c.events.at(-1)).toMatchObject({ action: 'requestReporterIdentity', actorRole: 'INTAKE_OFFICER', payload: { reason: expect.any(String) } });
  });

  it.each([
    ['a case officer', aCaseOfficer()],
    ['a supervisor, even the custodian', custodian],
    ['an auditor', anAuditor()],
  ])('refuses %s', (_who, actor) => {
    expect(refusalOf(() => check(aNamedCase(), 'requestReporterIdentity', actor))).toMatchObject({ code: DomainErrorCode.FORBIDDEN, reason: 'ROLE' });
  });

  it('refuses a request without a reason', () => {
    expect(refusalOf(() => check(aNamedCase(), 'requestReporterIdentity', requester, {}))).toMatchObject({ code: DomainErrorCode.INVALID_INPUT });
  });

  it('refuses on an anonymous report: there is nobody to reveal', () => {
    expect(refusalOf(() => check(aNamedCase({}, true), 'requestReporterIdentity', requester))).toMatchObject({ reason: 'ANONYMOUS_REPORT' });
  });

  it('refuses when the case pinned a policy that names no custodian (the default)', () => {
    const c = aNamedCase({ custodianUserIds: [], custodianRoles: [] });
    expect(refusalOf(() => check(c, 'requestReporterIdentity', requester))).toMatchObject({ reason: 'NO_CUSTODIAN' });
  });

  it('refuses a second request while the first waits, or while an approval is in force', () => {
    const c = requested(aNamedCase());
    expect(refusalOf(() => check(c, 'requestReporterIdentity', requester))).toMatchObject({ reason: 'REVEAL_PENDING' });
    const approved = andThen(c, 'approveReporterIdentity', custodian);
    expect(refusalOf(() => check(approved, 'requestReporterIdentity', requester))).toMatchObject({ reason: 'REVEAL_GRANTED' });
  });

  it('refuses a recused intake officer', () => {
    const c = aNamedCase();
    c.state.recusedUserIds.push(requester.userId);
    expect(refusalOf(() => check(c, 'requestReporterIdentity', requester))).toMatchObject({ reason: 'RECUSAL' });
  });
});

describe('who may decide on a request', () => {
  it('lets the custodian named by the policy approve, the request then lasting the policy time', () => {
    const c = andThen(requested(aNamedCase({ revealSeconds: 2 * HOUR })), 'approveReporterIdentity', custodian);
    const [request] = c.state.reporterReveals!;
    expect(request).toMatchObject({ status: 'APPROVED', decidedBy: custodian.userId, decidedAt: c.at.toISOString() });
    expect(request.expiresAt).toBe(new Date(c.at.getTime() + 2 * HOUR * 1000).toISOString());
  });

  it('lets a holder of a custodian role decide, when the policy names a role', () => {
    const anyIntakeHead = aSupervisor();
    const c = andThen(requested(aNamedCase({ custodianUserIds: [], custodianRoles: ['SUPERVISOR'] })), 'refuseReporterIdentity', anyIntakeHead);
    expect(c.state.reporterReveals![0]).toMatchObject({ status: 'REFUSED', decidedBy: anyIntakeHead.userId });
  });

  it('refuses a supervisor the policy does not name', () => {
    expect(refusalOf(() => check(requested(aNamedCase()), 'approveReporterIdentity', aSupervisor()))).toMatchObject({
      code: DomainErrorCode.FORBIDDEN,
      reason: 'NOT_CUSTODIAN',
    });
  });

  it('never lets a requester decide on their own request, custodian though they are (four eyes)', () => {
    const both = anIntakeOfficer({ roles: ['INTAKE_OFFICER', 'SUPERVISOR'] });
    const c = requested(aNamedCase({ custodianUserIds: [both.userId] }), both);
    expect(refusalOf(() => check(c, 'approveReporterIdentity', both))).toMatchObject({ code: DomainErrorCode.FORBIDDEN, reason: 'FOUR_EYES' });
    expect(refusalOf(() => check(c, 'refuseReporterIdentity', both))).toMatchObject({ reason: 'FOUR_EYES' });
    expect(availableActions(c.state, both, minutesAfter(c.at, 1))).not.toContain('approveReporterIdentity');
  });

  it('refuses a decision on a request decided already, or on none', () => {
    const c = andThen(requested(aNamedCase()), 'refuseReporterIdentity', custodian);
    expect(refusalOf(() => check(c, 'approveReporterIdentity', custodian))).toMatchObject({ reason: 'NO_PENDING_REVEAL' });
    const again = requested(c);
    expect(refusalOf(() => check(again, 'approveReporterIdentity', custodian, { seq: 1, reason: '同意' }))).toMatchObject({ reason: 'REVEAL_DECIDED' });
    expect(refusalOf(() => check(again, 'approveReporterIdentity', custodian, { seq: 9, reason: '同意' }))).toMatchObject({
      code: DomainErrorCode.INVALID_INPUT,
      fields: [{ field: 'seq', message: expect.any(String) }],
    });
  });

  it('shows the custodian the requests waiting for them, and the requester their own; never as a task', () => {
    const c = requested(aNamedCase());
    const now = minutesAfter(c.at, 1);
    expect(revealsAwaiting(c.state, custodian).map((r) => r.seq)).toEqual([1]);
    expect(revealsAwaiting(c.state, aSupervisor())).toEqual([]);
    expect(reporterViewFor(c.state, custodian, now)).toMatchObject({ anonymous: false, myRequest: null, awaitingMe: [{ seq: 1, status: 'PENDING' }] });
    expect(reporterViewFor(c.state, requester, now)).toMatchObject({ myRequest: { seq: 1, status: 'PENDING' }, awaitingMe: [] });
    expect(availableActions(c.state, custodian, now)).toEqual(expect.arrayContaining(['approveReporterIdentity', 'refuseReporterIdentity']));
    expect(taskActions(c.state, custodian, now)).not.toContain('approveReporterIdentity');
    expect(taskActions(aNamedCase().state, requester, now)).not.toContain('requestReporterIdentity');
  });
});

describe('when the identity may be shown', () => {
  const approved = () => andThen(requested(aNamedCase({ revealSeconds: HOUR })), 'approveReporterIdentity', custodian);

  it('shows it to the approved requester until the time the policy sets', () => {
    const c = approved();
    expect(assertMayReveal(c.state, requester, minutesAfter(c.at, 59))).toMatchObject({ seq: 1 });
    expect(refusalOf(() => assertMayReveal(c.state, requester, minutesAfter(c.at, 60)))).toMatchObject({
      code: DomainErrorCode.FORBIDDEN,
      reason: 'REVEAL_EXPIRED',
    });
    expect(reporterViewFor(c.state, requester, minutesAfter(c.at, 61)).myRequest).toMatchObject({ status: 'EXPIRED' });
  });

  it('lets the officer ask again once their approval expired', () => {
    const c = approved();
    expect(() => checkAction(c.state, 'requestReporterIdentity', aRequest(requester, aPayload('requestReporterIdentity')), minutesAfter(c.at, 61))).not.toThrow();
  });

  it('never shows it to another intake officer, the custodian, or after a refusal', () => {
    const c = approved();
    const now = minutesAfter(c.at, 1);
    expect(refusalOf(() => assertMayReveal(c.state, anIntakeOfficer(), now))).toMatchObject({ reason: 'NO_REVEAL_GRANT' });
    expect(refusalOf(() => assertMayReveal(c.state, custodian, now))).toMatchObject({ reason: 'NO_REVEAL_GRANT' });
    const refused = andThen(requested(aNamedCase()), 'refuseReporterIdentity', custodian);
    expect(revealGrant(refused.state, requester.userId, minutesAfter(refused.at, 1))).toBeUndefined();
    expect(refusalOf(() => assertMayReveal(refused.state, requester, minutesAfter(refused.at, 1)))).toMatchObject({ reason: 'NO_REVEAL_GRANT' });
  });
});

describe('the reporter-identity policy', () => {
  const withIdentity = (reporterIdentity: unknown) => policyProblems({ ...DEFAULT_POLICY, reporterIdentity });

  it('takes a named custodian, a role, and a time limit', () => {
    expect(withIdentity({ custodianUserIds: [custodian.userId], custodianRoles: ['SUPERVISOR'], revealSeconds: 86_400 })).toEqual([]);
  });

  it('refuses auditors and administrators as custodians, and limits without bounds', () => {
    expect(withIdentity({ custodianUserIds: ['someone'], custodianRoles: ['AUDITOR'], revealSeconds: 0 }).map((p) => p.field)).toEqual([
      'reporterIdentity.custodianUserIds',
      'reporterIdentity.custodianRoles',
      'reporterIdentity.revealSeconds',
    ]);
  });
});
