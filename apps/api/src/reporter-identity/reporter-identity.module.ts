import { Module } from '@nestjs/common';
import { AccessModule } from '../access/access.module';
import { ReporterIdentityController } from './reporter-identity.controller';
import { ReporterIdentityService } from './reporter-identity.service';

@Module({
  imports: [AccessModule],
  controllers: [ReporterIdentityController],
  providers: [ReporterIdentityService],
})
export class ReporterIdentityModule {}
