import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { UserRepository, hashPassword, isOutdatedPasswordHash, verifyPassword } from '@dandang/persistence';
import type { AuthUser } from './auth-user';

/**
 * Unknown users are checked against a real hash of the current parameters, so timing does not reveal which
 * usernames exist. Made once, on first use.
 */
let dummyHash: Promise<string> | undefined;
const aDummyHash = () => (dummyHash ??= hashPassword('not-a-password-of-anyone'));

/**
 * Each argon2 check holds its hash's memory cost (19 MiB now, 64 MiB for hashes made with argon2's defaults) while
 * it runs; a burst of logins must not multiply that (the bench saw the API grow to 400 MiB from five at once).
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
export class InvalidTokenError extends Error {}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UserRepository,
    private readonly jwt: JwtService,
  ) {}

  async login(username: string, password: string): Promise<{ accessToken: string; user: AuthUser }> {
    const user = await this.users.findForLogin(username);
    const ok = await checkPassword(user?.passwordHash ?? (await aDummyHash()), password);
    if (!user || !ok || !user.active) throw new InvalidCredentialsError('用户名或密码错误 (wrong username or password)');
    if (isOutdatedPasswordHash(user.passwordHash)) await this.users.updatePasswordHash(user.id, await hashPassword(password));
    const accessToken = await this.jwt.signAsync({ sub: user.id, username: user.username });
    return { accessToken, user: (await this.userFromToken(accessToken))! };
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
