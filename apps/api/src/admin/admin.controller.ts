import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiNoContentResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { CurrentUser, Origin, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { AuthService, type RequestOrigin } from '../auth/auth.service';
import { ApiAnswer, schemaRef } from '../openapi/api-answer';
import { AdminService } from './admin.service';

export class RevokeSessionsDto {
  @ApiProperty({ example: '设备遗失 (device lost)', description: 'Why, for the security-event log' })
  @IsString() @MinLength(1) @MaxLength(500) reason!: string;
}

/**
 * 系统管理: publishing policy and holiday-calendar versions. Running cases keep the policy they pinned; a calendar
 * publication joins the published years, and running cases take the years they lack (docs/domain.md §f). The bodies
 * are checked by the domain's own rules (policyProblems, calendarProblems), which name each field at fault.
 */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin')
@Roles('ADMIN')
export class AdminController {
  constructor(
    private readonly admin: AdminService,
    private readonly auth: AuthService,
  ) {}

  @Get('policies')
  @ApiOperation({ summary: 'Published policy versions, newest first' })
  @ApiAnswer('PublishedPolicy', { list: true })
  policies() {
    return this.admin.policies();
  }

  @Post('policies')
  @ApiOperation({ summary: 'Publish a new policy version (stage limits, reminder and escalation ladder, maximum extensions)' })
  @ApiBody({ schema: schemaRef('PinnedPolicy') })
  @ApiAnswer('PinnedPolicy', { status: 201 })
  publishPolicy(@CurrentUser() user: AuthUser, @Body() body: unknown) {
    return this.admin.publishPolicy(user, body);
  }

  @Get('calendars')
  @ApiOperation({ summary: 'Published holiday-calendar versions, newest first' })
  @ApiAnswer('PublishedCalendar', { list: true })
  calendars() {
    return this.admin.calendars();
  }

  @Post('calendars')
  @ApiOperation({ summary: "Publish a new holiday-calendar version (a year's State Council schedule or a regional override), joined to the published years" })
  @ApiBody({ schema: schemaRef('PinnedCalendar') })
  @ApiAnswer('PinnedCalendar', { status: 201 })
  publishCalendar(@CurrentUser() user: AuthUser, @Body() body: unknown) {
    return this.admin.publishCalendar(user, body);
  }

  @Post('users/:id/revoke-sessions')
  @HttpCode(204)
  @ApiOperation({ summary: '注销登录 (revoke every session of a user: their tokens are refused from now on)' })
  @ApiNoContentResponse({ description: 'Revoked' })
  async revokeSessions(
    @CurrentUser() user: AuthUser,
    @Param('id', new ParseUUIDPipe({ version: undefined, errorHttpStatusCode: 404 })) id: string,
    @Body() body: RevokeSessionsDto,
    @Origin() origin: RequestOrigin,
  ) {
    await this.auth.revokeSessions(user, id, body.reason, origin);
  }
}
