import { Injectable } from '@nestjs/common';
import type { DirectoryOrgUnit, DirectoryUser, Role } from '@dandang/contracts';
import { OrgUnitRepository, UserRepository } from '@dandang/persistence';
import type { AuthUser } from '../auth/auth-user';

/** The caller's subtree as pickers need it: ids with names, never password hashes or other internals. */
@Injectable()
export class DirectoryService {
  constructor(
    private readonly users: UserRepository,
    private readonly orgUnits: OrgUnitRepository,
  ) {}

  async orgUnitsOf(user: AuthUser): Promise<DirectoryOrgUnit[]> {
    const units = await this.orgUnits.listInSubtree(user.orgPath);
    return units.map((u) => ({ id: u.id, code: u.code, name: u.name, parentId: u.parentId, path: u.path }));
  }

  async usersOf(user: AuthUser, role?: Role): Promise<DirectoryUser[]> {
    const users = await this.users.listActiveInSubtree(user.orgPath, role);
    return users.map((u) => ({ id: u.id, username: u.username, displayName: u.displayName, roles: u.roles, orgUnitId: u.orgUnitId }));
  }
}
