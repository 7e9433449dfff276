import { Injectable, UnauthorizedException, ForbiddenException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@dandang/contracts';
import { AuthService } from './auth.service';
import { PUBLIC_ROUTE, REQUIRED_ROLES } from './auth.decorators';
import type { AuthUser } from './auth-user';

/** Every route needs a valid bearer token unless marked @Public(); @Roles() narrows it further. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; user?: AuthUser }>();
    const [scheme, token] = (request.headers['authorization'] ?? '').split(' ');
    if (scheme !== 'Bearer' || !token) throw new UnauthorizedException('需要登录 (a bearer token is required)');
    const user = await this.auth.userFromToken(token);
    if (!user) throw new UnauthorizedException('登录已失效 (the token is invalid or expired)');
    request.user = user;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles && !roles.some((r) => user.roles.includes(r))) {
      throw new ForbiddenException(`需要以下角色之一 (requires one of the roles): ${roles.join(', ')}`);
    }
    return true;
  }
}
