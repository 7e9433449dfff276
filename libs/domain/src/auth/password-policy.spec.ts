import { newPasswordProblems } from './password-policy';

describe('newPasswordProblems', () => {
  it('accepts ten or more characters from three classes that do not contain the username', () => {
    for (const password of ['Spring2026!', 'correct-horse-42', 'ZHANG-san-2026', '担当作为Abc12345']) {
      expect({ password, problems: newPasswordProblems(password, 'officer1') }).toEqual({ password, problems: [] });
    }
  });

  it('names each problem on the field', () => {
    expect(newPasswordProblems('Ab1!', 'officer1')).toEqual([{ field: 'newPassword', message: 'must have at least 10 characters' }]);
    expect(newPasswordProblems('abcdefghijkl', 'officer1')).toEqual([
      { field: 'newPassword', message: 'must mix at least three of: lower-case letters, upper-case letters, digits, other characters' },
    ]);
    expect(newPasswordProblems('My-OFFICER1-pass', 'officer1')).toEqual([{ field: 'newPassword', message: 'must not contain your username' }]);
    expect(newPasswordProblems('A1!'.repeat(70), 'officer1')).toEqual([{ field: 'newPassword', message: 'must have at most 200 characters' }]);
  });
});
