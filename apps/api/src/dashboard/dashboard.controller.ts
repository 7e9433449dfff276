import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import type { DashboardResponse } from '@dandang/contracts';
import { DashboardRepository } from '@dandang/persistence';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { CaseAccessService } from '../cases/case-access.service';

export class DashboardQuery {
  @ApiPropertyOptional({ description: 'Only this org unit and its subtree' }) @IsOptional() @IsUUID() orgUnit?: string;
  @ApiPropertyOptional({ default: 3, description: '"Due soon" horizon in days' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(90) dueSoonDays: number = 3;
}

/** 统计看板: counts by stage and unit, deadlines and cards, days per stage, for the caller's subtree. */
@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('dashboard')
export class DashboardController {
  constructor(
    private readonly dashboard: DashboardRepository,
    private readonly access: CaseAccessService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Dashboard figures for your org unit subtree' })
  @ApiOkResponse({
    description:
      'Counts by stage and unit (each unit includes the units below it), overdue and due-soon running clocks, cards, 督办, ' +
      'fault-tolerance outcomes, and days per stage over visits that ended: averageDays exact, p90Days the 90th-percentile ' +
      'visit (nearest rank) read from a histogram, so within its bucket of the exact value (1 day below 32 days, 4 days below 128, ' +
      '16 below 512, 64 beyond). Counts are exact: the database ' +
      'keeps them in the same transaction as each change.',
  })
  async figures(@CurrentUser() user: AuthUser, @Query() query: DashboardQuery): Promise<DashboardResponse> {
    const orgPath = query.orgUnit ? await this.access.orgPathWithin(user, query.orgUnit, 'orgUnit') : user.orgPath;
    const now = new Date();
    return { generatedAt: now.toISOString(), ...(await this.dashboard.figures(orgPath, now, query.dueSoonDays * 86_400_000)) };
  }
}
