import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CASE_READER_ROLES } from '@dandang/domain';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { ApiAnswer } from '../openapi/api-answer';
import { DashboardService } from './dashboard.service';
import { DashboardQuery } from './dto/dashboard.query';

/**
 * 统计看板: counts by stage and unit, deadlines and cards, days per stage, for the caller's subtree. For those who read
 * cases only (CASE_READER_ROLES): the counts are of cases, which an administrator (三员分立) and the official concerned
 * may not read.
 */
@ApiTags('dashboard')
@ApiBearerAuth()
@Roles(...CASE_READER_ROLES)
@Controller('dashboard')
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @Get()
  @ApiOperation({ summary: 'Dashboard figures for your org unit subtree' })
  @ApiAnswer('DashboardResponse', {
    description:
      'Counts by stage and unit (each unit includes the units below it), overdue and due-soon running clocks, cards, 督办, ' +
      'fault-tolerance outcomes, and days per stage over visits that ended: averageDays exact, p90Days the 90th-percentile ' +
      'visit (nearest rank) read from a histogram, so within its bucket of the exact value (1 day below 32 days, 4 days below 128, ' +
      '16 below 512, 64 beyond). Counts are exact: the database ' +
      'keeps them in the same transaction as each change. A case you are recused from is in none of your figures.',
  })
  figures(@CurrentUser() user: AuthUser, @Query() query: DashboardQuery) {
    return this.dashboard.figures(user, query.orgUnit, query.dueSoonDays);
  }
}
