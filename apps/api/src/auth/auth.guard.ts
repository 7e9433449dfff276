import { Injectable, UnauthorizedException, ForbiddenException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@dandang/contracts';
import { AuthService, SessionRefusedError } from './auth.service';
import { PUBLIC_ROUTE, REQUIRED_ROLES, SESSION_COOKIE_ROUTE, type AuthenticatedRequest } from './auth.decorators';
import { isJsonRequest, sessionCookieToken } from './session-cookie';

/**
 * Every route needs a valid bearer token of a session still open (not signed out, revoked or idle) unless marked
 * @Public(); @AcceptsSessionCookie() routes also take the same token from the session cookie; @Roles() narrows it further.
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
