import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AdminUser, AdminUserPage, IssuedPassword, SecurityEventKind } from '@dandang/contracts';
import {
  DomainError,
  DomainErrorCode,
  displayNameProblems,
  invalidInput,
  ownAccountProblems,
  placementProblems,
  reasonProblems,
  roleCombinationProblems,
  usernameProblems,
  type FieldProblem,
} from '@dandang/domain';
import { AdministrationRepository, SessionRepository, TakenError, hashPassword, oneTimePassword, type AdministeredUser, type UserFilter } from '@dandang/persistence';
import type { AuthUser } from '../auth/auth-user';
import type { RequestOrigin } from '../auth/auth.service';
import { SecurityEventLog } from '../security-events/security-event-log.service';
import { adminUser } from './admin-views';
import type { ChangeRolesDto, ChangeUnitDto, CreateUserDto } from './dto/admin.dto';

const refuse = (problems: FieldProblem[]) => {
  if (problems.length) throw invalidInput(problems);
};
const userNotFound = (id: string) => new DomainError(DomainErrorCode.NOT_FOUND, `user ${id} not found`, 'NOT_FOUND');
const retiredOrGone = (field: string) => invalidInput([{ field, message: 'names a unit that is retired (已撤销) or gone' }]);

/**
 * 用户管理: accounts with their roles and unit, deactivation and password resets. A new or reset password is a
 * one-time password, shown once and changed by its user at the next sign-in.
 */
@Injectable()
export class UsersService {
  constructor(
    private readonly administration: AdministrationRepository,
    private readonly sessions: SessionRepository,
    private readonly securityEvents: SecurityEventLog,
  ) {}

  async list(filter: UserFilter, page: number, pageSize: number): Promise<AdminUserPage> {
    const { items, total } = await this.administration.listUsers(filter, page, pageSize);
    return { items: items.map(adminUser), total, page, pageSize };
  }

  async get(id: string): Promise<AdminUser> {
    return adminUser(await this.user(id));
  }

  async create(admin: AuthUser, dto: CreateUserDto, origin: RequestOrigin): Promise<IssuedPassword> {
    refuse([...usernameProblems(dto.username), ...displayNameProblems(dto.displayName), ...roleCombinationProblems(dto.roles), ...reasonProblems(dto.reason)]);
    refuse(placementProblems((await this.administration.findUnit(dto.orgUnitId)) ?? null, 'orgUnitId'));
    const password = oneTimePassword(dto.username);
    const id = randomUUID();
    try {
      const created = await this.administration.createUser({
        id,
        username: dto.username,
        displayName: dto.displayName.trim(),
        passwordHash: await hashPassword(password),
        roles: dto.roles,
        orgUnitId: dto.orgUnitId,
        mustChangePassword: true,
      });
      if (!created) throw retiredOrGone('orgUnitId');
    } catch (e) {
      if (e instanceof TakenError) throw invalidInput([{ field: 'username', message: `user ${dto.username} already exists` }]);
      throw e;
    }
    await this.record(admin, 'USER_CREATED', id, dto.reason, origin, { username: dto.username, roles: dto.roles, orgUnitId: dto.orgUnitId });
    return { user: await this.get(id), oneTimePassword: password };
  }

  async changeRoles(admin: AuthUser, id: string, dto: ChangeRolesDto, origin: RequestOrigin): Promise<AdminUser> {
    refuse([...ownAccountProblems(admin.id, id, 'roles', 'roles'), ...roleCombinationProblems(dto.roles), ...reasonProblems(dto.reason)]);
    const user = await this.user(id);
    await this.administration.setRoles(id, dto.roles);
    await this.record(admin, 'USER_ROLES_CHANGED', id, dto.reason, origin, { username: user.username, from: user.roles, to: dto.roles });
    return this.get(id);
  }

  async changeUnit(admin: AuthUser, id: string, dto: ChangeUnitDto, origin: RequestOrigin): Promise<AdminUser> {
    refuse(reasonProblems(dto.reason));
    const user = await this.user(id);
    refuse(placementProblems((await this.administration.findUnit(dto.orgUnitId)) ?? null, 'orgUnitId'));
    if (!(await this.administration.setUnit(id, dto.orgUnitId))) throw retiredOrGone('orgUnitId');
    await this.record(admin, 'USER_UNIT_CHANGED', id, dto.reason, origin, { username: user.username, from: user.orgUnitId, to: dto.orgUnitId });
    return this.get(id);
  }

  /** Deactivates the account and ends its sessions at once: its tokens are refused from now on. */
  async deactivate(admin: AuthUser, id: string, reason: string, origin: RequestOrigin): Promise<AdminUser> {
    refuse([...ownAccountProblems(admin.id, id, 'deactivate'), ...reasonProblems(reason)]);
    const user = await this.user(id);
    await this.administration.setActive(id, false);
    const sessionsEnded = await this.sessions.endAllOf(id, new Date());
    await this.record(admin, 'USER_DEACTIVATED', id, reason, origin, { username: user.username, sessionsEnded });
    return this.get(id);
  }

  async reactivate(admin: AuthUser, id: string, reason: string, origin: RequestOrigin): Promise<AdminUser> {
    refuse(reasonProblems(reason));
    const user = await this.user(id);
    const unit = await this.administration.findUnit(user.orgUnitId);
    refuse(placementProblems(unit ?? null, 'orgUnitId').map((p) => ({ ...p, message: `${p.message}: move the user to a unit in service first` })));
    await this.administration.setActive(id, true);
    await this.record(admin, 'USER_REACTIVATED', id, reason, origin, { username: user.username });
    return this.get(id);
  }

  /** A new one-time password, shown once; the old one no longer works and every session of the user ends. */
  async resetPassword(admin: AuthUser, id: string, reason: string, origin: RequestOrigin): Promise<IssuedPassword> {
    refuse([...ownAccountProblems(admin.id, id, 'resetPassword'), ...reasonProblems(reason)]);
    const user = await this.user(id);
    const password = oneTimePassword(user.username);
    await this.administration.setPassword(id, await hashPassword(password), true);
    const sessionsEnded = await this.sessions.endAllOf(id, new Date());
    await this.record(admin, 'USER_PASSWORD_RESET', id, reason, origin, { username: user.username, sessionsEnded });
    return { user: await this.get(id), oneTimePassword: password };
  }

  private async user(id: string): Promise<AdministeredUser> {
    const user = await this.administration.findUser(id);
    if (!user) throw userNotFound(id);
    return user;
  }

  private async record(admin: AuthUser, kind: SecurityEventKind, subject: string, reason: string, origin: RequestOrigin, details: Record<string, unknown>): Promise<void> {
    await this.securityEvents.record({ kind, actor: admin, subject, reason: reason.trim(), address: origin.address, details });
  }
}
