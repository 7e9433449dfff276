import type { Actor, CaseState } from '@dandang/contracts';
import {
  aCaseOfficer,
  aCaseRegistration,
  aCaseState,
  aCaseSubject,
  aPendingApproval,
  aSupervisor,
  anActor,
  anAuditor,
  aUuid,
  refusalOf,
} from '@dandang/testing/factories';
import { DomainErrorCode } from '../errors';
import { assertAssignable, assertFourEyes, assertNotRecused, hasRole, isRecused } from './participants';

describe('hasRole', () => {
  const officerAndSupervisor = anActor({ roles: ['CASE_OFFICER', 'SUPERVISOR'] });

  it.each([
    [['SUPERVISOR'], true],
    [['AUDITOR', 'CASE_OFFICER'], true],
    [['AUDITOR', 'ADMIN'], false],
    [[], false],
  ] as const)('for an officer and supervisor asked about %j is %s', (roles, expected) => {
    expect(hasRole(officerAndSupervisor, ...roles)).toBe(expected);
  });
});

describe('assertNotRecused', () => {
  const subjectUser = aUuid();
  const reporterUser = aUuid();
  const state = aCaseState({
    registration: aCaseRegistration({ subject: aCaseSubject({ userId: subjectUser }) }),
    // The subject is deliberately missing from the list: the registration alone recuses them.
    recusedUserIds: [reporterUser],
  });

  it.each([
    ['the subject of the case', subjectUser],
    ['a user on the recusal list', reporterUser],
  ])('refuses %s', (_who, userId) => {
    const error = refusalOf(() => assertNotRecused(state, aCaseOfficer({ userId })));
    expect(error).toMatchObject({ code: DomainErrorCode.FORBIDDEN, reason: 'RECUSAL' });
  });

  it('lets anyone else act', () => {
    expect(() => assertNotRecused(state, aCaseOfficer())).not.toThrow();
  });

  it('is the same recusal that keeps the case from being given to them (isRecused, assertAssignable)', () => {
    expect([subjectUser, reporterUser, aUuid()].map((userId) => isRecused(state, userId))).toEqual([true, true, false]);
    expect(refusalOf(() => assertAssignable(state, subjectUser, 'toUserId'))).toMatchObject({
      reason: 'RECUSAL',
      message: 'toUserId: that user is recused from this case',
    });
    expect(() => assertAssignable(state, aUuid(), 'toUserId')).not.toThrow();
  });
});

describe('assertFourEyes', () => {
  const proposer = aCaseOfficer();
  const formerInvestigator = aSupervisor();
  const assignee = aSupervisor();
  const pendingCase = (overrides: Partial<CaseState> = {}): CaseState =>
    aCaseState({
      stage: 'VERIFICATION',
      assigneeId: assignee.userId,
      investigatorIds: [formerInvestigator.userId, assignee.userId],
      pendingApproval: aPendingApproval({ proposedBy: proposer.userId }),
      ...overrides,
    });

  it('lets an uninvolved supervisor decide', () => {
    expect(() => assertFourEyes(pendingCase(), aSupervisor())).not.toThrow();
  });

  it.each<[string, Actor]>([
    ['a case officer', aCaseOfficer()],
    ['an auditor', anAuditor()],
  ])('refuses %s for its role', (_who, actor) => {
    expect(refusalOf(() => assertFourEyes(pendingCase(), actor))).toMatchObject({
      code: DomainErrorCode.FORBIDDEN,
      reason: 'ROLE',
    });
  });

  it.each<[string, Actor]>([
    ['the proposer, who is also a supervisor', anActor({ userId: proposer.userId, roles: ['CASE_OFFICER', 'SUPERVISOR'] })],
    ['the current assignee', assignee],
    ['a former investigator', formerInvestigator],
  ])('refuses %s under four eyes', (_who, actor) => {
    expect(refusalOf(() => assertFourEyes(pendingCase(), actor))).toMatchObject({
      code: DomainErrorCode.FORBIDDEN,
      reason: 'FOUR_EYES',
    });
  });
});
