import { Body, Controller, Get, Headers, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post, Query, type PipeTransform } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { isUUID } from 'class-validator';
import { ACTION_NAMES, CASE_LIST_COUNT_LIMIT, CASE_SEARCH_COUNT_LIMIT, REVIEW_ACTION_NAMES, isCaseNumber } from '@dandang/contracts';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { CaseActionsService } from './case-actions.service';
import { CaseQueriesService } from './case-queries.service';
import { CaseRegistrationService } from './case-registration.service';
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
const IDEMPOTENCY = { name: 'Idempotency-Key', required: false, description: 'A repeat returns the first response and changes nothing' };

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
  register(@CurrentUser() user: AuthUser, @Body() body: RegisterCaseDto, @Headers('idempotency-key') key?: string) {
    return this.registration.register(user, body, key);
  }

  @Get('cases')
  @ApiOperation({ summary: '案件列表 (list cases in your org unit subtree)' })
  @ApiOkResponse({
    description: `One page of cases. The total is counted up to ${CASE_LIST_COUNT_LIMIT} (${CASE_SEARCH_COUNT_LIMIT} for a text search): beyond that it is the limit with totalCapped true (shown as "${CASE_LIST_COUNT_LIMIT.toLocaleString('en')}+"); narrow the filters to page further.`,
    schema: {
      type: 'object',
      required: ['items', 'total', 'totalCapped', 'page', 'pageSize'],
      properties: {
        items: { type: 'array', items: { type: 'object', description: 'A case summary' } },
        total: { type: 'integer', maximum: CASE_LIST_COUNT_LIMIT, description: `Matching cases, at most ${CASE_LIST_COUNT_LIMIT} (${CASE_SEARCH_COUNT_LIMIT} with text)` },
        totalCapped: { type: 'boolean', description: `True when more cases match than the total counts` },
        page: { type: 'integer' },
        pageSize: { type: 'integer' },
      },
    },
  })
  list(@CurrentUser() user: AuthUser, @Query() query: ListCasesQuery) {
    return this.queries.list(user, query);
  }

  @Get('cases/:id')
  @ApiOperation({ summary: '案件详情 (a case, by its id or its number, e.g. DD-2026-000001)' })
  detail(@CurrentUser() user: AuthUser, @Param('id', caseIdOrNumber) ref: string) {
    return this.queries.detail(user, ref);
  }

  @Get('cases/:id/timeline')
  timeline(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.queries.timeline(user, id);
  }

  @Get('cases/:id/fault-tolerance')
  @ApiOperation({ summary: '容错审查 (the fault-tolerance reviews: assessment, recommendation with reasons, votes)' })
  faultTolerance(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.queries.faultTolerance(user, id);
  }

  @Post('cases/:id/actions/:action')
  @HttpCode(200)
  @ApiOperation({ summary: `Take an action on a case: ${ACTION_NAMES.join(', ')}; a review step (body names reviewId): ${REVIEW_ACTION_NAMES.join(', ')}` })
  @ApiHeader(IDEMPOTENCY)
  @ApiBody({ schema: { type: 'object', description: "The action's fields, plus optional expectedVersion" } })
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
  tasks(@CurrentUser() user: AuthUser) {
    return this.queries.tasks(user);
  }

  @Get('audit/verify')
  @Roles('AUDITOR', 'SUPERVISOR', 'ADMIN')
  @ApiOperation({ summary: 'Verify the hash chain of a case’s audit trail' })
  verify(@CurrentUser() user: AuthUser, @Query() query: VerifyAuditQuery) {
    return this.queries.verifyAudit(user, query.caseId);
  }
}
