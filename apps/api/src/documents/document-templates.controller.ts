import { Body, Controller, Get, Param, Post, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiParam, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { memoryStorage } from 'multer';
import { DOCUMENT_KINDS, enumValues } from '@dandang/contracts';
import { CurrentUser, Origin, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import type { RequestOrigin } from '../auth/auth.service';
import { ApiAnswer } from '../openapi/api-answer';
import { DOCX_TYPE } from './documents.service';
import { DocumentTemplatesService, MAX_TEMPLATE_BYTES } from './document-templates.service';

const KIND = { name: 'kind', enum: enumValues(DOCUMENT_KINDS), description: '文书种类 (kind of document)' };

/** An uploaded file as multer's memory storage gives it. */
interface UploadedDocx {
  buffer: Buffer;
  size: number;
}

/** 文书模板: the locality's templates, replaced by an administrator (versioned; the built-in one is the default). */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/document-templates')
@Roles('ADMIN')
export class DocumentTemplatesController {
  constructor(private readonly templates: DocumentTemplatesService) {}

  @Get()
  @ApiOperation({ summary: '文书模板 (the template each kind renders with now, and its placeholders)' })
  @ApiAnswer('DocumentTemplateInfo', { list: true })
  list() {
    return this.templates.list();
  }

  @Get(':kind')
  @ApiOperation({ summary: '下载文书模板 (the current template of a kind, to edit and upload again)' })
  @ApiParam(KIND)
  @ApiOkResponse({ description: 'The .docx template', content: { [DOCX_TYPE]: { schema: { type: 'string', format: 'binary' } } } })
  async download(@Param('kind') kind: string): Promise<StreamableFile> {
    const template = await this.templates.current(kind);
    return new StreamableFile(template.content, {
      type: DOCX_TYPE,
      length: template.content.length,
      disposition: `attachment; filename="${template.kind}-v${template.version}.docx"`,
    });
  }

  @Post(':kind')
  @ApiOperation({
    summary: '更换文书模板 (upload a .docx; it must render with a sample case, else 400 naming the tag; numberPrefix sets the 文号 prefix)',
  })
  @ApiParam(KIND)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' }, numberPrefix: { type: 'string', maxLength: 20, examples: ['纪立'] } },
    },
  })
  @ApiAnswer('DocumentTemplateInfo', { status: 201 })
  @UseInterceptors(FileInterceptor('file', { storage: memoryStorage(), limits: { fileSize: MAX_TEMPLATE_BYTES, files: 1, fields: 2 } }))
  upload(
    @CurrentUser() user: AuthUser,
    @Param('kind') kind: string,
    @UploadedFile() file: UploadedDocx | undefined,
    @Body() body: Record<string, unknown>,
    @Origin() origin: RequestOrigin,
  ) {
    return this.templates.upload(user, kind, file?.buffer, body?.numberPrefix, origin.address);
  }
}
