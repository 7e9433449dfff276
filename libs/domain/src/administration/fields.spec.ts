import { displayNameProblems, reasonProblems, regionCodeProblems, unitCodeProblems, usernameProblems } from './fields';

describe('the fields of units and accounts', () => {
  it('takes roster-style usernames and codes', () => {
    expect(usernameProblems('zhang.san-01')).toEqual([]);
    expect(unitCodeProblems('DIST-A')).toEqual([]);
  });

  it('refuses usernames with spaces or other characters, or too short', () => {
    expect(usernameProblems('zhang san')[0]).toMatchObject({ field: 'username', message: expect.stringContaining('letters, digits') });
    expect(usernameProblems('z')[0].message).toBe('must have 2 to 64 characters');
    expect(usernameProblems(undefined)).toEqual([{ field: 'username', message: 'is required' }]);
  });

  it('needs a name and a reason, and a region code of six digits when given', () => {
    expect(displayNameProblems('  ')).toEqual([{ field: 'displayName', message: 'is required' }]);
    expect(reasonProblems('')).toEqual([{ field: 'reason', message: 'is required' }]);
    expect(regionCodeProblems('')).toEqual([]);
    expect(regionCodeProblems('110101')).toEqual([]);
    expect(regionCodeProblems('1101')).toHaveLength(1);
  });
});
