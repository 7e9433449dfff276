import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Origin, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import type { RequestOrigin } from '../auth/auth.service';
import { ApiAnswer } from '../openapi/api-answer';
import { ChangeRolesDto, ChangeUnitDto, CreateUserDto, ReasonDto, UsersQuery } from './dto/admin.dto';
import { UsersService } from './users.service';

const Id = () => Param('id', new ParseUUIDPipe({ version: undefined, errorHttpStatusCode: 404 }));

/** 用户管理 (system administrators only): accounts, roles, units, deactivation, password resets. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/users')
@Roles('ADMIN')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'Accounts by username, filtered by name, unit subtree, role and status' })
  @ApiAnswer('AdminUserPage')
  list(@Query() query: UsersQuery) {
    return this.users.list({ q: query.q, orgUnitId: query.orgUnitId, role: query.role, active: query.active }, query.page, query.pageSize);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One account' })
  @ApiAnswer('AdminUser')
  get(@Id() id: string) {
    return this.users.get(id);
  }

  @Post()
  @ApiOperation({ summary: '新建用户 (create an account; its one-time password is in this answer only, to be changed at the first sign-in)' })
  @ApiAnswer('IssuedPassword', { status: 201 })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateUserDto, @Origin() origin: RequestOrigin) {
    return this.users.create(user, body, origin);
  }

  @Post(':id/roles')
  @HttpCode(200)
  @ApiOperation({ summary: '变更角色 (roles that may go together: 三员分立)' })
  @ApiAnswer('AdminUser')
  changeRoles(@CurrentUser() user: AuthUser, @Id() id: string, @Body() body: ChangeRolesDto, @Origin() origin: RequestOrigin) {
    return this.users.changeRoles(user, id, body, origin);
  }

  @Post(':id/unit')
  @HttpCode(200)
  @ApiOperation({ summary: '调整所在单位 (move the account to a unit in service)' })
  @ApiAnswer('AdminUser')
  changeUnit(@CurrentUser() user: AuthUser, @Id() id: string, @Body() body: ChangeUnitDto, @Origin() origin: RequestOrigin) {
    return this.users.changeUnit(user, id, body, origin);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiOperation({ summary: '停用 (deactivate: sign-in refused and every session ended at once)' })
  @ApiAnswer('AdminUser')
  deactivate(@CurrentUser() user: AuthUser, @Id() id: string, @Body() body: ReasonDto, @Origin() origin: RequestOrigin) {
    return this.users.deactivate(user, id, body.reason, origin);
  }

  @Post(':id/reactivate')
  @HttpCode(200)
  @ApiOperation({ summary: '启用 (reactivate an account whose unit is in service)' })
  @ApiAnswer('AdminUser')
  reactivate(@CurrentUser() user: AuthUser, @Id() id: string, @Body() body: ReasonDto, @Origin() origin: RequestOrigin) {
    return this.users.reactivate(user, id, body.reason, origin);
  }

  @Post(':id/reset-password')
  @HttpCode(200)
  @ApiOperation({ summary: '重置密码 (a new one-time password, in this answer only; the user changes it at the next sign-in; their sessions end)' })
  @ApiAnswer('IssuedPassword')
  resetPassword(@CurrentUser() user: AuthUser, @Id() id: string, @Body() body: ReasonDto, @Origin() origin: RequestOrigin) {
    return this.users.resetPassword(user, id, body.reason, origin);
  }
}
