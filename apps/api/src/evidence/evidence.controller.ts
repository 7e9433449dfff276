import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { EVIDENCE_KINDS, EVIDENCE_MEDIA_TYPES } from '@dandang/contracts';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { ApiAnswer } from '../openapi/api-answer';
import { EvidenceService } from './evidence.service';

const uuid = new ParseUUIDPipe({ version: undefined, errorHttpStatusCode: 404 });
const CASE_ID = { name: 'id', format: 'uuid', description: "The case's id" };

@ApiTags('evidence')
@ApiBearerAuth()
@Controller('cases/:id/evidence')
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: '上传证据文件 (upload an evidence file; the case records it, with the SHA-256 the server computed)',
    description:
      "One file per request, streamed: the fields first, then the part `file`. Its type is read from its content (PDF, JPEG, PNG, DOCX, XLSX, plain text, MP3, MP4; else 415), its size is limited by the case's policy (`evidenceMaxBytes`; else 413). `supersedes` names the evidence file this one corrects: evidence is never deleted.",
  })
  @ApiParam(CASE_ID)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['kind', 'description', 'file'],
      properties: {
        kind: { type: 'string', enum: Object.keys(EVIDENCE_KINDS) },
        description: { type: 'string', maxLength: 10_000 },
        supersedes: { type: 'string', format: 'uuid', description: 'The evidence file this one corrects' },
        file: { type: 'string', format: 'binary', description: `One of: ${Object.keys(EVIDENCE_MEDIA_TYPES).join(', ')}` },
      },
    },
  })
  @ApiAnswer('EvidenceFileView', { status: 201 })
  upload(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string, @Req() req: Request) {
    return this.evidence.upload(user, id, req);
  }

  @Get()
  @ApiOperation({ summary: '证据文件 (the evidence files of a case, superseded ones included; not for auditors)' })
  @ApiParam(CASE_ID)
  @ApiAnswer('EvidenceFileView', { list: true })
  list(@CurrentUser() user: AuthUser, @Param('id', uuid) id: string) {
    return this.evidence.list(user, id);
  }

  @Get(':fileId/content')
  @ApiOperation({ summary: '下载证据文件 (download an evidence file; recorded in the security-event log)' })
  @ApiParam(CASE_ID)
  @ApiParam({ name: 'fileId', format: 'uuid' })
  @ApiProduces('application/octet-stream')
  @ApiResponse({
    status: 200,
    description: "The file's bytes, with its type as recognised at upload and its SHA-256 in Repr-Digest",
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  async download(
    @CurrentUser() user: AuthUser,
    @Param('id', uuid) id: string,
    @Param('fileId', uuid) fileId: string,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { file, content } = await this.evidence.download(user, id, fileId, req.ip);
    res.status(200);
    res.setHeader('Content-Type', file.mediaType);
    res.setHeader('Content-Length', String(file.size));
    res.setHeader('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`);
    res.setHeader('Repr-Digest', `sha-256=:${Buffer.from(file.sha256, 'hex').toString('base64')}:`);
    res.setHeader('Cache-Control', 'no-store');
    // A file that fails its check mid-way (altered at rest) ends the connection: the client sees a cut download.
    content.on('error', () => res.destroy());
    content.pipe(res);
  }
}
