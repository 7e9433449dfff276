import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { CaseActionsService } from './case-actions.service';
import { CaseQueriesService } from './case-queries.service';
import { CaseReplay } from './case-replay';
import { CaseRegistrationService } from './case-registration.service';
import { CasesController } from './cases.controller';

@Module({
  imports: [AccessModule],
  controllers: [CasesController],
  providers: [CaseActionsService, CaseQueriesService, CaseRegistrationService, CaseReplay],
})
export class CasesModule {}
