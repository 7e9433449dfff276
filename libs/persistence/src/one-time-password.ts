import { randomInt } from 'node:crypto';
import { newPasswordProblems } from '@dandang/domain';

/** Letters and digits a person reads off a screen without mistaking them (no 0/O, 1/l/I). */
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const ALL = LOWER + UPPER + DIGITS;

/**
 * A one-time password (一次性密码) an administrator hands over: three groups of four joined by "-", about 71 bits,
 * within the password policy for `username`. Only its hash is kept; the user replaces it at the first sign-in.
 */
export function oneTimePassword(username: string): string {
  for (;;) {
    const groups = Array.from({ length: 3 }, () => Array.from({ length: 4 }, () => ALL[randomInt(ALL.length)]).join(''));
    const password = groups.join('-');
    if ([LOWER, UPPER, DIGITS].every((set) => [...password].some((c) => set.includes(c))) && newPasswordProblems(password, username).length === 0) return password;
  }
}
