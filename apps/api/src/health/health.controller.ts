import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { ApiAnswer, schemaRef } from '../openapi/api-answer';
import { HealthService } from './health.service';

/** Liveness of the API's dependencies; public so load balancers and compose health checks can call it. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly probes: HealthService) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Whether PostgreSQL and Temporal answer' })
  @ApiAnswer('HealthStatus', { description: 'Both answer' })
  @ApiResponse({ status: 503, description: 'One of them does not', schema: schemaRef('HealthStatus') })
  async health(@Res({ passthrough: true }) res: Response) {
    const status = await this.probes.status();
    res.status(status.status === 'ok' ? 200 : 503);
    return status;
  }
}
