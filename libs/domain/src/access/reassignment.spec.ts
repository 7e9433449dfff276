import { MAX_REASSIGNMENT_CASES } from '@dandang/contracts';
import { refusalOf } from '@dandang/testing/factories';
import { DomainErrorCode } from '../errors';
import {
  assertMayReassignInBulk,
  assertReassignmentTarget,
  chooseReassignedCases,
  reassignmentRefusal,
  reassignmentTally,
} from './reassignment';

const from = 'officer-leaving';
const to = 'officer-taking-over';
const open = [{ id: 'c1' }, { id: 'c2' }, { id: 'c3' }];

describe('who may reassign an officer’s cases in bulk (批量改派)', () => {
  it('is a supervisor', () => {
    expect(() => assertMayReassignInBulk({ roles: ['SUPERVISOR'] })).not.toThrow();
  });

  it.each([['an administrator, who reads no case (三员分立)', ['ADMIN'] as const], ['a case officer', ['CASE_OFFICER'] as const], ['an auditor', ['AUDITOR'] as const]])(
    'is never %s',
    (_who, roles) => {
      expect(refusalOf(() => assertMayReassignInBulk({ roles }))).toMatchObject({ code: DomainErrorCode.FORBIDDEN, reason: 'ROLE' });
    },
  );
});

describe('the cases a run takes', () => {
  it('are all the officer’s open cases in sight when none are chosen', () => {
    expect(chooseReassignedCases(open, { fromUserId: from, toUserId: to })).toEqual(['c1', 'c2', 'c3']);
  });

  it('are those chosen, in the order of the officer’s cases', () => {
    expect(chooseReassignedCases(open, { fromUserId: from, toUserId: to, caseIds: ['c3', 'c1'] })).toEqual(['c1', 'c3']);
  });

  it('refuses a chosen case that is not one of them, naming it', () => {
    expect(refusalOf(() => chooseReassignedCases(open, { fromUserId: from, toUserId: to, caseIds: ['c1', 'elsewhere'] }))).toMatchObject({
      code: DomainErrorCode.INVALID_INPUT,
      fields: [{ field: 'caseIds.1' }],
    });
  });

  it('refuses a case chosen twice, a run to the same officer, and a run with nothing to move', () => {
    expect(refusalOf(() => chooseReassignedCases(open, { fromUserId: from, toUserId: to, caseIds: ['c1', 'c1'] })).fields).toEqual([
      expect.objectContaining({ field: 'caseIds' }),
    ]);
    expect(refusalOf(() => chooseReassignedCases(open, { fromUserId: from, toUserId: from })).fields).toEqual([expect.objectContaining({ field: 'toUserId' })]);
    expect(refusalOf(() => chooseReassignedCases([], { fromUserId: from, toUserId: to })).fields).toEqual([expect.objectContaining({ field: 'fromUserId' })]);
  });

  it(`refuses more than ${MAX_REASSIGNMENT_CASES} cases in one run`, () => {
    const many = Array.from({ length: MAX_REASSIGNMENT_CASES + 1 }, (_, i) => ({ id: `c${i}` }));
    expect(refusalOf(() => chooseReassignedCases(many, { fromUserId: from, toUserId: to })).fields).toEqual([expect.objectContaining({ field: 'caseIds' })]);
  });
});

describe('the new officer', () => {
  it('must be an active case officer of the supervisor’s subtree', () => {
    expect(() => assertReassignmentTarget({ roles: ['CASE_OFFICER'], orgPath: '/city/district-a/' }, '/city/')).not.toThrow();
    for (const account of [undefined, { roles: ['INTAKE_OFFICER'] as const, orgPath: '/city/' }, { roles: ['CASE_OFFICER'] as const, orgPath: '/province/' }]) {
      expect(refusalOf(() => assertReassignmentTarget(account, '/city/'))).toMatchObject({ code: DomainErrorCode.INVALID_INPUT, fields: [{ field: 'toUserId' }] });
    }
  });
});

describe('a case of a run, as the run reaches it', () => {
  const officer = { roles: ['CASE_OFFICER'] as const, orgPath: '/city/' };
  const request = { fromUserId: from, toUserId: to };

  it('goes to its workflow while the officer leaving holds it, or (a retried step) once the new one does', () => {
    expect(reassignmentRefusal({ assigneeId: from, orgPath: '/city/a/' }, request, officer)).toBeUndefined();
    expect(reassignmentRefusal({ assigneeId: to, orgPath: '/city/a/' }, request, officer)).toBeUndefined();
  });

  it('is refused when it changed hands since the run was asked for', () => {
    expect(reassignmentRefusal({ assigneeId: 'someone-else', orgPath: '/city/a/' }, request, officer)).toMatchObject({ reason: 'ASSIGNEE_CHANGED' });
    expect(reassignmentRefusal({ assigneeId: null, orgPath: '/city/a/' }, request, officer)).toMatchObject({ reason: 'ASSIGNEE_CHANGED' });
  });

  it('is refused when the new officer may not be given it (gone, no longer a case officer, or unable to see it)', () => {
    for (const account of [undefined, { roles: ['SUPERVISOR'] as const, orgPath: '/city/' }, { roles: ['CASE_OFFICER'] as const, orgPath: '/city/b/' }]) {
      expect(reassignmentRefusal({ assigneeId: from, orgPath: '/city/a/' }, request, account)).toMatchObject({ reason: 'NOT_ELIGIBLE' });
    }
  });
});

describe('a run’s tally', () => {
  it('counts each outcome, and what is finished', () => {
    expect(reassignmentTally([{ outcome: 'APPLIED' }, { outcome: 'REFUSED' }, { outcome: 'PENDING' }, { outcome: 'FAILED' }, { outcome: 'APPLIED' }])).toEqual({
      total: 5,
      finished: 4,
      applied: 2,
      refused: 1,
      failed: 1,
    });
  });
});
