import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CASE_READER_ROLES } from '@dandang/domain';
import { CurrentUser, Origin, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import type { RequestOrigin } from '../auth/auth.service';
import { ApiAnswer } from '../openapi/api-answer';
import { AuditExportService } from './audit-export.service';
import { CaseExportService } from './case-export.service';
import { AuditExportQuery, ExportCasesQuery, ExportDashboardQuery } from './export.query';
import { sendExport } from './send-export';

const uuid = new ParseUUIDPipe({ version: undefined, errorHttpStatusCode: 404 });

/** How a binary export is described in the OpenAPI document. */
export const BINARY_EXPORT = {
  status: 200,
  description:
    'The file, streamed (no Content-Length): XLSX, or CSV in UTF-8 with a byte-order mark (so that Excel reads Chinese). ' +
    'X-Export-Rows gives the number of rows counted before it was written, for progress; Content-Disposition names the file.',
  headers: { 'X-Export-Rows': { description: 'Rows in the file', schema: { type: 'integer' } } },
  content: {
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
    'text/csv': { schema: { type: 'string', format: 'binary' } },
  },
} as const;

/**
 * Exports (导出): a case list with its filters, the dashboard's figures, a case's audit chain. Registered before the
 * cases controller so that `cases/export` is this route and not a case named "export".
 */
@ApiTags('exports')
@ApiBearerAuth()
@Controller()
export class ExportsController {
  constructor(
    private readonly cases: CaseExportService,
    private readonly audit: AuditExportService,
  ) {}

  @Get('cases/export')
  @ApiOperation({ summary: '导出案件列表 (export the case list with its filters, every page, as XLSX or CSV)' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv')
  @ApiResponse(BINARY_EXPORT)
  async exportCases(@CurrentUser() user: AuthUser, @Query() query: ExportCasesQuery, @Origin() origin: RequestOrigin, @Res() res: Response) {
    await sendExport(res, query.format, await this.cases.cases(user, query, origin.address));
  }

  @Get('dashboard/export')
  @Roles(...CASE_READER_ROLES)
  @ApiOperation({ summary: '导出统计看板 (export the dashboard figures, one sheet per table, as XLSX or CSV)' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv')
  @ApiResponse(BINARY_EXPORT)
  async exportDashboard(@CurrentUser() user: AuthUser, @Query() query: ExportDashboardQuery, @Origin() origin: RequestOrigin, @Res() res: Response) {
    await sendExport(res, query.format, await this.cases.dashboardFigures(user, query, origin.address));
  }

  @Get('cases/:id/audit/export')
  @Roles('AUDITOR')
  @ApiOperation({ summary: '导出审计链 (export a case’s hash-chained audit trail with its verification, as JSON or CSV)' })
  @ApiParam({ name: 'id', format: 'uuid', description: "The case's id" })
  @ApiProduces('application/json', 'text/csv')
  @ApiAnswer('AuditTrailExport', {
    description: 'JSON (format=json), or CSV (format=csv): the verification in the first lines, then one line per event with both hashes.',
  })
  async exportAudit(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Query() query: AuditExportQuery, @Origin() origin: RequestOrigin, @Res() res: Response) {
    const trail = await this.audit.export(user, id, query.format, origin.address);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Content-Disposition', `attachment; filename="${trail.fileName}"`);
    if (query.format === 'csv') res.type('text/csv; charset=utf-8').send(trail.csv);
    else res.json(trail.json);
  }
}
