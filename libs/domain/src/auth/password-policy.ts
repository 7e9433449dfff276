import type { FieldProblem } from '../errors';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/** Character classes a password draws on: lower- and upper-case letters, digits, and anything else. */
const CLASSES = [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u, /[^\p{Ll}\p{Lu}\p{Nd}]/u];

/**
 * What is wrong with `password` as a new password of `username` (口令复杂度, as 等级保护 2.0 asks): at least ten
 * characters from at least three of the four classes, and not containing the username. Empty when it will do.
 */
export function newPasswordProblems(password: string, username: string, field = 'newPassword'): FieldProblem[] {
  const problems: string[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) problems.push(`must have at least ${PASSWORD_MIN_LENGTH} characters`);
  if ([...password].length > PASSWORD_MAX_LENGTH) problems.push(`must have at most ${PASSWORD_MAX_LENGTH} characters`);
  if (CLASSES.filter((c) => c.test(password)).length < 3) {
    problems.push('must mix at least three of: lower-case letters, upper-case letters, digits, other characters');
  }
  if (username && password.toLowerCase().includes(username.toLowerCase())) problems.push('must not contain your username');
  return problems.map((message) => ({ field, message }));
}
