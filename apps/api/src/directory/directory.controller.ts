import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ROLES, type DirectoryOrgUnit, type DirectoryUser, type Role } from '@dandang/contracts';
import { OrgUnitRepository, UserRepository } from '@dandang/persistence';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';

export class ListUsersQuery {
  @ApiPropertyOptional({ enum: ROLES, description: 'Only users holding this role' })
  @IsOptional() @IsIn([...ROLES]) role?: Role;
}

/** Every role but SUBJECT: the official concerned sees nothing internal, the staff directory included. */
const STAFF = ROLES.filter((r) => r !== 'SUBJECT');

/** 通讯录: the org units and active users of the caller's subtree, for pickers instead of typed IDs. */
@ApiTags('directory')
@ApiBearerAuth()
@Roles(...STAFF)
@Controller()
export class DirectoryController {
  constructor(
    private readonly users: UserRepository,
    private readonly orgUnits: OrgUnitRepository,
  ) {}

  @Get('org-units')
  @ApiOperation({ summary: "The org units of the caller's subtree, ordered by path" })
  async listOrgUnits(@CurrentUser() user: AuthUser): Promise<DirectoryOrgUnit[]> {
    const units = await this.orgUnits.listInSubtree(user.orgPath);
    return units.map((u) => ({ id: u.id, code: u.code, name: u.name, parentId: u.parentId, path: u.path }));
  }

  @Get('users')
  @ApiOperation({ summary: "Active users whose unit lies in the caller's subtree, optionally by role" })
  async listUsers(@CurrentUser() user: AuthUser, @Query() query: ListUsersQuery): Promise<DirectoryUser[]> {
    const users = await this.users.listActiveInSubtree(user.orgPath, query.role);
    return users.map((u) => ({ id: u.id, username: u.username, displayName: u.displayName, roles: u.roles, orgUnitId: u.orgUnitId }));
  }
}
