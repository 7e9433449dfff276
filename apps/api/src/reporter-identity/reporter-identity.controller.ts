import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Origin } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import type { RequestOrigin } from '../auth/auth.service';
import { ApiAnswer } from '../openapi/api-answer';
import { ReporterIdentityService } from './reporter-identity.service';

const uuid = new ParseUUIDPipe({ version: undefined, errorHttpStatusCode: 404 });

/**
 * The reporter's identity (检举控告人信息). Asking, approving and refusing are case actions
 * (`requestReporterIdentity`, `approveReporterIdentity`, `refuseReporterIdentity`); these routes show it and list
 * what waits for a custodian.
 */
@ApiTags('cases')
@ApiBearerAuth()
@Controller()
export class ReporterIdentityController {
  constructor(private readonly reveals: ReporterIdentityService) {}

  @Get('cases/:id/reporter')
  @ApiOperation({
    summary: '查看举报人信息 (the reporter’s identity, to the officer whose request was approved, while in force; each showing is recorded)',
  })
  @ApiParam({ name: 'id', format: 'uuid', description: "The case's id" })
  @ApiAnswer('RevealedReporter')
  reveal(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Origin() origin: RequestOrigin) {
    return this.reveals.reveal(user, id, origin.address);
  }

  @Get('reporter-reveals')
  @ApiOperation({ summary: '待审批的举报人信息查看申请 (requests to see a reporter waiting for your decision as custodian)' })
  @ApiAnswer('PendingReveal', { list: true })
  awaiting(@CurrentUser() user: AuthUser) {
    return this.reveals.awaiting(user);
  }
}
