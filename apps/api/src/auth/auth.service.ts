import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { verify } from 'argon2';
import { OrgUnitRepository, UserRepository } from '@dandang/persistence';
import type { AuthUser } from './auth-user';

/** Verified against a real hash even for unknown users, so timing does not reveal which usernames exist. */
const DUMMY_HASH = '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$Wg2m5Z3cHj1wK2QJtN9Jb7s0xq7Q3m0nQ8Gv1n1m4vY';

/**
 * Each argon2 check holds 64 MiB while it runs; a burst of logins must not multiply that (the bench saw the API
 * grow to 400 MiB from five at once). Checks beyond this many wait their turn.
 */
const CONCURRENT_PASSWORD_CHECKS = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function checkPassword(hash: string, password: string): Promise<boolean> {
  // A finished check hands its slot straight to the next waiter, so no newcomer can slip in between.
  if (running >= CONCURRENT_PASSWORD_CHECKS) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    return await verify(hash, password).catch(() => false);
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
    private readonly orgUnits: OrgUnitRepository,
    private readonly jwt: JwtService,
  ) {}

  async login(username: string, password: string): Promise<{ accessToken: string; user: AuthUser }> {
    const user = await this.users.findForLogin(username);
    const ok = await checkPassword(user?.passwordHash ?? DUMMY_HASH, password);
    if (!user || !ok || !user.active) throw new InvalidCredentialsError('用户名或密码错误 (wrong username or password)');
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
    const user = claims.sub ? await this.users.findById(claims.sub) : null;
    if (!user || !user.active) return undefined;
    const unit = await this.orgUnits.findById(user.orgUnitId);
    if (!unit) return undefined;
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      roles: user.roles,
      orgUnitId: user.orgUnitId,
      orgPath: unit.path,
    };
  }
}
