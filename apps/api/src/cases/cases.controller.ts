import { Body, Controller, Get, Headers, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Query, type PipeTransform } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { isUUID } from 'class-validator';
import { ACTION_NAMES, CASE_LIST_COUNT_LIMIT, CASE_SEARCH_COUNT_LIMIT, REVIEW_ACTION_NAMES, isCaseNumber } from '@dandang/contracts';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { ApiAnswer, generatedSchema, withProperty } from '../openapi/api-answer';
import { CaseActionsService } from './case-actions.service';
import { CaseQueriesService } from './case-queries.service';
import { CaseRegistrationService } from './case-registration.service';
import { CaseReplay } from './case-replay';
import { RenderedOnReplayBy } from '../http/idempotency.interceptor';
import { ListCasesQuery, VerifyAuditQuery } from './dto/list-cases.query';
import { RegisterCaseDto } from './dto/register-case.dto';

const uuid = new ParseUUIDPipe({ version: undefined, errorHttpStatusCode: 404 });
/** A case's id, or its number (DD-2026-000001) as officers quote it; anything else names no case. */
const caseIdOrNumber: PipeTransform<string, string> = {
  transform: (value) => {
    if (isUUID(value) || isCaseNumber(value)) return value;
    throw new NotFoundException('case not found: give its id or its number (DD-2026-000001)');
  },
};
const IDEMPOTENCY = {
  name: 'idempotency-key',
  required: false,
  description: "A repeat changes nothing and answers the first response's status with the case as you may see it now",
};
/** CaseList as generated, and the limit its total stops at: a fact of this route that the type does not say. */
const CASE_LIST_SCHEMA = withProperty(generatedSchema('CaseList'), 'total', {
  type: 'integer',
  maximum: CASE_LIST_COUNT_LIMIT,
  description: `Matching cases, at most ${CASE_LIST_COUNT_LIMIT} (${CASE_SEARCH_COUNT_LIMIT} with text)`,
});
const CASE_ID = { name: 'id', format: 'uuid', description: "The case's id" };

@ApiTags('cases')
@ApiBearerAuth()
@Controller()
export class CasesController {
  constructor(
    private readonly registration: CaseRegistrationService,
    private readonly actions: CaseActionsService,
    private readonly queries: CaseQueriesService,
  ) {}

  @Post('cases')
  @Roles('INTAKE_OFFICER', 'CASE_OFFICER')
  @ApiOperation({ summary: '登记问题线索 (register a problem clue)' })
  @ApiHeader(IDEMPOTENCY)
  @ApiAnswer('CaseView', { status: 201 })
  @RenderedOnReplayBy(CaseReplay)
  register(@CurrentUser() user: AuthUser, @Body() body: RegisterCaseDto, @Headers('idempotency-key') key?: string) {
    return this.registration.register(user, body, key);
  }

  @Get('cases')
  @ApiOperation({ summary: '案件列表 (list cases in your org unit subtree)' })
  @ApiAnswer('CaseList', {
    schema: CASE_LIST_SCHEMA,
    description: `One page of cases. The total is counted up to ${CASE_LIST_COUNT_LIMIT} (${CASE_SEARCH_COUNT_LIMIT} for a text search): beyond that it is the limit with totalCapped true (shown as "${CASE_LIST_COUNT_LIMIT.toLocaleString('en')}+"); narrow the filters to page further.`,
  })
  list(@CurrentUser() user: AuthUser, @Query() query: ListCasesQuery) {
    return this.queries.list(user, query);
  }

  @Get('cases/:id')
  @ApiOperation({ summary: '案件详情 (a case, by its id or its number, e.g. DD-2026-000001)' })
  @ApiParam({ name: 'id', description: "The case's id, or its number (DD-2026-000001)" })
  @ApiAnswer('CaseDetail', { description: 'The staff view (CaseView), or for the official concerned SubjectCaseView' })
  detail(@CurrentUser() user: AuthUser, @Param('id', caseIdOrNumber) ref: string) {
    return this.queries.detail(user, ref);
  }

  @Get('cases/:id/timeline')
  @ApiOperation({ summary: '办理记录 (every audit stream of the case, merged by time)' })
  @ApiParam(CASE_ID)
  @ApiAnswer('TimelineEntry', { list: true })
  timeline(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.queries.timeline(user, id);
  }

  @Get('cases/:id/fault-tolerance')
  @ApiOperation({ summary: '容错审查 (the fault-tolerance reviews: assessment, recommendation with reasons, votes)' })
  @ApiParam(CASE_ID)
  @ApiAnswer('FaultToleranceReviewView', { list: true })
  faultTolerance(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.queries.faultTolerance(user, id);
  }

  @Post('cases/:id/actions/:action')
  @HttpCode(200)
  @ApiOperation({ summary: `Take an action on a case: ${ACTION_NAMES.join(', ')}; a review step (body names reviewId): ${REVIEW_ACTION_NAMES.join(', ')}` })
  @ApiHeader(IDEMPOTENCY)
  @ApiParam(CASE_ID)
  // openapi/action-operations.ts gives each action an operation of its own, its body made from the action's field
  // specs, and makes this operation's body and answer those of any action.
  @ApiBody({ schema: { type: 'object', description: "The action's fields, plus optional expectedVersion" } })
  @ApiAnswer('CaseDetail')
  @RenderedOnReplayBy(CaseReplay)
  act(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Param('action') action: string,
    @Body() body: unknown,
    @Headers('idempotency-key') key?: string,
  ) {
    return this.actions.perform(user, id, action, body, key);
  }

  @Get('tasks')
  @ApiOperation({ summary: '我的待办 (cases waiting on you)' })
  @ApiAnswer('Task', { list: true })
  tasks(@CurrentUser() user: AuthUser) {
    return this.queries.tasks(user);
  }

  @Get('audit/verify')
  @Roles('AUDITOR', 'SUPERVISOR', 'ADMIN')
  @ApiOperation({ summary: 'Verify the hash chain of a case’s audit trail' })
  @ApiAnswer('ChainVerification')
  verify(@CurrentUser() user: AuthUser, @Query() query: VerifyAuditQuery) {
    return this.queries.verifyAudit(user, query.caseId);
  }
}
