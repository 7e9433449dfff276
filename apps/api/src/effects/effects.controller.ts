import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CASE_READER_ROLES } from '@dandang/domain';
import { CurrentUser, Origin, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import type { RequestOrigin } from '../auth/auth.service';
import { BINARY_EXPORT } from '../exports/exports.controller';
import { sendExport } from '../exports/send-export';
import { ApiAnswer } from '../openapi/api-answer';
import { EffectsService } from './effects.service';
import { ListEffectsQuery } from './effects.query';

/** 干部影响期登记: the register of effects per official (no promotion until…, no 优秀 in…, salary step held…). */
@ApiTags('effects')
@ApiBearerAuth()
@Controller('effects')
export class EffectsController {
  constructor(private readonly effects: EffectsService) {}

  @Get()
  @Roles(...CASE_READER_ROLES)
  @ApiOperation({ summary: '干部影响期登记 (the register of effects of the officials of a unit’s subtree)' })
  @ApiAnswer('OfficialEffectList')
  list(@CurrentUser() user: AuthUser, @Query() query: ListEffectsQuery, @Origin() origin: RequestOrigin) {
    return this.effects.list(user, query, origin.address);
  }

  @Get('export.xlsx')
  @Roles(...CASE_READER_ROLES)
  @ApiOperation({ summary: '导出干部影响期登记 (export the register of effects as XLSX)' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiResponse(BINARY_EXPORT)
  async export(@CurrentUser() user: AuthUser, @Query() query: ListEffectsQuery, @Origin() origin: RequestOrigin, @Res() res: Response) {
    await sendExport(res, 'xlsx', await this.effects.export(user, query, origin.address));
  }
}
