import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiParam, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Origin, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import type { RequestOrigin } from '../auth/auth.service';
import { ApiAnswer } from '../openapi/api-answer';
import { DOCX_TYPE, DocumentsService } from './documents.service';
import { DownloadQuery, GenerateDocumentDto, RecordServiceDto } from './dto/documents.dto';

const uuid = new ParseUUIDPipe({ version: undefined, errorHttpStatusCode: 404 });
const CASE_ID = { name: 'id', format: 'uuid', description: "The case's id" };
const FILE = { type: 'string' as const, format: 'binary' };
const DOC_ID = { name: 'docId', format: 'uuid', description: "The document's id" };

/** 文书: documents generated from a case, by the staff who handle it; a case they may not see is 404 here too. */
@ApiTags('documents')
@ApiBearerAuth()
@Controller('cases/:id/documents')
@Roles('INTAKE_OFFICER', 'CASE_OFFICER', 'SUPERVISOR')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get()
  @ApiOperation({ summary: '文书列表 (the documents generated from the case, and the kinds it could produce now)' })
  @ApiParam(CASE_ID)
  @ApiAnswer('CaseDocumentList')
  list(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.documents.list(user, id);
  }

  @Post()
  @ApiOperation({ summary: '生成文书 (generate a document: numbered, stored, its SHA-256 recorded on the case; `personId` for a document of one person)' })
  @ApiParam(CASE_ID)
  @ApiAnswer('CaseDocumentView', { status: 201 })
  generate(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Body() body: GenerateDocumentDto) {
    return this.documents.generate(user, id, body.kind, body.personId);
  }

  @Get(':docId')
  @ApiOperation({ summary: '下载文书 (the .docx as generated, or a PDF rendered from it; 503 where LibreOffice is missing). Each download is a security event' })
  @ApiParam(CASE_ID)
  @ApiParam(DOC_ID)
  @ApiOkResponse({ description: 'The file', content: { [DOCX_TYPE]: { schema: FILE }, 'application/pdf': { schema: FILE } } })
  async download(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Param('docId', uuid) docId: string,
    @Query() query: DownloadQuery,
    @Origin() origin: RequestOrigin,
  ): Promise<StreamableFile> {
    const file = await this.documents.download(user, id, docId, query.format, origin.address);
    return new StreamableFile(file.content, {
      type: file.contentType,
      length: file.content.length,
      disposition: `attachment; filename="document.${query.format}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    });
  }

  @Post(':docId/service')
  @ApiOperation({ summary: '登记送达 (record who received the document, when and how; the 送达回证 renders it)' })
  @ApiParam(CASE_ID)
  @ApiParam(DOC_ID)
  @ApiAnswer('CaseDocumentView', { status: 201 })
  recordService(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Param('docId', uuid) docId: string, @Body() body: RecordServiceDto) {
    return this.documents.recordService(user, id, docId, body);
  }
}
