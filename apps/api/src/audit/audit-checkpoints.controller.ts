import { Controller, Get, Param, ParseIntPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { ApiAnswer } from '../openapi/api-answer';
import { AuditCheckpointsService } from './audit-checkpoints.service';

/** 审计检查点: the HMAC-signed checkpoints of every audit chain's head, for auditors alone (三员分立). */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit/checkpoints')
@Roles('AUDITOR')
export class AuditCheckpointsController {
  constructor(private readonly checkpoints: AuditCheckpointsService) {}

  @Get('latest')
  @ApiOperation({ summary: 'The newest signed checkpoint of the audit chain heads, to export' })
  @ApiAnswer('AuditCheckpoint')
  latest() {
    return this.checkpoints.latest();
  }

  @Get(':id')
  @ApiOperation({ summary: 'One signed checkpoint of the audit chain heads (a delta holds the heads that advanced since its base)' })
  @ApiAnswer('AuditCheckpoint')
  byId(@Param('id', new ParseIntPipe({ errorHttpStatusCode: 404 })) id: number) {
    return this.checkpoints.byId(id);
  }
}
