import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Origin, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import type { RequestOrigin } from '../auth/auth.service';
import { ApiAnswer } from '../openapi/api-answer';
import { CreateOrgUnitDto, MoveOrgUnitDto, ReasonDto, RenameOrgUnitDto } from './dto/admin.dto';
import { OrgUnitsService } from './org-units.service';

const Id = () => Param('id', new ParseUUIDPipe({ version: undefined, errorHttpStatusCode: 404 }));

/** 单位管理 (system administrators only): the org-unit tree, retired units included. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/org-units')
@Roles('ADMIN')
export class OrgUnitsController {
  constructor(private readonly units: OrgUnitsService) {}

  @Get()
  @ApiOperation({ summary: 'Every org unit, parents first, retired ones too' })
  @ApiAnswer('AdminOrgUnit', { list: true })
  list() {
    return this.units.list();
  }

  @Post()
  @ApiOperation({ summary: '新建单位 (create a unit under a unit in service, or a top unit)' })
  @ApiAnswer('AdminOrgUnit', { status: 201 })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateOrgUnitDto, @Origin() origin: RequestOrigin) {
    return this.units.create(user, body, origin);
  }

  @Post(':id/rename')
  @HttpCode(200)
  @ApiOperation({ summary: '单位更名 (rename a unit)' })
  @ApiAnswer('AdminOrgUnit')
  rename(@CurrentUser() user: AuthUser, @Id() id: string, @Body() body: RenameOrgUnitDto, @Origin() origin: RequestOrigin) {
    return this.units.rename(user, id, body, origin);
  }

  @Post(':id/move')
  @HttpCode(200)
  @ApiOperation({ summary: "调整隶属 (move a unit with its subtree; its cases follow, and so does who sees them); never under its own descendant" })
  @ApiAnswer('AdminOrgUnit')
  move(@CurrentUser() user: AuthUser, @Id() id: string, @Body() body: MoveOrgUnitDto, @Origin() origin: RequestOrigin) {
    return this.units.move(user, id, body, origin);
  }

  @Post(':id/retire')
  @HttpCode(200)
  @ApiOperation({ summary: '撤销单位 (retire a unit with no active users and nothing in service under it; it keeps its history)' })
  @ApiAnswer('AdminOrgUnit')
  retire(@CurrentUser() user: AuthUser, @Id() id: string, @Body() body: ReasonDto, @Origin() origin: RequestOrigin) {
    return this.units.retire(user, id, body.reason, origin);
  }
}
