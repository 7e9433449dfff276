import { Module } from '@nestjs/common';
import { CaseAccessService } from './case-access.service';
import { CaseActionsService } from './case-actions.service';
import { CaseQueriesService } from './case-queries.service';
import { CaseRegistrationService } from './case-registration.service';
import { CasesController } from './cases.controller';
import { AdminController } from '../admin/admin.controller';
import { DashboardController } from '../dashboard/dashboard.controller';
import { NotificationsController } from '../notifications/notifications.controller';
import { DirectoryController } from '../directory/directory.controller';

@Module({
  controllers: [CasesController, AdminController, DashboardController, NotificationsController, DirectoryController],
  providers: [CaseAccessService, CaseActionsService, CaseQueriesService, CaseRegistrationService],
})
export class CasesModule {}
