import { refusalOf } from '@dandang/testing/factories';
import { DomainErrorCode } from '../errors';
import { ASSIGNEE_FIELDS, assertEligibleAssignee, assertLinkableSubjectAccount } from './eligibility';

describe('who the case is given to', () => {
  it('is named by acceptClue (when accepting for another officer) and by reassign, by no other action', () => {
    expect(ASSIGNEE_FIELDS).toEqual({ acceptClue: 'assigneeId', reassign: 'toUserId' });
  });
});

describe('an eligible assignee', () => {
  const caseOrgPath = '/province/city/district-a/';

  it.each([
    ['a case officer of the case’s unit', { roles: ['CASE_OFFICER'] as const, orgPath: '/province/city/district-a/' }],
    ['a case officer of a unit above it', { roles: ['CASE_OFFICER', 'SUPERVISOR'] as const, orgPath: '/province/' }],
  ])('may be %s', (_who, account) => {
    expect(() => assertEligibleAssignee(account, caseOrgPath, 'toUserId')).not.toThrow();
  });

  it.each([
    ['no active account', undefined],
    ['not a case officer', { roles: ['SUPERVISOR'] as const, orgPath: '/province/' }],
    ['of a unit that cannot see the case', { roles: ['CASE_OFFICER'] as const, orgPath: '/province/city/district-b/' }],
  ])('is never someone with %s', (_who, account) => {
    const error = refusalOf(() => assertEligibleAssignee(account, caseOrgPath, 'assigneeId'));
    expect(error).toMatchObject({ code: DomainErrorCode.INVALID_INPUT, fields: [{ field: 'assigneeId', message: 'must be an active case officer who can see this case' }] });
  });
});

describe("linking the official's account", () => {
  it('takes an active account of an official concerned', () => {
    expect(() => assertLinkableSubjectAccount({ roles: ['SUBJECT'] })).not.toThrow();
  });

  it.each([
    ['no active account', undefined],
    ['a staff account', { roles: ['CASE_OFFICER'] as const }],
  ])('refuses %s', (_what, account) => {
    expect(refusalOf(() => assertLinkableSubjectAccount(account))).toMatchObject({ code: DomainErrorCode.INVALID_INPUT, fields: [{ field: 'userId' }] });
  });
});
