import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { AuditExportService } from './audit-export.service';
import { CaseExportService } from './case-export.service';
import { ExportsController } from './exports.controller';

/** 导出: case lists, dashboard figures and audit chains as files (reports export from their own module). */
@Module({
  imports: [AccessModule],
  controllers: [ExportsController],
  providers: [CaseExportService, AuditExportService],
  exports: [CaseExportService],
})
export class ExportsModule {}
