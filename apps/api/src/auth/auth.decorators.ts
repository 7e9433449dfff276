import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Role } from '@dandang/contracts';
import type { AuthUser } from './auth-user';

export const PUBLIC_ROUTE = 'dandang:public';
export const REQUIRED_ROLES = 'dandang:roles';

/** No bearer token needed (login, health, docs). */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** The caller needs one of these roles. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

export const CurrentUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AuthUser => ctx.switchToHttp().getRequest<{ user: AuthUser }>().user,
);
