import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { LoginFailureRepository, SessionRepository, UserRepository, hashPassword, isOutdatedPasswordHash, verifyPassword } from '@dandang/persistence';
import { DomainError, DomainErrorCode, invalidInput, newPasswordProblems, sessionNeedsTouch, sessionStanding } from '@dandang/domain';
import { ApiConfig } from '../infrastructure/api-config';
import { SecurityEventLog } from '../security-events/security-event-log.service';
import type { AuthUser } from './auth-user';
import { PasswordCheckGate } from './password-check-gate';

/**
 * Unknown users are checked against a real hash of the current parameters, so timing does not reveal which
 * usernames exist. Made once, on first use.
 */
let dummyHash: Promise<string> | undefined;
const aDummyHash = () => (dummyHash ??= hashPassword('not-a-password-of-anyone'));

/**
 * Each argon2 check holds its hash's memory cost (19 MiB now, 64 MiB for hashes made with argon2's defaults) while
 * it runs; a burst of logins must not multiply that past the API's memory target.
 */
const CONCURRENT_PASSWORD_CHECKS = 2;

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

/** Why a bearer token is refused, in words for the person holding it. */
export class SessionRefusedError extends Error {}

/** The request a sign-in step comes with: where it came from, for the security-event log. */
export interface RequestOrigin {
  address?: string;
}

/** A signed-in request: its user, and the session (the token's id) it runs under. */
export interface Authenticated {
  user: AuthUser;
  sessionId: string;
}

@Injectable()
export class AuthService {
  private readonly logger = new Logger('auth');
  private readonly passwordChecks: PasswordCheckGate;

  constructor(
    private readonly users: UserRepository,
    private readonly failures: LoginFailureRepository,
    private readonly sessions: SessionRepository,
    private readonly securityEvents: SecurityEventLog,
    private readonly jwt: JwtService,
    private readonly config: ApiConfig,
  ) {
    this.passwordChecks = new PasswordCheckGate(CONCURRENT_PASSWORD_CHECKS, config.values.passwordCheckQueue);
  }

  /**
   * Each attempt counts against the username as typed (known or not, so locks say nothing of which usernames exist)
   * before its password is checked: a locked username, or one with as many attempts under way as a run may fail, is
   * refused unchecked, so neither a lock nor a burst of attempts sent at once can be used to test passwords.
   */
  async login(username: string, password: string, origin: RequestOrigin = {}): Promise<{ accessToken: string; user: AuthUser }> {
    await this.beginAttempt(username, origin);
    const user = await this.users.findForLogin(username);
    const ok = await this.passwordChecks.run(async () => verifyPassword(user?.passwordHash ?? (await aDummyHash()), password));
    if (!user || !ok || !user.active) {
      const reason = !user ? 'UNKNOWN_USER' : !ok ? 'WRONG_PASSWORD' : 'INACTIVE_ACCOUNT';
      await this.countFailure(username, user?.id ?? null, reason, origin);
      throw new InvalidCredentialsError('用户名或密码错误 (wrong username or password)');
    }
    await this.failures.clear(username);
    if (isOutdatedPasswordHash(user.passwordHash)) await this.users.updatePasswordHash(user.id, await hashPassword(password));
    const signedIn = await this.users.findActiveWithOrgPath(user.id);
    if (!signedIn) throw new InvalidCredentialsError('用户名或密码错误 (wrong username or password)');
    const sessionId = randomUUID();
    const now = new Date();
    await this.sessions.open(sessionId, user.id, now, new Date(now.getTime() - this.config.values.sessionIdleSeconds * 1000));
    const accessToken = await this.jwt.signAsync({ sub: user.id, username: user.username }, { jwtid: sessionId });
    await this.securityEvents.record({ kind: 'LOGIN_SUCCEEDED', actor: signedIn, address: origin.address, details: { session: sessionId } });
    return { accessToken, user: signedIn };
  }

  /**
   * Changes the signed-in user's password. A wrong current password counts as a failed login (a stolen token must not
   * become a way to guess the password) and is refused naming its field, as a new password that breaks the policy is.
   * Every other session of the user ends: whoever held one of its tokens must now know the new password.
   */
  async changePassword(auth: Authenticated, currentPassword: string, newPassword: string, origin: RequestOrigin = {}): Promise<void> {
    const { user } = auth;
    await this.beginAttempt(user.username, origin);
    const account = await this.users.findForLogin(user.username);
    if (!account || !(await this.passwordChecks.run(() => verifyPassword(account.passwordHash, currentPassword)))) {
      await this.countFailure(user.username, user.id, 'WRONG_CURRENT_PASSWORD', origin);
      throw invalidInput([{ field: 'currentPassword', message: 'is not your current password' }]);
    }
    // The right current password ends the run its attempt began, whatever becomes of the new one.
    await this.failures.clear(user.username);
    const problems = newPasswordProblems(newPassword, user.username);
    if (newPassword === currentPassword) problems.push({ field: 'newPassword', message: 'must differ from the current password' });
    if (problems.length) throw invalidInput(problems);
    await this.users.changePassword(account.id, await hashPassword(newPassword));
    const ended = await this.sessions.endAllOf(user.id, new Date(), auth.sessionId);
    await this.securityEvents.record({ kind: 'PASSWORD_CHANGED', actor: user, subject: user.id, address: origin.address, details: { sessionsEnded: ended } });
    this.logger.log(`password of ${JSON.stringify(user.username)} changed`);
  }

  /** Signs out: the session's token is refused from now on. */
  async logout(auth: Authenticated, origin: RequestOrigin = {}): Promise<void> {
    await this.sessions.end(auth.sessionId, new Date());
    await this.securityEvents.record({ kind: 'LOGGED_OUT', actor: auth.user, subject: auth.user.id, address: origin.address, details: { session: auth.sessionId } });
  }

  /** An administrator ends every session of a user (a lost device, a departure): their tokens are refused from now on. */
  async revokeSessions(admin: AuthUser, userId: string, reason: string, origin: RequestOrigin = {}): Promise<{ sessionsEnded: number }> {
    const target = await this.users.findById(userId);
    if (!target) throw new DomainError(DomainErrorCode.NOT_FOUND, `user ${userId} not found`, 'NOT_FOUND');
    const sessionsEnded = await this.sessions.endAllOf(userId, new Date());
    await this.securityEvents.record({
      kind: 'TOKENS_REVOKED',
      actor: admin,
      subject: userId,
      reason,
      address: origin.address,
      details: { username: target.username, sessionsEnded },
    });
    return { sessionsEnded };
  }

  private async beginAttempt(username: string, origin: RequestOrigin): Promise<void> {
    const locked = await this.failures.beginAttempt(username, new Date(), this.config.values.loginLock);
    if (!locked) return;
    await this.securityEvents.record({ kind: 'LOGIN_LOCKED', actor: { username }, address: origin.address, details: { lockedUntil: locked.toISOString() } });
    throw new LoginLockedError(locked);
  }

  /** A wrong password for `username`, at login or when changing it (counted as it began): recorded, and a lock it brings logged. */
  private async countFailure(username: string, userId: string | null, reason: string, origin: RequestOrigin): Promise<void> {
    const lock = await this.failures.recordFailure(username, new Date(), this.config.values.loginLock);
    await this.securityEvents.record({
      kind: 'LOGIN_FAILED',
      actor: { id: userId, username },
      reason,
      address: origin.address,
      details: lock ? { lockedUntil: lock.toISOString() } : {},
    });
    if (lock) this.logger.warn(`login of ${JSON.stringify(username)} locked until ${lock.toISOString()} after repeated failures`);
  }

  /**
   * The user and session a bearer token stands for. Refused (SessionRefusedError) when the token is invalid or
   * expired, its session was ended (sign-out, password change, revocation) or left unused for the idle limit, or the
   * user is gone. A use is recorded at most once a minute per session, so most requests only read.
   */
  async authenticate(token: string): Promise<Authenticated> {
    let claims: { sub?: string; jti?: string };
    try {
      claims = await this.jwt.verifyAsync(token);
    } catch {
      throw new SessionRefusedError('登录已失效 (the token is invalid or expired)');
    }
    if (!claims.sub || !claims.jti) throw new SessionRefusedError('登录已失效 (the token is invalid or expired)');
    const [session, user] = await Promise.all([this.sessions.find(claims.jti), this.users.findActiveWithOrgPath(claims.sub)]);
    const now = new Date();
    const policy = { idleSeconds: this.config.values.sessionIdleSeconds };
    const standing = session?.userId === claims.sub ? sessionStanding(session, now, policy) : 'UNKNOWN';
    if (standing === 'IDLE') {
      const minutes = Math.max(1, Math.round(policy.idleSeconds / 60));
      throw new SessionRefusedError(`长时间未操作，登录已超时，请重新登录 (signed out after ${minutes} minute${minutes === 1 ? '' : 's'} without activity; sign in again)`);
    }
    if (standing !== 'ACTIVE') throw new SessionRefusedError('登录已退出或被注销，请重新登录 (this session was signed out or revoked; sign in again)');
    if (!user) throw new SessionRefusedError('登录已失效 (the token is invalid or expired)');
    if (sessionNeedsTouch(session!.lastSeenAt, now, policy)) await this.sessions.touch(claims.jti, now);
    return { user, sessionId: claims.jti };
  }
}
