import { Module } from '@nestjs/common';
import { CaseAccessService } from './case-access.service';
import { CaseActionsService } from './case-actions.service';
import { CaseQueriesService } from './case-queries.service';
import { CaseRegistrationService } from './case-registration.service';
import { CasesController } from './cases.controller';

@Module({
  controllers: [CasesController],
  providers: [CaseAccessService, CaseActionsService, CaseQueriesService, CaseRegistrationService],
})
export class CasesModule {}
