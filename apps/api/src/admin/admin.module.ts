import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { AdminController } from './admin.controller';
import { AdminService } from './admin.service';
import { DirectoryImportController } from './directory-import.controller';
import { DirectoryImportService } from './directory-import.service';
import { OrgUnitsController } from './org-units.controller';
import { OrgUnitsService } from './org-units.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [AuthModule],
  controllers: [AdminController, OrgUnitsController, UsersController, DirectoryImportController],
  providers: [AdminService, OrgUnitsService, UsersService, DirectoryImportService],
})
export class AdminModule {}
