import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@dandang/contracts';
import type { AuthUser } from './auth-user';
import type { Authenticated, RequestOrigin } from './auth.service';

export const PUBLIC_ROUTE = 'dandang:public';
export const REQUIRED_ROLES = 'dandang:roles';
export const SESSION_COOKIE_ROUTE = 'dandang:session-cookie';
export const OPEN_BEFORE_PASSWORD_CHANGE = 'dandang:open-before-password-change';

/** What the guard leaves on a request it let through with a token. */
export interface AuthenticatedRequest {
  user: AuthUser;
  sessionId: string;
  ip?: string;
}

/** No bearer token needed (login, health, docs). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/**
 * Also takes the session cookie when no Authorization header comes (the Temporal UI's codec calls, session-cookie.ts).
 * Every other route takes the bearer token only, so a cookie the browser sends by itself authorises nothing there.
 */
export const AcceptsSessionCookie = () => SetMetadata(SESSION_COOKIE_ROUTE, true);

/** Also open to a user who must change their password first (changing it, signing out); every other route refuses them. */
export const OpenBeforePasswordChange = () => SetMetadata(OPEN_BEFORE_PASSWORD_CHANGE, true);

/** The caller needs one of these roles. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

export const CurrentUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AuthUser => ctx.switchToHttp().getRequest<AuthenticatedRequest>().user,
);

/** The signed-in user with the session their token stands for (to sign it out, or keep it through a password change). */
export const CurrentSession = createParamDecorator((_: unknown, ctx: ExecutionContext): Authenticated => {
  const request = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  return { user: request.user, sessionId: request.sessionId };
});

/** Where the request came from (Express's req.ip, which heeds TRUST_PROXY), for the security-event log. */
export const Origin = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): RequestOrigin => ({ address: ctx.switchToHttp().getRequest<{ ip?: string }>().ip }),
);
