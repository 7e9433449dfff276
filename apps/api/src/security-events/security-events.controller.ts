import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { ApiAnswer } from '../openapi/api-answer';
import { SecurityEventLog } from './security-event-log.service';
import { SecurityEventsQuery } from './security-events.query';

/** 安全审计: the security-event log, for auditors alone (三员分立: the administrator whose acts it records reads none of it). */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit/security-events')
@Roles('AUDITOR')
export class SecurityEventsController {
  constructor(private readonly log: SecurityEventLog) {}

  @Get()
  @ApiOperation({ summary: '安全事件 (security events: sign-ins, refusals, revocations, publications), newest first' })
  @ApiAnswer('SecurityEventPage')
  list(@Query() query: SecurityEventsQuery) {
    return this.log.list({ kinds: query.kind, actor: query.actor, from: query.from, to: query.to }, query.page, query.pageSize);
  }

  @Get('verify')
  @ApiOperation({ summary: 'Verify the hash chain of the security-event log' })
  @ApiAnswer('SecurityEventChainVerification')
  verify() {
    return this.log.verify();
  }
}
