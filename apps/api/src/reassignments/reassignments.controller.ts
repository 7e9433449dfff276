import { Body, Controller, Get, Headers, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { RenderedOnReplayBy } from '../http/idempotency.interceptor';
import { ApiAnswer } from '../openapi/api-answer';
import { ReassignmentReplay } from './reassignment-replay';
import { ReassignmentsService } from './reassignments.service';
import { OpenCasesQuery, StartReassignmentDto } from './start-reassignment.dto';

const uuid = new ParseUUIDPipe({ version: undefined, errorHttpStatusCode: 404 });

/**
 * 批量改派 (staff change posts): a supervisor moves an officer's open cases to another officer, each case through its
 * own `reassign` (recusal and four eyes per case). Supervisors only: an administrator reads no case (三员分立).
 */
@ApiTags('reassignments')
@ApiBearerAuth()
@Controller('reassignments')
export class ReassignmentsController {
  constructor(private readonly reassignments: ReassignmentsService) {}

  @Get('holders')
  @ApiOperation({ summary: '持有在办案件的承办人 (officers, active or not, holding open cases in your sight)' })
  @ApiAnswer('CaseHolder', { list: true })
  holders(@CurrentUser() user: AuthUser) {
    return this.reassignments.holders(user);
  }

  @Get('open-cases')
  @ApiOperation({ summary: "An officer's open cases in your sight, oldest first, to choose from" })
  @ApiAnswer('ReassignableCase', { list: true })
  openCases(@CurrentUser() user: AuthUser, @Query() query: OpenCasesQuery) {
    return this.reassignments.openCases(user, query.from);
  }

  @Post()
  @ApiOperation({ summary: '批量改派 (start moving an officer’s open cases, or some of them, to another officer)' })
  @ApiHeader({ name: 'idempotency-key', required: false, description: 'A repeat starts no second run and answers with the first' })
  @ApiAnswer('ReassignmentStarted', { status: 201 })
  @RenderedOnReplayBy(ReassignmentReplay)
  start(@CurrentUser() user: AuthUser, @Body() body: StartReassignmentDto, @Headers('idempotency-key') key?: string) {
    return this.reassignments.start(user, body, key);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A bulk reassignment’s progress and the result per case (applied, refused with the reason, failed)' })
  @ApiParam({ name: 'id', format: 'uuid', description: 'The id POST answered with' })
  @ApiAnswer('ReassignmentView')
  view(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.reassignments.view(user, id);
  }
}
