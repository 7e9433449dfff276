import { Injectable, UnauthorizedException, ForbiddenException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@dandang/contracts';
import { forbidden } from '@dandang/domain';
import { AuthService, SessionRefusedError } from './auth.service';
import { OPEN_BEFORE_PASSWORD_CHANGE, PUBLIC_ROUTE, REQUIRED_ROLES, SESSION_COOKIE_ROUTE, type AuthenticatedRequest } from './auth.decorators';

/** What a user whose password an administrator set is told on any other route until they change it. */
export const PASSWORD_CHANGE_REQUIRED =
  '请先修改管理员设置的密码 (change the password an administrator set before anything else: POST /api/auth/password)';
import { isJsonRequest, sessionCookieToken } from './session-cookie';

/**
 * Every route needs a valid bearer token of a session still open (not signed out, revoked or idle) unless marked
 * @Public(); @AcceptsSessionCookie() routes also take the same token from the session cookie; @Roles() narrows it further.
 * A user who must change the password an administrator set reaches only @OpenBeforePasswordChange() routes until then.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> } & Partial<AuthenticatedRequest>>();
    const token = this.tokenOf(request.headers, this.reflector.getAllAndOverride<boolean>(SESSION_COOKIE_ROUTE, targets) ?? false);
    if (!token) throw new UnauthorizedException('需要登录 (a bearer token is required)');
    try {
      const { user, sessionId } = await this.auth.authenticate(token);
      request.user = user;
      request.sessionId = sessionId;
    } catch (e) {
      if (e instanceof SessionRefusedError) throw new UnauthorizedException(e.message);
      throw e;
    }
    if (request.user!.mustChangePassword && !this.reflector.getAllAndOverride<boolean>(OPEN_BEFORE_PASSWORD_CHANGE, targets)) {
      throw forbidden('PASSWORD_CHANGE_REQUIRED', PASSWORD_CHANGE_REQUIRED);
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.some((r) => request.user!.roles.includes(r))) {
      throw new ForbiddenException(`需要以下角色之一 (requires one of the roles): ${roles.join(', ')}`);
    }
    return true;
  }

  /** The bearer token; or, where the route accepts it and no Authorization header came, the session cookie's. */
  private tokenOf(headers: Record<string, string | undefined>, cookieAccepted: boolean): string | undefined {
    const authorization = headers['authorization'];
    if (authorization !== undefined || !cookieAccepted) {
      const [scheme, token] = (authorization ?? '').split(' ');
      return scheme === 'Bearer' && token ? token : undefined;
    }
    return isJsonRequest(headers['content-type']) ? sessionCookieToken(headers['cookie']) : undefined;
  }
}
