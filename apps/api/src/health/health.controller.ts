import { Controller, Get, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';
import { ApiAnswer, schemaRef } from '../openapi/api-answer';
import { HealthService } from './health.service';

/**
 * Liveness and readiness, public so load balancers, orchestrators and compose health checks can call them: `live`
 * says the process answers (restart it if not), `ready` that it can serve (send it traffic only then).
 */
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

  @Public()
  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers (touches nothing else)' })
  @ApiResponse({ status: 200, description: 'Alive', schema: { type: 'object', properties: { status: { type: 'string', enum: ['ok'] } } } })
  live() {
    return { status: 'ok' as const };
  }

  @Public()
  @Get('ready')
  @ApiOperation({ summary: 'Readiness: PostgreSQL and Temporal answer and the migrations are current' })
  @ApiAnswer('HealthStatus', { description: 'Ready' })
  @ApiResponse({ status: 503, description: 'Not ready', schema: schemaRef('HealthStatus') })
  async ready(@Res({ passthrough: true }) res: Response) {
    const status = await this.probes.readiness();
    res.status(status.status === 'ok' ? 200 : 503);
    return status;
  }
}
