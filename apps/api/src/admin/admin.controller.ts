import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PinnedCalendar, PinnedPolicy } from '@dandang/contracts';
import { DomainError, DomainErrorCode, calendarProblems, invalidInput, policyProblems } from '@dandang/domain';
import { ReferenceDataRepository } from '@dandang/persistence';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';

const exists = (what: string, version: string) =>
  new DomainError(DomainErrorCode.CONFLICT, `${what} version ${version} is already published; publish a new version`, 'VERSION_EXISTS');

/** 系统管理: publishing policy and holiday-calendar versions. Running cases keep the versions they pinned. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin')
@Roles('ADMIN')
export class AdminController {
  constructor(private readonly referenceData: ReferenceDataRepository) {}

  @Get('policies')
  policies() {
    return this.referenceData.listPolicies();
  }

  @Post('policies')
  @ApiOperation({ summary: 'Publish a new policy version (stage limits, reminder and escalation ladder, maximum extensions)' })
  @ApiBody({ schema: { type: 'object' } })
  async publishPolicy(@CurrentUser() user: AuthUser, @Body() body: unknown) {
    const problems = policyProblems(body);
    if (problems.length) throw invalidInput(problems);
    const policy = body as PinnedPolicy;
    if (!(await this.referenceData.publishPolicy(policy, user.id))) throw exists('policy', policy.version);
    return policy;
  }

  @Get('calendars')
  calendars() {
    return this.referenceData.listCalendars();
  }

  @Post('calendars')
  @ApiOperation({ summary: "Publish a new holiday-calendar version (a year's State Council schedule or a regional override)" })
  @ApiBody({ schema: { type: 'object' } })
  async publishCalendar(@CurrentUser() user: AuthUser, @Body() body: unknown) {
    const problems = calendarProblems(body);
    if (problems.length) throw invalidInput(problems);
    const calendar = body as PinnedCalendar;
    if (!(await this.referenceData.publishCalendar(calendar, user.id))) throw exists('calendar', calendar.version);
    return calendar;
  }
}
