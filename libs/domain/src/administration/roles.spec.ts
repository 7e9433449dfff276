import { ownAccountProblems, roleCombinationProblems } from './roles';

describe('roleCombinationProblems (三员分立)', () => {
  it('allows the case roles together, and the auditor or administrator alone', () => {
    for (const roles of [['INTAKE_OFFICER'], ['CASE_OFFICER', 'SUPERVISOR'], ['INTAKE_OFFICER', 'CASE_OFFICER', 'SUPERVISOR'], ['AUDITOR'], ['ADMIN'], ['SUBJECT']]) {
      expect({ roles, problems: roleCombinationProblems(roles) }).toEqual({ roles, problems: [] });
    }
  });

  it('refuses an administrator who also holds any other role, naming the field', () => {
    expect(roleCombinationProblems(['ADMIN', 'CASE_OFFICER'])).toEqual([{ field: 'roles', message: expect.stringContaining('ADMIN') }]);
    expect(roleCombinationProblems(['AUDITOR', 'ADMIN'], 'users[2].roles')[0]).toMatchObject({ field: 'users[2].roles' });
  });

  it('refuses an auditor who also handles cases', () => {
    expect(roleCombinationProblems(['AUDITOR', 'SUPERVISOR'])).toEqual([{ field: 'roles', message: 'AUDITOR (审计人员) may not also handle cases (SUPERVISOR)' }]);
  });

  it("keeps the official concerned's account to that one role", () => {
    expect(roleCombinationProblems(['SUBJECT', 'INTAKE_OFFICER'])).toHaveLength(1);
  });

  it('refuses no roles, unknown roles and a role named twice', () => {
    expect(roleCombinationProblems([])).toEqual([{ field: 'roles', message: 'must name at least one role' }]);
    expect(roleCombinationProblems('ADMIN')).toEqual([{ field: 'roles', message: 'must name at least one role' }]);
    expect(roleCombinationProblems(['ROOT'])[0].message).toMatch(/unknown role\(s\): ROOT/);
    expect(roleCombinationProblems(['CASE_OFFICER', 'CASE_OFFICER'])).toEqual([{ field: 'roles', message: 'names a role twice' }]);
  });
});

describe('ownAccountProblems', () => {
  it("refuses an administrator deactivating, re-roling or resetting their own account, not another's", () => {
    expect(ownAccountProblems('a', 'a', 'deactivate')).toEqual([{ field: 'id', message: 'you cannot deactivate your own account; another administrator can' }]);
    expect(ownAccountProblems('a', 'a', 'roles', 'roles')[0].field).toBe('roles');
    expect(ownAccountProblems('a', 'a', 'resetPassword')).toHaveLength(1);
    expect(ownAccountProblems('a', 'a', 'unit')).toEqual([]);
    expect(ownAccountProblems('a', 'b', 'deactivate')).toEqual([]);
  });
});
