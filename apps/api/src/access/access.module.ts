import { Module } from '@nestjs/common';
import { CaseAccessService } from './case-access.service';

/** Who may see which case and org unit: shared by the features that read cases (cases, dashboard). */
@Module({
  providers: [CaseAccessService],
  exports: [CaseAccessService],
})
export class AccessModule {}
