import { Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { LoginFailureRepository, UserRepository, hashPassword, isOutdatedPasswordHash, verifyPassword } from '@dandang/persistence';
import { invalidInput, newPasswordProblems } from '@dandang/domain';
import { ApiConfig } from '../infrastructure/api-config';
import type { AuthUser } from './auth-user';

/**
 * Unknown users are checked against a real hash of the current parameters, so timing does not reveal which
 * usernames exist. Made once, on first use.
 */
let dummyHash: Promise<string> | undefined;
const aDummyHash = () => (dummyHash ??= hashPassword('not-a-password-of-anyone'));

/**
 * Each argon2 check holds its hash's memory cost (19 MiB now, 64 MiB for hashes made with argon2's defaults) while
 * it runs; a burst of logins must not multiply that past the API's memory target.
 * Checks beyond this many wait their turn.
 */
const CONCURRENT_PASSWORD_CHECKS = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function checkPassword(hash: string, password: string): Promise<boolean> {
  // A finished check hands its slot straight to the next waiter, so no newcomer can slip in between.
  if (running >= CONCURRENT_PASSWORD_CHECKS) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    return await verifyPassword(hash, password);
  } finally {
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}

export class InvalidCredentialsError extends Error {}
/** Too many failed logins in a row: the username is locked for `secondsLeft` more, whatever password comes. */
export class LoginLockedError extends Error {
  readonly secondsLeft: number;
  constructor(until: Date) {
    const secondsLeft = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
    const minutes = Math.ceil(secondsLeft / 60);
    super(`登录失败次数过多，请 ${minutes} 分钟后再试 (too many failed logins; try again in ${minutes} minute${minutes === 1 ? '' : 's'})`);
    this.secondsLeft = secondsLeft;
  }
}
export class InvalidTokenError extends Error {}

@Injectable()
export class AuthService {
  private readonly logger = new Logger('auth');

  constructor(
    private readonly users: UserRepository,
    private readonly failures: LoginFailureRepository,
    private readonly jwt: JwtService,
    private readonly config: ApiConfig,
  ) {}

  /**
   * Each attempt counts against the username as typed (known or not, so locks say nothing of which usernames exist)
   * before its password is checked: a locked username, or one with as many attempts under way as a run may fail, is
   * refused unchecked, so neither a lock nor a burst of attempts sent at once can be used to test passwords.
   */
  async login(username: string, password: string): Promise<{ accessToken: string; user: AuthUser }> {
    await this.beginAttempt(username);
    const user = await this.users.findForLogin(username);
    const ok = await checkPassword(user?.passwordHash ?? (await aDummyHash()), password);
    if (!user || !ok || !user.active) {
      await this.countFailure(username);
      throw new InvalidCredentialsError('用户名或密码错误 (wrong username or password)');
    }
    await this.failures.clear(username);
    if (isOutdatedPasswordHash(user.passwordHash)) await this.users.updatePasswordHash(user.id, await hashPassword(password));
    const accessToken = await this.jwt.signAsync({ sub: user.id, username: user.username });
    return { accessToken, user: (await this.userFromToken(accessToken))! };
  }

  /**
   * Changes the signed-in user's password. A wrong current password counts as a failed login (a stolen token must not
   * become a way to guess the password) and is refused naming its field, as a new password that breaks the policy is.
   */
  async changePassword(user: AuthUser, currentPassword: string, newPassword: string): Promise<void> {
    await this.beginAttempt(user.username);
    const account = await this.users.findForLogin(user.username);
    if (!account || !(await checkPassword(account.passwordHash, currentPassword))) {
      await this.countFailure(user.username);
      throw invalidInput([{ field: 'currentPassword', message: 'is not your current password' }]);
    }
    // The right current password ends the run its attempt began, whatever becomes of the new one.
    await this.failures.clear(user.username);
    const problems = newPasswordProblems(newPassword, user.username);
    if (newPassword === currentPassword) problems.push({ field: 'newPassword', message: 'must differ from the current password' });
    if (problems.length) throw invalidInput(problems);
    await this.users.updatePasswordHash(account.id, await hashPassword(newPassword));
    this.logger.log(`password of ${JSON.stringify(user.username)} changed`);
  }

  private async beginAttempt(username: string): Promise<void> {
    const locked = await this.failures.beginAttempt(username, new Date(), this.config.values.loginLock);
    if (locked) throw new LoginLockedError(locked);
  }

  /** A wrong password for `username`, at login or when changing it (counted as it began): a lock it brings is logged. */
  private async countFailure(username: string): Promise<void> {
    const lock = await this.failures.recordFailure(username, new Date(), this.config.values.loginLock);
    if (lock) this.logger.warn(`login of ${JSON.stringify(username)} locked until ${lock.toISOString()} after repeated failures`);
  }

  /** The user a bearer token stands for, or undefined when the token is invalid or the user is gone. */
  async userFromToken(token: string): Promise<AuthUser | undefined> {
    let claims: { sub?: string };
    try {
      claims = await this.jwt.verifyAsync(token);
    } catch {
      return undefined;
    }
    return claims.sub ? this.users.findActiveWithOrgPath(claims.sub) : undefined;
  }
}
