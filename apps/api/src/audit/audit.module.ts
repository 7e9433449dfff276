import { Module } from '@nestjs/common';
import { AuditCheckpointsController } from './audit-checkpoints.controller';
import { AuditCheckpointsService } from './audit-checkpoints.service';

@Module({
  controllers: [AuditCheckpointsController],
  providers: [AuditCheckpointsService],
})
export class AuditModule {}
