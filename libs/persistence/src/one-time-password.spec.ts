import { newPasswordProblems } from '@dandang/domain';
import { oneTimePassword } from './one-time-password';

describe('oneTimePassword', () => {
  it('meets the password policy for its user, reads without ambiguous characters, and differs each time', () => {
    const issued = Array.from({ length: 200 }, () => oneTimePassword('zhang.san'));
    for (const password of issued) {
      expect(password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{4}-[a-km-zA-HJ-NP-Z2-9]{4}-[a-km-zA-HJ-NP-Z2-9]{4}$/);
      expect(newPasswordProblems(password, 'zhang.san')).toEqual([]);
    }
    expect(new Set(issued).size).toBe(issued.length);
  });
});
