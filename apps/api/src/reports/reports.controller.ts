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
import { ReportExportQuery, ReportQuery } from './reports.query';
import { ReportsService } from './reports.service';

/**
 * 统计报表: the figures the rules ask for per period (检举控告规则 art. 18, quarterly feedback to the intake
 * department), for those who read cases (an auditor's without what the cases are about).
 */
@ApiTags('reports')
@ApiBearerAuth()
@Roles(...CASE_READER_ROLES)
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Get('statistics')
  @ApiOperation({ summary: '统计报表 (statistics of a period: a quarter, or days; the current quarter by default)' })
  @ApiAnswer('StatisticsReport', {
    description:
      'Counts of events inside the period (China Standard Time) for your subtree, each unit including the units below it, ' +
      'without the cases you are recused from: clues registered by channel and intake method, cases concluded by closure, ' +
      'decisions by form and by the four forms (四种形态), deadline cards, fault-tolerance outcomes.',
  })
  statistics(@CurrentUser() user: AuthUser, @Query() query: ReportQuery) {
    return this.reports.statistics(user, query);
  }

  @Get('statistics/export')
  @ApiOperation({ summary: '导出统计报表 (the statistics of a period as XLSX, a sheet per table, or CSV)' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv')
  @ApiResponse(BINARY_EXPORT)
  async export(@CurrentUser() user: AuthUser, @Query() query: ReportExportQuery, @Origin() origin: RequestOrigin, @Res() res: Response) {
    await sendExport(res, query.format, await this.reports.export(user, query, origin.address));
  }
}
