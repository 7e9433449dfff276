import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { STAFF_ROLES } from '@dandang/domain';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { ApiAnswer } from '../openapi/api-answer';
import { DirectoryService } from './directory.service';
import { ListUsersQuery } from './dto/list-users.query';

/** 通讯录: the org units and active users of the caller's subtree, for pickers instead of typed IDs. */
@ApiTags('directory')
@ApiBearerAuth()
@Roles(...STAFF_ROLES)
@Controller()
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @Get('org-units')
  @ApiOperation({ summary: "The org units of the caller's subtree, ordered by path" })
  @ApiAnswer('DirectoryOrgUnit', { list: true })
  listOrgUnits(@CurrentUser() user: AuthUser) {
    return this.directory.orgUnitsOf(user);
  }

  @Get('users')
  @ApiOperation({ summary: "Active users whose unit lies in the caller's subtree, optionally by role" })
  @ApiAnswer('DirectoryUser', { list: true })
  listUsers(@CurrentUser() user: AuthUser, @Query() query: ListUsersQuery) {
    return this.directory.usersOf(user, query.role);
  }
}
