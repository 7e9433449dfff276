import { Body, Controller, Get, Post, Query, Res, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { AnyFilesInterceptor } from '@nestjs/platform-express';
import type { Response } from 'express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Origin, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import type { RequestOrigin } from '../auth/auth.service';
import { ApiAnswer } from '../openapi/api-answer';
import { DirectoryImportService } from './directory-import.service';
import { ImportTemplateQuery } from './dto/admin.dto';
import { importTemplate, type UploadedFile } from './import-files';

/** A roster of a few thousand rows is well under this. */
const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** 批量导入 (system administrators only): units and users from CSV or XLSX, all or nothing (docs/administration-import.md). */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/import')
@Roles('ADMIN')
export class DirectoryImportController {
  constructor(private readonly imports: DirectoryImportService) {}

  @Post()
  @UseInterceptors(AnyFilesInterceptor({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 2, fields: 2 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['reason'],
      properties: {
        file: { type: 'string', format: 'binary', description: 'An XLSX workbook with sheets 单位 (units) and/or 人员 (users), or a CSV file' },
        units: { type: 'string', format: 'binary', description: 'A CSV of units' },
        users: { type: 'string', format: 'binary', description: 'A CSV of users' },
        reason: { type: 'string', description: 'Why, for the security-event log' },
      },
    },
  })
  @ApiOperation({ summary: '批量导入单位和用户 (import units and users, checked row by row; every problem names its sheet, row and column; all or nothing)' })
  @ApiAnswer('DirectoryImportResult', { status: 201 })
  import(@CurrentUser() user: AuthUser, @UploadedFiles() files: UploadedFile[] | undefined, @Body() body: { reason?: unknown }, @Origin() origin: RequestOrigin) {
    return this.imports.import(user, files ?? [], body?.reason, origin);
  }

  @Get('template')
  @ApiOperation({ summary: 'The import template: an XLSX workbook with both sheets and notes, or one sheet as CSV' })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv')
  @ApiResponse({
    status: 200,
    description: 'The template file',
    content: {
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
      'text/csv': { schema: { type: 'string', format: 'binary' } },
    },
  })
  async template(@Query() query: ImportTemplateQuery, @Res() response: Response) {
    const file = await importTemplate(query.format, query.sheet);
    response.setHeader('Content-Type', file.contentType);
    response.setHeader('Content-Disposition', `attachment; filename="${file.filename}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`);
    response.send(file.body);
  }
}
